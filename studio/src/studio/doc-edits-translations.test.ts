import type { MetadataDocument } from '@trellis/metadata';
import { salesDoc } from '../testing/sales-doc.js';
import { removeEntity, removeField, renameEntity, renameField, updateField } from './doc-edits.js';

const translated = (): MetadataDocument => ({
  ...salesDoc(),
  translations: {
    de: {
      '/entities/opportunity/label': 'Verkaufschance',
      '/entities/opportunity/fields/stage/label': 'Phase',
      '/entities/opportunity/fields/stage/options/won/label': 'Gewonnen',
    },
  },
});

describe('document edits keep translations consistent', () => {
  it('moves the translations of a renamed entity and field to the new names', () => {
    const renamed = renameField(renameEntity(translated(), 'opportunity', 'deal'), 'deal', 'stage', 'phase');
    expect(renamed.translations).toEqual({
      de: {
        '/entities/deal/label': 'Verkaufschance',
        '/entities/deal/fields/phase/label': 'Phase',
        '/entities/deal/fields/phase/options/won/label': 'Gewonnen',
      },
    });
  });

  it('drops the translations of a removed field, option or entity', () => {
    expect(removeField(translated(), 'opportunity', 'stage').translations).toEqual({ de: { '/entities/opportunity/label': 'Verkaufschance' } });
    const doc = translated();
    const stage = doc.entities.opportunity!.fields.stage!;
    const withoutWon = updateField(doc, 'opportunity', 'stage', { ...stage, options: stage.options!.filter((o) => o.value !== 'won') });
    expect(Object.keys(withoutWon.translations!.de!)).toEqual(['/entities/opportunity/label', '/entities/opportunity/fields/stage/label']);
    expect(removeEntity(translated(), 'opportunity').translations).toBeUndefined();
  });
});
