/** The generated schema as a role set sees it: what the roles cannot see or do does not exist in it. */
import { resolveAccess } from '@trellis/runtime';
import { GraphQLInputObjectType, GraphQLObjectType, validateSchema } from 'graphql';
import { matrixDocument } from '../permissions/testing/matrix-document.js';
import { buildDataSchema } from './build-schema.js';

const doc = matrixDocument();
const schemaFor = (roles: string[]) => buildDataSchema(doc, { access: resolveAccess(doc, { roles }) });
const fieldsOf = (schema: ReturnType<typeof schemaFor>, type: string) => Object.keys((schema.getType(type) as GraphQLObjectType | GraphQLInputObjectType).getFields());

describe('buildDataSchema with access', () => {
  it('leaves hidden fields out of types, filters, sorts and inputs', () => {
    const schema = schemaFor(['rep']);
    expect(validateSchema(schema)).toEqual([]);
    expect(fieldsOf(schema, 'Deal')).not.toContain('amount');
    expect(fieldsOf(schema, 'Deal')).toEqual(expect.arrayContaining(['name', 'owner', 'team', 'company']));
    expect(fieldsOf(schema, 'DealFilter')).not.toContain('amount');
    expect(fieldsOf(schema, 'DealCreateInput')).not.toContain('amount');
    const orderFields = (schema.getType('DealOrderField') as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
    expect(orderFields).not.toContain('amount');
  });

  it('has only the operations the roles grant', () => {
    const rep = schemaFor(['rep']);
    const mutations = Object.keys(rep.getMutationType()!.getFields());
    expect(mutations).toEqual(expect.arrayContaining(['createDeal', 'createDeals', 'updateDeal']));
    expect(mutations).not.toContain('deleteDeal');
    expect(mutations.filter((m) => m.endsWith('Company'))).toEqual([]);
    const none = schemaFor([]);
    expect(Object.keys(none.getQueryType()!.getFields())).toEqual(['_version']);
    expect(none.getMutationType()).toBeUndefined();
  });

  it('drops relations to entities the roles cannot read', () => {
    const onlyDeals = structuredClone(doc);
    onlyDeals.roles!['dealsOnly'] = { label: 'Deals only', entities: { deal: { read: true } } };
    const schema = buildDataSchema(onlyDeals, { access: resolveAccess(onlyDeals, { roles: ['dealsOnly'] }) });
    expect(fieldsOf(schema, 'Deal')).not.toContain('company');
    expect(schema.getType('Company')).toBeUndefined();
  });

  it('is the full schema for admins', () => {
    expect(fieldsOf(schemaFor(['admin']), 'Deal')).toContain('amount');
    expect(Object.keys(schemaFor(['admin']).getMutationType()!.getFields())).toContain('deleteCompany');
  });
});
