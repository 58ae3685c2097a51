export { isLocale, labelAt, labelPath, LOCALE_PATTERN, TRANSLATABLE_PROPERTIES } from './label-pointer.js';
export { translationProblem, type TranslationProblem } from './check-translations.js';
export { renameEntityInTranslations, renameFieldInTranslations, staleTranslations, withoutStaleTranslations } from './translation-edits.js';
