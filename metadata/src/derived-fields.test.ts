import { derivedFieldOrder, formulaDependencies, rollupSource } from './derived-fields.js';
import { derivedDocument } from './testing/derived-fixture.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

const v = (path: string) => ({ var: path });
const problems = (doc: MetadataDocument) => validateDocument(doc).map((p) => `${p.path} ${p.code}`);

describe('derived fields', () => {
  it('accepts formulas and roll-ups that read stored values and related records', () => {
    expect(validateDocument(derivedDocument())).toEqual([]);
  });

  it('lists what a formula reads on its record and through its manyToOne relations', () => {
    const doc = derivedDocument();
    expect(formulaDependencies(doc, 'opportunity', 'weighted')).toEqual({ own: ['amount', 'probability'], related: [] });
    expect(formulaDependencies(doc, 'opportunity', 'companySize')).toEqual({ own: [], related: [{ relation: 'company', target: 'company', fields: ['employees'] }] });
  });

  it('tells where a roll-up takes its records from and which of their fields it depends on', () => {
    const doc = derivedDocument();
    expect(rollupSource(doc, 'company', 'openCount')).toEqual({ relation: 'opportunities', cardinality: 'oneToMany', target: 'opportunity', inverse: 'company', fields: ['stage'] });
    expect(rollupSource(doc, 'tag', 'dealCount')).toEqual({ relation: 'opportunities', cardinality: 'manyToMany', target: 'opportunity', inverse: 'tags', fields: [] });
    expect(rollupSource(doc, 'company', 'name')).toBeUndefined();
  });

  it('orders derived fields so that every field comes after the derived fields it reads', () => {
    const order = derivedFieldOrder(derivedDocument()).map((r) => `${r.entity}.${r.field}`);
    expect(order.indexOf('opportunity.weighted')).toBeLessThan(order.indexOf('company.pipeline'));
    expect(order.indexOf('company.pipeline')).toBeLessThan(order.indexOf('company.share'));
    expect(order).toHaveLength(7);
  });

  it('refuses a cycle of formulas and roll-ups', () => {
    const doc = derivedDocument();
    doc.entities.opportunity!.fields.weighted!.expression = { '*': [v('record.company.share'), 2] };
    expect(problems(doc)).toContain('/entities/company/fields/pipeline derived-field-cycle');
    const self = derivedDocument();
    self.entities.company!.fields.share!.expression = { '+': [v('record.share'), 1] };
    expect(problems(self)).toContain('/entities/company/fields/share derived-field-cycle');
  });

  it('refuses a roll-up over a field that is not a toMany relation, or over a field it cannot aggregate', () => {
    const doc = derivedDocument();
    doc.entities.company!.fields.openCount!.relation = 'industry';
    doc.entities.company!.fields.pipeline!.aggregateField = 'name';
    doc.entities.tag!.fields.dealCount = { type: 'rollup', label: 'Deals', relation: 'opportunities', aggregate: 'max', aggregateField: 'nope' };
    expect(problems(doc)).toEqual(expect.arrayContaining([
      '/entities/company/fields/openCount/relation rollup-relation-invalid',
      '/entities/company/fields/pipeline/aggregateField rollup-aggregate-field-invalid',
      '/entities/tag/fields/dealCount/aggregateField unknown-field',
    ]));
  });

  it('asks for resultType date on the min or max of a date field, and refuses it on numbers', () => {
    const doc = derivedDocument();
    delete doc.entities.company!.fields.nextClose!.resultType;
    doc.entities.tag!.fields.dealCount = { type: 'rollup', label: 'Deals', relation: 'opportunities', aggregate: 'max', aggregateField: 'probability', resultType: 'date' };
    const found = validateDocument(doc).filter((p) => p.code === 'rollup-result-type-mismatch');
    expect(found.map((p) => p.path)).toEqual(['/entities/company/fields/nextClose/resultType', '/entities/tag/fields/dealCount/resultType']);
    expect(found[0]!.message).toContain('set "resultType": "date"');
  });

  it('refuses a formula that reads the records of a oneToMany relation', () => {
    const doc = derivedDocument();
    doc.entities.company!.fields.share!.expression = { '!!': [v('record.opportunities')] };
    expect(problems(doc)).toContain('/entities/company/fields/share/expression formula-reads-to-many');
  });

  it('refuses a formula without an expression or result type, with the path of the missing property', () => {
    const doc = derivedDocument();
    doc.entities.opportunity!.fields.weighted = { type: 'formula', label: 'Weighted' };
    expect(problems(doc)).toEqual(expect.arrayContaining([
      '/entities/opportunity/fields/weighted/expression formula-expression-missing',
      '/entities/opportunity/fields/weighted/resultType formula-result-type-missing',
    ]));
  });
});
