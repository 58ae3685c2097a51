import { rewriteRenamedReferences, rewriteReferences } from '../rules/rewrite.js';
import { renameEntity } from '../packs/rename-component.js';
import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { renameEntityInTranslations, staleTranslations, withoutStaleTranslations } from './translation-edits.js';

const translated = (): MetadataDocument => ({
  ...salesDocument(),
  translations: {
    de: {
      '/entities/opportunity/label': 'Verkaufschance',
      '/entities/opportunity/fields/stage/label': 'Phase',
      '/entities/opportunity/fields/stage/options/won/label': 'Gewonnen',
      '/entities/company/label': 'Firma',
    },
  },
});

describe('translation edits', () => {
  it('moves the translations of a renamed entity, its fields and options to the new name', () => {
    const doc = renameEntity(translated(), 'opportunity', 'deal');
    expect(Object.keys(doc.translations!.de!)).toEqual([
      '/entities/deal/label',
      '/entities/deal/fields/stage/label',
      '/entities/deal/fields/stage/options/won/label',
      '/entities/company/label',
    ]);
    expect(validateDocument(doc)).toEqual([]);
  });

  it('moves the translations of a renamed field with its other references (rewriteReferences)', () => {
    const doc = translated();
    const fields = doc.entities.opportunity!.fields;
    doc.entities.opportunity!.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'stage' ? 'phase' : k, v]));
    const next = rewriteReferences(doc, 'opportunity', 'stage', 'phase');
    expect(next.translations!.de!['/entities/opportunity/fields/phase/label']).toBe('Phase');
    expect(next.translations!.de!['/entities/opportunity/fields/phase/options/won/label']).toBe('Gewonnen');
    expect(validateDocument(next)).toEqual([]);
  });

  it('follows a renamedFrom written by hand (pack files)', () => {
    const doc = translated();
    doc.entities = Object.fromEntries(Object.entries(doc.entities).map(([k, v]) => (k === 'opportunity' ? ['deal', { ...v, renamedFrom: 'opportunity' }] : [k, v])));
    expect(staleTranslations(doc)).toHaveLength(3);
    expect(staleTranslations(rewriteRenamedReferences(doc))).toEqual([]);
  });

  it('keeps a translation already at the new pointer rather than overwriting it', () => {
    const doc: MetadataDocument = { entities: {}, translations: { de: { '/entities/a/label': 'A', '/entities/b/label': 'B' } } };
    expect(renameEntityInTranslations(doc, 'a', 'b').translations).toEqual({ de: { '/entities/a/label': 'A', '/entities/b/label': 'B' } });
  });

  it('drops the translations of removed components, and locales left empty', () => {
    const doc = translated();
    doc.translations!.fr = { '/entities/opportunity/label': 'Opportunité' };
    delete doc.entities.opportunity;
    delete doc.entities.tag!.fields.opportunities;
    const next = withoutStaleTranslations(doc);
    expect(next.translations).toEqual({ de: { '/entities/company/label': 'Firma' } });
  });

  it('drops the translation of a removed option', () => {
    const doc = translated();
    doc.entities.opportunity!.fields.stage!.options = doc.entities.opportunity!.fields.stage!.options!.filter((o) => o.value !== 'won');
    expect(withoutStaleTranslations(doc).translations!.de!['/entities/opportunity/fields/stage/options/won/label']).toBeUndefined();
  });
});
