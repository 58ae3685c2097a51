import { OWN, accessDocument } from './access.fixture.js';
import { explainAccess } from './explain-access.js';

describe('explainAccess', () => {
  it('says per role and operation which records, in words', () => {
    const texts = explainAccess(accessDocument(), { roles: ['rep'] }, 'deal').map((i) => i.text);
    expect(texts).toEqual([
      'via role Sales rep: read where Owner is me',
      'via role Sales rep: create deals',
      'via role Sales rep: update where Owner is me',
      'via role Sales rep: delete where Owner is me',
      'via role Sales rep: Margin is hidden',
      'via role Sales rep: Amount is read-only',
    ]);
  });

  it('returns structured items with the effective condition', () => {
    const [read, create, update] = explainAccess(accessDocument(), { roles: ['rep'] }, 'deal');
    expect(read).toEqual({ role: 'rep', roleLabel: 'Sales rep', operation: 'read', scope: 'condition', condition: OWN, text: 'via role Sales rep: read where Owner is me' });
    expect(create).toMatchObject({ operation: 'create', scope: 'all' });
    expect(update).toMatchObject({ operation: 'update', scope: 'condition', condition: OWN });
    const margin = explainAccess(accessDocument(), { roles: ['rep'] }, 'deal').find((i) => i.field === 'margin');
    expect(margin).toMatchObject({ operation: 'field', level: 'hidden' });
  });

  it('words team scopes, missing rights and transfer', () => {
    const texts = explainAccess(accessDocument(), { roles: ['manager'] }, 'deal').map((i) => i.text);
    expect(texts).toEqual([
      'via role Sales manager: read where Team is one of my teams',
      'via role Sales manager: cannot create deals',
      'via role Sales manager: update where Team is one of my teams',
      'via role Sales manager: cannot delete deals',
      'via role Sales manager: may hand records over to other owners',
    ]);
    expect(explainAccess(accessDocument(), { roles: ['manager'] }, 'company')[0]).toMatchObject({ scope: 'none', text: 'via role Sales manager: cannot read companies' });
  });

  it('explains the built-in admin role first and skips unknown roles', () => {
    const items = explainAccess(accessDocument(), { roles: ['ghost', 'auditor', 'admin'] }, 'deal');
    expect(items[0]).toMatchObject({ role: 'admin', operation: 'read', scope: 'all', text: 'via role Administrator (built in): read every record' });
    expect(new Set(items.map((i) => i.role))).toEqual(new Set(['admin', 'auditor']));
    expect(items.find((i) => i.role === 'auditor' && i.operation === 'read')!.text).toBe('via role Auditor: read every record');
  });

  it('throws a clear error for an unknown entity', () => {
    expect(() => explainAccess(accessDocument(), { roles: ['rep'] }, 'nope')).toThrow(/Unknown entity 'nope'/);
  });
});
