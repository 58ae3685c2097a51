/**
 * Validation rules may read a field of a record a manyToOne relation points at (`record.account.type`, like a
 * Salesforce rule reading `Account.Type`). In the rule context `record.account` is the related id, so such paths
 * are evaluated against `$related.record.account.type` instead: compileEntityRules rewrites them, and the writer
 * (the server, in the write's transaction) loads the related records into `ctx.$related` before checking.
 */
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '@trellis/metadata';
import type { JsonLogicRule } from '../json-logic.js';
import type { RecordValues } from './rule-context.js';

/** The rule context key holding the related records: `{ record: { account: {…} }, previous: { account: {…} } }`. */
export const RELATED_ROOT = '$related';

export type RelatedRecords = Partial<Record<'record' | 'previous', Record<string, RecordValues | null>>>;

/** One relation whose related record the rules read: its field, target entity and the target's fields read. */
export interface RelatedRead {
  relation: string;
  target: string;
  fields: string[];
}

const isManyToOne = (field: FieldDefinition | undefined): field is FieldDefinition =>
  field?.type === 'relation' && field.cardinality === 'manyToOne' && typeof field.target === 'string';

/** `record.account.type` → `$related.record.account.type` when `account` is a manyToOne of `entity`; else the path. */
export function relatedPath(entity: EntityDefinition, path: string): string {
  const [root, relation, ...rest] = path.split('.');
  if ((root !== 'record' && root !== 'previous') || relation === undefined || rest.length === 0) return path;
  return isManyToOne(entity.fields[relation]) ? `${RELATED_ROOT}.${path}` : path;
}

/** A JSON Logic rule with every related `var` path rewritten (see `relatedPath`). */
export function withRelatedPaths(entity: EntityDefinition, rule: JsonLogicRule): JsonLogicRule {
  if (Array.isArray(rule)) return rule.map((item) => withRelatedPaths(entity, item as JsonLogicRule)) as JsonLogicRule;
  if (rule === null || typeof rule !== 'object') return rule;
  const [op, args] = Object.entries(rule)[0] ?? [];
  if (op === undefined) return rule;
  if (op === 'var') {
    if (typeof args === 'string') return { var: relatedPath(entity, args) };
    if (Array.isArray(args) && typeof args[0] === 'string') return { var: [relatedPath(entity, args[0]), ...args.slice(1)] };
    return rule;
  }
  return { [op]: withRelatedPaths(entity, args as JsonLogicRule) } as JsonLogicRule;
}

/** A message template with its related `{{placeholders}}` rewritten. */
export function withRelatedPlaceholders(entity: EntityDefinition, message: string): string {
  return message.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole: string, path: string) => {
    const rewritten = relatedPath(entity, path);
    return rewritten === path ? whole : `{{${rewritten}}}`;
  });
}

const readsCache = new WeakMap<MetadataDocument, Map<string, RelatedRead[]>>();

/**
 * The related records the active rules of `entityName` read, per relation (none: rules need no loading). Worked
 * out once per document object (the write path asks on every write).
 */
export function relatedRuleReads(doc: MetadataDocument, entityName: string): RelatedRead[] {
  let perEntity = readsCache.get(doc);
  if (!perEntity) readsCache.set(doc, (perEntity = new Map()));
  let reads = perEntity.get(entityName);
  if (!reads) perEntity.set(entityName, (reads = findRelatedReads(doc, entityName)));
  return reads;
}

function findRelatedReads(doc: MetadataDocument, entityName: string): RelatedRead[] {
  const entity = doc.entities[entityName];
  if (!entity) return [];
  const reads = new Map<string, Set<string>>();
  const note = (path: string) => {
    const [root, relation, field] = path.split('.');
    if ((root !== 'record' && root !== 'previous') || relation === undefined || field === undefined) return;
    if (!isManyToOne(entity.fields[relation])) return;
    let fields = reads.get(relation);
    if (!fields) reads.set(relation, (fields = new Set()));
    fields.add(field);
  };
  const walk = (rule: unknown): void => {
    if (Array.isArray(rule)) return rule.forEach(walk);
    if (rule === null || typeof rule !== 'object') return;
    for (const [op, args] of Object.entries(rule)) {
      if (op === 'var') note(typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : '');
      else walk(args);
    }
  };
  for (const rule of Object.values(entity.rules ?? {})) {
    if (rule.active === false) continue;
    walk(rule.invalidWhen);
    for (const match of (rule.message ?? '').matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) note(match[1]!);
  }
  return [...reads].map(([relation, fields]) => ({ relation, target: entity.fields[relation]!.target!, fields: [...fields].sort() }));
}
