import { diffDocuments } from '../diff.js';
import { planMigration } from '../plan.js';
import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';

const plan = (from: MetadataDocument, to: MetadataDocument) => planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 3 });
const translated = (de: Record<string, string>): MetadataDocument => ({ ...salesDocument(), translations: { de } });

describe('translations in the diff and the plan', () => {
  it('diffs translations per locale and plans them as one metadata-only step without SQL', () => {
    const from = translated({ '/entities/company/label': 'Firma', '/entities/tag/label': 'Etikett' });
    const to = translated({ '/entities/company/label': 'Unternehmen', '/entities/contact/label': 'Kontakt' });
    expect(diffDocuments(from, to).changes).toEqual([{ kind: 'changeOther', path: '/translations/de', from: from.translations!.de, to: to.translations!.de }]);
    expect(plan(from, to).steps).toEqual([
      { kind: 'metadataOnly', description: 'Change the de translations of labels: 1 added, 1 changed, 1 removed (metadata only)', destructive: false, sql: [] },
    ]);
  });

  it('plans nothing when the translations are the same', () => {
    const doc = translated({ '/entities/company/label': 'Firma' });
    expect(plan(doc, structuredClone(doc)).steps).toEqual([]);
  });
});
