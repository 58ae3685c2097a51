import { validateDocument, type MetadataDocument } from '@trellis/metadata';
import { checkRecordRules } from './check-record-rules.js';
import { relatedRuleReads } from './related-reads.js';
import { buildRuleContext } from './rule-context.js';

const ACCOUNT = '8d0c3f3e-2f54-4c59-9d4e-0b9a2c1d7e61';

const doc: MetadataDocument = {
  entities: {
    account: {
      label: 'Account', pluralLabel: 'Accounts', plural: 'accounts', displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name' },
        status: { type: 'select', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'onHold', label: 'On hold' }] },
        creditLimit: { type: 'integer', label: 'Credit limit' },
      },
    },
    salesOrder: {
      label: 'Order', pluralLabel: 'Orders', plural: 'salesOrders',
      fields: {
        total: { type: 'integer', label: 'Total' },
        account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' },
      },
      rules: {
        accountOnHold: {
          invalidWhen: { '==': [{ var: 'record.account.status' }, 'onHold'] },
          message: '{{record.account.name}} is on hold: no new orders',
          fields: ['account'],
        },
        overLimit: {
          invalidWhen: { '>': [{ var: 'record.total' }, { var: ['record.account.creditLimit', 1000000] }] },
          message: 'Total is over the credit limit of {{record.account.name}}',
        },
        paused: { active: false, invalidWhen: { '==': [{ var: 'previous.account.name' }, 'x'] }, message: 'never' },
      },
    },
  },
};

const check = (record: Record<string, unknown>, account: Record<string, unknown> | null) =>
  checkRecordRules(doc, 'salesOrder', {
    ctx: buildRuleContext({ record, now: '2026-11-23T10:00:00Z', related: { record: { account } } }),
    mode: 'create',
  });

describe('rules that read a related record', () => {
  it('are valid metadata', () => {
    expect(validateDocument(doc)).toEqual([]);
  });

  it('list the relations and fields the active rules read (messages included)', () => {
    expect(relatedRuleReads(doc, 'salesOrder')).toEqual([{ relation: 'account', target: 'account', fields: ['creditLimit', 'name', 'status'] }]);
    expect(relatedRuleReads(doc, 'account')).toEqual([]);
  });

  it('are evaluated against the related records the writer loaded, messages filled from them', () => {
    const record = { total: 500, account: ACCOUNT };
    expect(check(record, { name: 'Acme', status: 'active', creditLimit: 1000 })).toEqual([]);
    expect(check(record, { name: 'Acme', status: 'onHold', creditLimit: 1000 })).toEqual([
      { field: 'account', message: 'Acme is on hold: no new orders', rule: 'accountOnHold' },
    ]);
    expect(check({ ...record, total: 5000 }, { name: 'Acme', status: 'active', creditLimit: 1000 })).toEqual([
      expect.objectContaining({ message: 'Total is over the credit limit of Acme', rule: 'overLimit' }),
    ]);
  });

  it('are left to the writer when the context has no related records (a form that has not loaded them)', () => {
    const ctx = buildRuleContext({ record: { total: 5000, account: ACCOUNT }, now: '2026-11-23T10:00:00Z' });
    expect(checkRecordRules(doc, 'salesOrder', { ctx, mode: 'create' })).toEqual([]);
  });

  it('see no related record when the relation is empty (the var default applies)', () => {
    expect(check({ total: 5000, account: null }, null)).toEqual([]);
  });
});
