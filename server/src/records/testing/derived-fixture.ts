/**
 * Companies, deals and labels with formulas (one reading the deal's company) and roll-ups (count with a filter,
 * sum of a currency amount and of a formula, avg, min and max of a date, over oneToMany and manyToMany), for the
 * derived-field tests.
 */
import type { MetadataDocument } from '@trellis/metadata';

const v = (path: string) => ({ var: path });

/** The deal roll-ups of a company, without the entities around them (the bench adds them to its own document). */
export const companyRollups = {
  openDeals: { type: 'rollup', label: 'Open deals', relation: 'deals', aggregate: 'count', filter: { '!=': [v('record.stage'), 'lost'] } },
  wonAmount: { type: 'rollup', label: 'Won amount', relation: 'deals', aggregate: 'sum', aggregateField: 'amount', filter: { '==': [v('record.stage'), 'won'] } },
  pipeline: { type: 'rollup', label: 'Pipeline', relation: 'deals', aggregate: 'sum', aggregateField: 'weighted' },
  avgProbability: { type: 'rollup', label: 'Average probability', relation: 'deals', aggregate: 'avg', aggregateField: 'probability' },
  firstClose: { type: 'rollup', label: 'First close', relation: 'deals', aggregate: 'min', aggregateField: 'closeDate', resultType: 'date' },
  lastClose: { type: 'rollup', label: 'Last close', relation: 'deals', aggregate: 'max', aggregateField: 'closeDate', resultType: 'date' },
  biggest: { type: 'rollup', label: 'Biggest deal', relation: 'deals', aggregate: 'max', aggregateField: 'amount' },
} as const;

export function derivedDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          employees: { type: 'integer', label: 'Employees' },
          deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'oneToMany', inverse: 'company' },
          ...structuredClone(companyRollups),
          // Reads a roll-up of its own record.
          pipelinePerHead: { type: 'formula', label: 'Pipeline per head', resultType: 'decimal', expression: { '/': [v('record.pipeline'), v('record.employees')] } },
        },
      },
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          title: { type: 'text', label: 'Title', required: true },
          amount: { type: 'currency', label: 'Amount' },
          stage: {
            type: 'select',
            label: 'Stage',
            options: [
              { value: 'new', label: 'New' },
              { value: 'won', label: 'Won' },
              { value: 'lost', label: 'Lost' },
            ],
          },
          probability: { type: 'percent', label: 'Probability' },
          closeDate: { type: 'date', label: 'Close date' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'deals' },
          labels: { type: 'relation', label: 'Labels', target: 'label', cardinality: 'manyToMany', inverse: 'deals' },
          weighted: {
            type: 'formula',
            label: 'Weighted',
            resultType: 'decimal',
            expression: { '*': [v('record.amount.amount'), { '/': [v('record.probability'), 100] }] },
          },
          companyEmployees: { type: 'formula', label: 'Company employees', resultType: 'integer', expression: v('record.company.employees') },
          headline: { type: 'formula', label: 'Headline', resultType: 'text', expression: { cat: [v('record.title'), ' @ ', { if: [v('record.company'), v('record.company.name'), '-'] }] } },
          big: { type: 'formula', label: 'Big', resultType: 'boolean', expression: { '>=': [v('record.amount.amount'), 10000] } },
          followUp: { type: 'formula', label: 'Follow up', resultType: 'date', expression: { if: [v('record.closeDate'), { addDays: [v('record.closeDate'), 7] }, null] } },
        },
      },
      label: {
        label: 'Label',
        pluralLabel: 'Labels',
        plural: 'labels',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'manyToMany', inverse: 'labels' },
          dealCount: { type: 'rollup', label: 'Deal count', relation: 'deals', aggregate: 'count' },
          weightedTotal: { type: 'rollup', label: 'Weighted total', relation: 'deals', aggregate: 'sum', aggregateField: 'weighted', scale: 4 },
        },
      },
    },
  };
}
