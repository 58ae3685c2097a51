import { salesDocument } from '@trellis/metadata';
import { seedNaturalKey } from './seed-natural-key.js';

describe('seedNaturalKey', () => {
  const doc = salesDocument();

  it('uses the first unique field the record sets', () => {
    expect(seedNaturalKey(doc, 'contact', { lastName: 'Ng', email: 'ng@a.example' })).toEqual({ email: 'ng@a.example' });
    expect(seedNaturalKey(doc, 'tag', { name: 'urgent' })).toEqual({ name: 'urgent' });
  });

  it("falls back to the display field, else the entity's first text field", () => {
    expect(seedNaturalKey(doc, 'contact', { lastName: 'Ng', email: '' })).toEqual({ lastName: 'Ng' });
    expect(seedNaturalKey(doc, 'company', { name: 'Acme', employees: 3 })).toEqual({ name: 'Acme' });
    const { displayField: _d, ...opportunity } = doc.entities.opportunity!;
    expect(seedNaturalKey({ entities: { opportunity } }, 'opportunity', { name: 'Deal' })).toEqual({ name: 'Deal' });
  });

  it('is null when the record sets no identifying field, or the entity is unknown', () => {
    expect(seedNaturalKey(doc, 'contact', { firstName: 'Ann' })).toBeNull();
    expect(seedNaturalKey(doc, 'deal', { name: 'x' })).toBeNull();
  });
});
