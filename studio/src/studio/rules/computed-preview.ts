/**
 * Live previews of computed fields in the field editor.
 * - Formula: runtime's `evaluateFormula` (the code the server runs on every write) over a sample record, with
 *   the manyToOne records it reads through fetched and expanded as the server does.
 * - Roll-up: computed here from the related records, fetched through the API (at most `ROLLUP_PREVIEW_LIMIT`;
 *   beyond that the preview says it is computed after publish, where the server keeps it exact). The filter is
 *   evaluated with runtime's JSON Logic, like the server's evaluation of it.
 */
import {
  analyzeJsonLogic,
  expressionScope,
  rollupEmptyValue,
  type FieldDefinition,
  type MetadataDocument,
} from '@trellis/metadata';
import { entityFormulas, evaluateFormula, evaluateCondition, type RecordValues } from '@trellis/runtime';
import { recordsClient } from '../../api/graphql-client.js';
import { buildRecordQuery, buildRelatedQuery } from '../../api/record-queries.js';
import { contextFields, nodeToContextValues } from './sample-record.js';

export const ROLLUP_PREVIEW_LIMIT = 200;

export type Preview = { status: 'value'; value: unknown; note?: string } | { status: 'error'; message: string } | { status: 'unavailable'; message: string };

/** A draft with field `name` of `entity` set to `def` (added if new), for evaluating the field as edited. */
export function withField(doc: MetadataDocument, entity: string, name: string, def: FieldDefinition): MetadataDocument {
  const e = doc.entities[entity];
  return { ...doc, entities: { ...doc.entities, [entity]: { ...e, fields: { ...e.fields, [name]: def } } } };
}

/** manyToOne relations the formula reads through, with their targets. */
export function formulaExpansions(doc: MetadataDocument, entity: string, name: string): { relation: string; target: string }[] {
  try {
    const formula = entityFormulas(doc, entity).formulas.find((f) => f.name === name);
    return (formula?.expands ?? []).map((relation) => ({ relation, target: doc.entities[entity].fields[relation]?.target ?? '' }));
  } catch {
    return [];
  }
}

/** The related record of a manyToOne as a formula sees it (`{ id, …values }`), read with the published document. */
export async function fetchRelated(published: MetadataDocument, target: string, id: string): Promise<RecordValues | null> {
  if (!published.entities[target]) return null;
  const op = buildRecordQuery(published, target, contextFields(published, target), id);
  const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
  const node = data[target];
  return node ? { id, ...nodeToContextValues(published, target, node) } : null;
}

/** The formula `name` (as in `doc`) for the sample record, related records expanded. */
export function previewFormula(doc: MetadataDocument, entity: string, name: string, record: RecordValues, related: Record<string, RecordValues | null>): Preview {
  let formula;
  try {
    formula = entityFormulas(doc, entity).formulas.find((f) => f.name === name);
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  }
  if (!formula) return { status: 'unavailable', message: 'Fix the formula’s problems to see a preview.' };
  const result = evaluateFormula(formula, record, related);
  return 'error' in result ? { status: 'error', message: result.error } : { status: 'value', value: result.value };
}

/** Numbers of a value as aggregated (a currency's amount). */
const numeric = (v: unknown): unknown => (v && typeof v === 'object' && 'amount' in (v as object) ? (v as { amount: unknown }).amount : v);

/** count / sum / min / max / avg of the values, blanks skipped; no value → the roll-up's empty value. */
export function aggregate(def: FieldDefinition, values: unknown[]): unknown {
  const present = values.map(numeric).filter((v) => v !== null && v !== undefined && v !== '');
  switch (def.aggregate) {
    case 'count':
      return values.length;
    case 'sum':
      return present.length ? present.reduce((a: number, b) => a + Number(b), 0) : rollupEmptyValue(def);
    case 'avg':
      return present.length ? present.reduce((a: number, b) => a + Number(b), 0) / present.length : rollupEmptyValue(def);
    case 'min':
    case 'max': {
      if (!present.length) return rollupEmptyValue(def);
      const sorted = [...present].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
      return def.aggregate === 'min' ? sorted[0] : sorted[sorted.length - 1];
    }
    default:
      return null;
  }
}

/** The roll-up `def` of `entity` for record `id`, from its related records (see the module comment). */
export async function previewRollup(draft: MetadataDocument, published: MetadataDocument, entity: string, def: FieldDefinition, id: string): Promise<Preview> {
  const relation = def.relation ? published.entities[entity]?.fields[def.relation] : undefined;
  const target = relation?.target;
  const draftRelation = def.relation ? draft.entities[entity]?.fields[def.relation] : undefined;
  if (!relation || !target || draftRelation?.target !== target) return { status: 'unavailable', message: 'Preview after publish: the relation is new in this draft.' };
  const targetFields = published.entities[target]?.fields ?? {};
  let filterFields: string[] = [];
  if (def.filter !== undefined) {
    const analysis = analyzeJsonLogic(def.filter, expressionScope(draft, target, 'rollupFilter'));
    if (analysis.problems.length) return { status: 'unavailable', message: 'Fix the filter’s problems to see a preview.' };
    filterFields = [...new Set(analysis.references.filter((r) => r.root === 'record' && r.path[0]).map((r) => r.path[0]))];
  }
  const needed = [...new Set([...(def.aggregateField ? [def.aggregateField] : []), ...filterFields])].filter((f) => f !== 'id');
  const missing = needed.filter((f) => !targetFields[f] && !['createdAt', 'updatedAt'].includes(f));
  if (missing.length) return { status: 'unavailable', message: `Preview after publish: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} new in this draft.` };
  const op = buildRelatedQuery(published, entity, id, def.relation!, needed, ROLLUP_PREVIEW_LIMIT + 1);
  const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
  const children = (data[entity]?.[def.relation!] as Record<string, unknown>[] | undefined) ?? [];
  if (children.length > ROLLUP_PREVIEW_LIMIT) {
    return { status: 'unavailable', message: `More than ${ROLLUP_PREVIEW_LIMIT} related records: the value is computed by the server after publish.` };
  }
  const rows = children.map((node) => ({ id: node.id, ...nodeToContextValues(published, target, node) }));
  let matching = rows;
  if (def.filter !== undefined) {
    try {
      matching = rows.filter((record) => evaluateCondition(def.filter, { record }));
    } catch (e) {
      return { status: 'error', message: `The filter could not be evaluated: ${(e as Error).message}` };
    }
  }
  const value = aggregate(def, matching.map((r) => (def.aggregateField ? (r as Record<string, unknown>)[def.aggregateField] : null)));
  return { status: 'value', value, note: `${matching.length} of ${rows.length} related record${rows.length === 1 ? '' : 's'} counted.` };
}
