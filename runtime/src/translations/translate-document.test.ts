import { salesDocument, type MetadataDocument } from '@trellis/metadata';
import { bestLocale, translateDocument } from './translate-document.js';

const translated = (): MetadataDocument => ({
  ...salesDocument(),
  translations: {
    de: { '/entities/company/label': 'Firma', '/entities/opportunity/fields/stage/options/won/label': 'Gewonnen' },
    pt: { '/entities/company/label': 'Empresa' },
    'pt-BR': { '/entities/company/label': 'Companhia', '/entities/company/pluralLabel': 'Companhias' },
  },
});

describe('bestLocale', () => {
  it('takes the exact locale, else its language, ignoring letter case', () => {
    expect(bestLocale(['de', 'pt', 'pt-BR'], 'pt-BR')).toBe('pt-BR');
    expect(bestLocale(['de', 'pt', 'pt-BR'], 'pt-PT')).toBe('pt');
    expect(bestLocale(['de', 'pt-BR'], 'pt-br')).toBe('pt-BR');
    expect(bestLocale(['de'], 'de-AT')).toBe('de');
    expect(bestLocale(['zh-Hant'], 'zh-Hant-TW')).toBe('zh-Hant');
  });

  it('finds none for another language, or no locale at all', () => {
    expect(bestLocale(['de'], 'fr-FR')).toBeUndefined();
    expect(bestLocale(['de'], undefined)).toBeUndefined();
    expect(bestLocale(['pt-BR'], 'pt')).toBeUndefined();
  });
});

describe('translateDocument', () => {
  it('replaces the labels of the best matching locale, options by value, in a copy', () => {
    const doc = translated();
    const de = translateDocument(doc, 'de-CH');
    expect(de.entities.company!.label).toBe('Firma');
    expect(de.entities.opportunity!.fields.stage!.options!.find((o) => o.value === 'won')!.label).toBe('Gewonnen');
    expect(de.entities.contact!.label).toBe('Contact'); // untranslated labels stay
    expect(doc.entities.company!.label).toBe('Company'); // the original is untouched
  });

  it('prefers the regional locale, falling back to the language', () => {
    expect(translateDocument(translated(), 'pt-BR').entities.company).toMatchObject({ label: 'Companhia', pluralLabel: 'Companhias' });
    expect(translateDocument(translated(), 'pt-PT').entities.company).toMatchObject({ label: 'Empresa', pluralLabel: 'Companies' });
  });

  it('returns the document itself when no locale matches', () => {
    const doc = translated();
    expect(translateDocument(doc, 'fr')).toBe(doc);
    expect(translateDocument(salesDocument(), 'de').entities.company!.label).toBe('Company');
  });

  it('leaves the label of a stale pointer as it is', () => {
    const doc: MetadataDocument = { ...salesDocument(), translations: { de: { '/entities/deal/label': 'Geschäft', '/entities/tag/label': 'Etikett' } } };
    const de = translateDocument(doc, 'de');
    expect(de.entities.tag!.label).toBe('Etikett');
    expect(de.entities).not.toHaveProperty('deal');
  });
});
