/** For tests: the sales document with formulas (one reading the related company) and roll-ups (count with a filter, sum of a formula, min of a date, over a manyToMany). */
import { salesDocument } from './fixtures.js';
import type { MetadataDocument } from '../types.js';

const v = (path: string) => ({ var: path });

/** The sales document with a weighted amount per opportunity, and roll-ups over them on companies and tags. */
export function derivedDocument(): MetadataDocument {
  const doc = salesDocument();
  const company = doc.entities.company!;
  const opportunity = doc.entities.opportunity!;
  company.fields.opportunities = { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' };
  opportunity.fields.company!.inverse = 'opportunities';
  opportunity.fields.weighted = {
    type: 'formula',
    label: 'Weighted',
    resultType: 'decimal',
    expression: { '*': [v('record.amount.amount'), { '/': [v('record.probability'), 100] }] },
  };
  opportunity.fields.companySize = { type: 'formula', label: 'Company size', resultType: 'integer', expression: v('record.company.employees') };
  company.fields.openCount = { type: 'rollup', label: 'Open', relation: 'opportunities', aggregate: 'count', filter: { '!=': [v('record.stage'), 'lost'] } };
  company.fields.pipeline = { type: 'rollup', label: 'Pipeline', relation: 'opportunities', aggregate: 'sum', aggregateField: 'weighted' };
  company.fields.nextClose = { type: 'rollup', label: 'Next close', relation: 'opportunities', aggregate: 'min', aggregateField: 'closeDate', resultType: 'date' };
  company.fields.share = { type: 'formula', label: 'Pipeline per employee', resultType: 'decimal', expression: { '/': [v('record.pipeline'), v('record.employees')] } };
  doc.entities.tag!.fields.dealCount = { type: 'rollup', label: 'Deals', relation: 'opportunities', aggregate: 'count' };
  return doc;
}
