export { recordJsonSchema, withNull, withoutEmpty } from './record-schema.js';
export type { RecordMode } from './record-schema.js';
export { compileRecordValidator } from './validate-record.js';
export type { FieldError, RecordValidator, ValidateRecordOptions } from './validate-record.js';
export { formatFieldLabel } from './field-label.js';
export { withDefaultValues } from './default-values.js';
export { toFormSchema } from './form-schema.js';
export type { FormSchema, RelatedList, UiSchema } from './form-schema.js';
export { resolveFormSections, DEFAULT_SECTION_LABEL, OTHER_SECTION_LABEL } from './form-layout.js';
export type { ResolvedSection } from './form-layout.js';
export { toListColumns, DEFAULT_PAGE_SIZE, DEFAULT_COLUMN_COUNT } from './list-columns.js';
export type { ListColumn, ListView } from './list-columns.js';
export { getEntity, displayFieldOf, isWritableField, writableFields } from './entity.js';
export { evaluateRule, evaluateCondition, isTruthy, registerOperation, unregisterOperation, listOperations } from './json-logic.js';
export type { JsonLogicRule, JsonLogicOperation } from './json-logic.js';
// Rule engine: extra operations (registered on import), rule context, validation rules and form conditions.
export * from './rules/index.js';
// Field values: rich text sanitizing, durations, and the value normalizers the registry names.
export { sanitizeRichText, normalizeRichText, richTextToPlainText, RICH_TEXT_TAGS, RICH_TEXT_LINK_SCHEMES } from './field-values/rich-text.js';
export { parseDuration, formatDuration, formatDurationLong } from './field-values/duration.js';
export { normalizeRecordValues, registerValueNormalizer, getValueNormalizer } from './field-values/normalize-values.js';
export type { ValueNormalizer } from './field-values/normalize-values.js';
// Formula fields: computed with evaluateRule, coerced to their result type (server writes, publish, studio preview).
export { computeFormulas, entityFormulas, evaluateFormula, formulaContext, formulaFailedMessage, FORMULA_RULE } from './formulas/compute-formulas.js';
export type { CompiledFormula, ComputedFormulas, EntityFormulas, RelatedRecords } from './formulas/compute-formulas.js';
export { coerceFormulaValue, roundHalfAway } from './formulas/formula-value.js';
export type { FormulaOutcome, FormulaValue } from './formulas/formula-value.js';
export { rollupValue } from './formulas/rollup-value.js';
// Access: what a set of roles may read, create, update, delete and transfer, field by field, and why.
export * from './access/index.js';
// Passwords: the policy the server enforces and the studio shows while a password is typed.
export { passwordProblem, isPredictablePassword, containsEmailName, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './passwords/password-policy.js';
// Workflows: the context, expressions and templates, trigger matching, cron and date-relative times, before-save.
export * from './workflows/index.js';
// Translations: the document with its labels in a person's language (the studio's data screens).
export { bestLocale, translateDocument } from './translations/translate-document.js';
