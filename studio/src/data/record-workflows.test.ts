import type { MetadataDocument } from '@trellis/metadata';
import { entityHasWorkflows } from './record-workflows.js';

const doc = (workflows: MetadataDocument['workflows']) => ({ entities: {}, workflows }) as unknown as MetadataDocument;

describe('entityHasWorkflows', () => {
  it('finds workflows whose trigger names the entity, whatever their kind', () => {
    const d = doc({
      won: { label: 'Won', trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] }, steps: [] },
      nightly: { label: 'Nightly', trigger: { type: 'scheduled', cron: '0 3 * * *' }, steps: [] },
    });
    expect(entityHasWorkflows(d, 'opportunity')).toBe(true);
    expect(entityHasWorkflows(d, 'company')).toBe(false);
    expect(entityHasWorkflows(doc(undefined), 'company')).toBe(false);
  });
});
