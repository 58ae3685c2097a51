/**
 * Validation rules that read a related record's field (`record.account.status`, like Salesforce's
 * `Account.Status`): the server loads the related records inside the write and evaluates the rule on them, on
 * create and on update (the record after the change: a new account is read, not the stored one), whoever writes.
 */
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { dataOf, withTestApp, type TestApp } from '../testing/test-app.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;
let active: string;
let onHold: string;

const document: MetadataDocument = {
  entities: {
    account: {
      label: 'Account',
      pluralLabel: 'Accounts',
      plural: 'accounts',
      displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name' },
        status: { type: 'select', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'onHold', label: 'On hold' }] },
        creditLimit: { type: 'integer', label: 'Credit limit' },
      },
    },
    salesOrder: {
      label: 'Order',
      pluralLabel: 'Orders',
      plural: 'salesOrders',
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
          message: 'The total is over the credit limit of {{record.account.name}}',
          fields: ['total'],
        },
      },
    },
    // With a formula, its writes take the derived path (roll-ups and formulas kept exact): rules read related records there too.
    invoice: {
      label: 'Invoice',
      pluralLabel: 'Invoices',
      plural: 'invoices',
      fields: {
        total: { type: 'integer', label: 'Total' },
        withTax: { type: 'formula', label: 'With tax', resultType: 'decimal', expression: { '*': [{ var: 'record.total' }, 1.2] } },
        account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' },
      },
      rules: {
        accountOnHold: { invalidWhen: { '==': [{ var: 'record.account.status' }, 'onHold'] }, message: '{{record.account.name}} is on hold: no invoices', fields: ['account'] },
      },
    },
  },
};

async function ok(query: string, variables?: Row): Promise<Row> {
  return dataOf(await app.graphql<Row>(query, variables));
}

async function refused(query: string, variables: Row): Promise<Row[]> {
  const response = await app.graphql(query, variables);
  expect(response.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
  return response.errors![0]!.extensions!['fieldErrors'] as Row[];
}

const CREATE = 'mutation($d: SalesOrderCreateInput!) { createSalesOrder(data: $d) { id total } }';
const UPDATE = 'mutation($id: ID!, $d: SalesOrderUpdateInput!) { updateSalesOrder(id: $id, data: $d) { id total } }';

beforeAll(async () => {
  app = await withTestApp(document);
  const accounts = await ok(
    'mutation { a: createAccount(data: { name: "Acme", status: \"active\", creditLimit: 1000 }) { id } b: createAccount(data: { name: "Globex", status: \"onHold\", creditLimit: 50000 }) { id } }',
  );
  active = (accounts['a'] as Row)['id'] as string;
  onHold = (accounts['b'] as Row)['id'] as string;
});

afterAll(async () => {
  await app?.close();
});

describe('rules that read a related record', () => {
  it('refuses a create whose related record breaks the rule, the message filled from it', async () => {
    expect(await refused(CREATE, { d: { total: 10, account: onHold } })).toEqual([
      { field: 'account', message: 'Globex is on hold: no new orders', rule: 'accountOnHold' },
    ]);
    expect(await refused(CREATE, { d: { total: 5000, account: active } })).toEqual([
      { field: 'total', message: 'The total is over the credit limit of Acme', rule: 'overLimit' },
    ]);
    expect(await ok(CREATE, { d: { total: 900, account: active } })).toMatchObject({ createSalesOrder: { total: 900 } });
    expect(await ok(CREATE, { d: { total: 5000 } })).toMatchObject({ createSalesOrder: { total: 5000 } });
  });

  it('reads the related record the update points at, and sees changes to that record', async () => {
    const { createSalesOrder } = await ok(CREATE, { d: { total: 500, account: active } });
    const id = (createSalesOrder as Row)['id'];
    expect(await refused(UPDATE, { id, d: { account: onHold } })).toEqual([
      { field: 'account', message: 'Globex is on hold: no new orders', rule: 'accountOnHold' },
    ]);
    await ok('mutation($id: ID!) { updateAccount(id: $id, data: { creditLimit: 100 }) { id } }', { id: active });
    expect(await refused(UPDATE, { id, d: { total: 400 } })).toEqual([
      { field: 'total', message: 'The total is over the credit limit of Acme', rule: 'overLimit' },
    ]);
  });

  it('checks a bulk create row by row against the related records read at once', async () => {
    const response = await app.graphql('mutation($d: [SalesOrderCreateInput!]!) { createSalesOrders(data: $d) { id } }', {
      d: [
        { total: 10, account: active },
        { total: 10, account: onHold },
        { total: 20 },
        { total: 30, account: onHold },
      ],
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
    expect(response.errors![0]!.extensions!['fieldErrors']).toEqual([
      { field: 'account', message: 'Globex is on hold: no new orders', rule: 'accountOnHold', index: 1 },
      { field: 'account', message: 'Globex is on hold: no new orders', rule: 'accountOnHold', index: 3 },
    ]);
    const fine = await ok('mutation($d: [SalesOrderCreateInput!]!) { createSalesOrders(data: $d) { total } }', { d: [{ total: 10, account: active }, { total: 20 }] });
    expect(fine['createSalesOrders']).toEqual([{ total: 10 }, { total: 20 }]);
  });

  it('applies on the derived path too (an entity with formulas), on create and on update', async () => {
    expect(await refused('mutation($d: InvoiceCreateInput!) { createInvoice(data: $d) { id } }', { d: { total: 10, account: onHold } })).toEqual([
      { field: 'account', message: 'Globex is on hold: no invoices', rule: 'accountOnHold' },
    ]);
    const { createInvoice } = await ok('mutation($d: InvoiceCreateInput!) { createInvoice(data: $d) { id withTax } }', { d: { total: 10, account: active } });
    expect((createInvoice as Row)['withTax']).toBe(12);
    expect(await refused('mutation($id: ID!, $d: InvoiceUpdateInput!) { updateInvoice(id: $id, data: $d) { id } }', { id: (createInvoice as Row)['id'], d: { account: onHold } })).toEqual([
      { field: 'account', message: 'Globex is on hold: no invoices', rule: 'accountOnHold' },
    ]);
  });
});
