import { salesDocument, type MetadataDocument } from '@trellis/metadata';
import { computeFormulas, entityFormulas } from './compute-formulas.js';

const v = (path: string) => ({ var: path });

function doc(): MetadataDocument {
  const d = salesDocument();
  const opportunity = d.entities.opportunity!;
  // Declared before what it reads: computed after it all the same.
  opportunity.fields.label = { type: 'formula', label: 'Label', resultType: 'text', expression: { cat: [v('record.name'), ' (', v('record.weighted'), ')'] } };
  opportunity.fields.weighted = { type: 'formula', label: 'Weighted amount', resultType: 'decimal', expression: { '*': [v('record.amount.amount'), { '/': [v('record.probability'), 100] }] } };
  opportunity.fields.companySize = { type: 'formula', label: 'Company size', resultType: 'integer', expression: v('record.company.employees') };
  opportunity.fields.hasCompany = { type: 'formula', label: 'Has company', resultType: 'boolean', expression: { '!!': [v('record.company')] } };
  opportunity.fields.closes = { type: 'formula', label: 'Closes', resultType: 'date', expression: { addDays: [v('record.closeDate'), 7] } };
  return d;
}

describe('computeFormulas', () => {
  it('computes every formula of the record in dependency order', () => {
    const d = doc();
    const record = { name: 'Deal', amount: { amount: 1000, currency: 'EUR' }, probability: 25, company: 'c1', closeDate: '2024-12-30' };
    const result = computeFormulas(d, 'opportunity', record, { company: { id: 'c1', employees: 42 } });
    expect(result).toEqual({
      values: { weighted: 250, label: 'Deal (250)', companySize: 42, hasCompany: true, closes: '2025-01-06' },
      errors: [],
    });
    expect(entityFormulas(d, 'opportunity').formulas.map((f) => f.name).indexOf('weighted')).toBeLessThan(
      entityFormulas(d, 'opportunity').formulas.map((f) => f.name).indexOf('label'),
    );
  });

  it('expands only the relations a formula reads through; an empty relation reads as null', () => {
    const d = doc();
    expect(entityFormulas(d, 'opportunity').related).toEqual(new Map([['company', { target: 'company', fields: new Set(['employees']) }]]));
    const result = computeFormulas(d, 'opportunity', { name: 'Solo', company: null }, {});
    // No amount and no probability: null × NaN is NaN, which is no value.
    expect(result.values).toMatchObject({ companySize: null, hasCompany: false, weighted: null });
  });

  it('fails closed: a formula that throws or gives a value of the wrong type is an error naming it', () => {
    const d = doc();
    d.entities.opportunity!.fields.closes!.expression = { addDays: [v('record.closeDate'), 0.5] };
    d.entities.opportunity!.fields.companySize!.expression = v('record.name');
    const { errors } = computeFormulas(d, 'opportunity', { name: 'Deal', closeDate: '2024-01-01' });
    expect(errors).toEqual([
      { field: 'companySize', message: 'Formula "Company size" could not be evaluated: it gave "Deal", which is not a whole number', rule: 'formula' },
      { field: 'closes', message: expect.stringMatching(/^Formula "Closes" could not be evaluated: addDays: /), rule: 'formula' },
    ]);
  });
});
