import type { FieldDefinition } from '@trellis/metadata';
import { rollupValue } from './rollup-value.js';

const deals = [
  { stage: 'won', amount: { amount: 100.005, currency: 'EUR' }, closeDate: '2026-03-01', probability: 50 },
  { stage: 'new', amount: { amount: 300, currency: 'EUR' }, closeDate: '2026-01-15', probability: null },
  { stage: 'lost', amount: null, closeDate: null, probability: 10 },
];
const r = (extra: Partial<FieldDefinition>): FieldDefinition => ({ type: 'rollup', label: 'R', relation: 'deals', aggregate: 'count', ...extra });

describe('rollupValue', () => {
  it('aggregates the matching related records like the stored column', () => {
    expect(rollupValue(r({}), deals)).toBe(3);
    expect(rollupValue(r({ filter: { '!=': [{ var: 'record.stage' }, 'lost'] } }), deals)).toBe(2);
    expect(rollupValue(r({ aggregate: 'sum', aggregateField: 'amount' }), deals)).toBe(400.01);
    expect(rollupValue(r({ aggregate: 'avg', aggregateField: 'probability' }), deals)).toBe(30);
    expect(rollupValue(r({ aggregate: 'min', aggregateField: 'closeDate', resultType: 'date' }), deals)).toBe('2026-01-15');
    expect(rollupValue(r({ aggregate: 'max', aggregateField: 'amount' }), deals)).toBe(300);
  });

  it('gives 0 for the count and sum of nothing, and no value for avg, min and max', () => {
    const none = { filter: { '==': [{ var: 'record.stage' }, 'nope'] } };
    expect(['count', 'sum', 'avg', 'min', 'max'].map((aggregate) => rollupValue(r({ ...none, aggregate: aggregate as FieldDefinition['aggregate'], aggregateField: 'probability' }), deals))).toEqual([0, 0, null, null, null]);
  });
});
