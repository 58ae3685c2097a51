import fc from 'fast-check';
import type { EntityPermission, MetadataDocument, RoleDefinition } from '@trellis/metadata';
import type { FieldAccess, ResolvedAccess } from './access-types.js';
import { resolveAccess } from './resolve-access.js';

const OWN = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
const FIELDS = ['name', 'amount', 'owner'] as const;
const ROLE_NAMES = ['a', 'b', 'c', 'd'] as const;

const scope = fc.constantFrom<boolean | typeof OWN | undefined>(true, false, OWN, undefined);
const permission: fc.Arbitrary<EntityPermission> = fc.record(
  {
    read: scope,
    create: fc.boolean(),
    update: scope,
    delete: scope,
    transfer: fc.boolean(),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom<'hidden' | 'readOnly'>('hidden', 'readOnly')),
  },
  { requiredKeys: [] },
);
const role: fc.Arbitrary<RoleDefinition> = fc.record({
  label: fc.constant('R'),
  manageMetadata: fc.boolean(),
  manageUsers: fc.boolean(),
  entities: fc.record({ deal: permission }, { requiredKeys: [] }),
});

function document(roles: Record<string, RoleDefinition>): MetadataDocument {
  return {
    entities: {
      deal: { label: 'Deal', pluralLabel: 'Deals', plural: 'deals', fields: { name: { type: 'text', label: 'Name' }, amount: { type: 'decimal', label: 'Amount' } } },
    },
    roles,
  };
}

const RANK: Record<FieldAccess, number> = { hidden: 0, readOnly: 1, editable: 2 };
/** Whether the records `more` grants include those `less` grants: a `true` grant covers all, else every predicate of `less` is in `more`. */
function covers(more: { scope: unknown }[], less: { scope: unknown }[]): boolean {
  if (more.some((g) => g.scope === true)) return true;
  const predicates = new Set(more.map((g) => JSON.stringify(g.scope)));
  return less.every((g) => g.scope !== true && predicates.has(JSON.stringify(g.scope)));
}

function atLeast(more: ResolvedAccess, less: ResolvedAccess): void {
  expect(more.manageMetadata || !less.manageMetadata).toBe(true);
  expect(more.manageUsers || !less.manageUsers).toBe(true);
  const [m, l] = [more.entities.deal!, less.entities.deal!];
  for (const op of ['read', 'update', 'delete'] as const) expect(covers(m[op], l[op])).toBe(true);
  expect(m.create || !l.create).toBe(true);
  expect(m.transfer || !l.transfer).toBe(true);
  for (const [field, access] of Object.entries(l.fields)) expect(RANK[m.fields[field]!]).toBeGreaterThanOrEqual(RANK[access]);
}

describe('resolveAccess is monotone', () => {
  it('never takes access away when a role is added', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ROLE_NAMES), role), fc.subarray([...ROLE_NAMES]), fc.constantFrom(...ROLE_NAMES, 'admin'), (roles, held, extra) => {
        const doc = document(roles);
        atLeast(resolveAccess(doc, { roles: [...held, extra] }), resolveAccess(doc, { roles: held }));
      }),
      { numRuns: 300 },
    );
  });
});
