/**
 * For tests of the rule engine: the sales document with validation rules, form conditions and tabs, a saved view,
 * formulas (one reaching the related company) and a roll-up over opportunities.
 */
import { findFieldType, registerFieldType } from '../field-types/registry.js';
import type { FieldTypeDefinition } from '../field-types/field-type.js';
import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';

const v = (path: string) => ({ var: path });

export function rulesDocument(): MetadataDocument {
  const doc = salesDocument();
  const company = doc.entities.company!;
  const opportunity = doc.entities.opportunity!;
  company.fields.opportunities = { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' };
  opportunity.fields.company!.inverse = 'opportunities';
  company.fields.wonAmount = {
    type: 'rollup',
    label: 'Won amount',
    relation: 'opportunities',
    aggregate: 'sum',
    aggregateField: 'probability',
    filter: { '==': [v('record.stage'), 'won'] },
  };
  company.fields.size = { type: 'formula', label: 'Size', expression: { if: [{ '>': [v('record.employees'), 100] }, 'large', 'small'] }, resultType: 'text' };
  opportunity.fields.companyEmployees = { type: 'formula', label: 'Company employees', expression: v('record.company.employees'), resultType: 'integer' };
  opportunity.rules = {
    closeDateWhenWon: {
      label: 'Close date when won',
      invalidWhen: { and: [{ '==': [v('record.stage'), 'won'] }, { '!': v('record.closeDate') }] },
      message: 'Set a close date for {{record.name}} before marking it won',
      fields: ['closeDate'],
    },
    noReopen: {
      invalidWhen: { and: [{ '==': [v('previous.stage'), 'won'] }, { changed: 'stage' }] },
      message: 'A won opportunity stays won (was {{previous.stage}})',
      fields: ['stage'],
    },
    bigDealsNeedBigCompany: {
      invalidWhen: { and: [{ '>': [v('record.amount.amount'), 100000] }, { '<': [v('record.company.employees'), 10] }] },
      message: 'Deals above 100 000 need a company with at least 10 employees',
    },
  };
  opportunity.layouts = {
    form: {
      sections: [
        { label: 'Deal', tab: 'Main', columns: 2, fields: ['name', 'amount', 'stage', 'closeDate', 'company'] },
        { label: 'More', tab: 'Details', fields: ['probability', 'tags'] },
      ],
      conditions: {
        closeDate: { visibleWhen: { '!=': [v('record.stage'), 'new'] }, requiredWhen: { '==': [v('record.stage'), 'won'] } },
        probability: { readOnlyWhen: { in: [v('record.stage'), ['won', 'lost']] } },
      },
    },
    list: { columns: ['name', 'stage', 'closeDate'], sort: [{ field: 'closeDate', direction: 'desc' }] },
  };
  opportunity.views = {
    myOpenDeals: {
      label: 'My open deals',
      filter: { and: [{ '==': [v('record.createdBy'), { cat: ['user:', v('user.id')] }] }, { '!=': [v('record.stage'), 'won'] }] },
      columns: ['name', 'closeDate'],
      sort: [{ field: 'closeDate', direction: 'asc' }],
    },
  };
  return doc;
}

/** Registers stand-ins for the formula and roll-up types while they are not built in yet (no-op once they are). */
export function ensureComputedFieldTypes(): void {
  const stub = (name: string, properties: FieldTypeDefinition['properties'], sqlType: string): FieldTypeDefinition => ({
    name,
    label: name,
    description: `${name} (test stand-in)`,
    properties,
    columns: () => [{ suffix: '', sqlType }],
    graphql: () => ({ output: 'String', input: '' }),
    jsonSchema: () => ({}),
    filterOperators: [],
    sortable: true,
    widget: 'readOnly',
  });
  if (!findFieldType('formula')) registerFieldType(stub('formula', ['expression', 'resultType'], 'text'));
  if (!findFieldType('rollup')) registerFieldType(stub('rollup', ['relation', 'aggregate', 'aggregateField', 'filter'], 'numeric'));
}
