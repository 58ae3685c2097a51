import { salesDocument, type MetadataDocument } from '@trellis/metadata';
import { DEFAULT_LOCALE, effectiveLocale, inSentence, localeChoices } from './data-locale.js';

const AVAILABLE = ['de', 'pt', 'pt-BR'];

describe('effectiveLocale', () => {
  it('follows the browser language when nothing was picked', () => {
    expect(effectiveLocale(null, 'de-DE', AVAILABLE)).toBe('de');
    expect(effectiveLocale(null, 'pt-BR', AVAILABLE)).toBe('pt-BR');
    expect(effectiveLocale(null, 'fr-FR', AVAILABLE)).toBeUndefined();
  });

  it('prefers the locale picked in the user menu over the browser’s', () => {
    expect(effectiveLocale('pt', 'de-DE', AVAILABLE)).toBe('pt');
    expect(effectiveLocale(DEFAULT_LOCALE, 'de-DE', AVAILABLE)).toBeUndefined();
  });

  it('falls back to the browser’s when the picked locale is no longer translated', () => {
    expect(effectiveLocale('fr', 'de-AT', AVAILABLE)).toBe('de');
  });
});

describe('localeChoices', () => {
  it('lists the default labels, then the locales the document translates', () => {
    const doc: MetadataDocument = { ...salesDocument(), translations: { 'pt-BR': {}, de: {} } };
    expect(localeChoices(doc).map((c) => c.value)).toEqual([DEFAULT_LOCALE, 'de', 'pt-BR']);
    expect(localeChoices(salesDocument())).toEqual([{ value: DEFAULT_LOCALE, label: 'Default labels' }]);
  });
});

describe('inSentence', () => {
  it('lower-cases a label inside a sentence, keeping acronyms', () => {
    expect(inSentence('Service Case', undefined)).toBe('service case');
    expect(inSentence('CRM account', 'en-US')).toBe('CRM account');
  });

  it('keeps the capitals of languages whose nouns have them', () => {
    expect(inSentence('Arbeitsauftrag', 'de')).toBe('Arbeitsauftrag');
    expect(inSentence('Arbeitsaufträge', 'de-CH')).toBe('Arbeitsaufträge');
    expect(inSentence('Ordre de travail', 'fr')).toBe('ordre de travail');
  });
});
