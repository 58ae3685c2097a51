/**
 * Rule enforcement for record writes: the runtime's `checkRecordRules` (the same code the studio runs)
 * over the rule context `{ record, previous, user, now }`. Updates read `previous` with `SELECT … FOR UPDATE`
 * inside the write's transaction, so no concurrent update can slip in between the check and the write.
 */
import type { MetadataDocument } from '@trellis/metadata';
import {
  applyChanges,
  buildRuleContext,
  checkRecordRules,
  compileEntityRules,
  isBlankValue,
  relatedRuleReads,
  withoutHiddenFieldErrors,
  type RelatedRecords,
  type FieldError,
  type RecordValues,
  type RuleUser,
} from '@trellis/runtime';
import type pg from 'pg';
import type { Actor } from '../common/request-context.js';
import { scalarRead } from './compile-select.js';
import { entityOf, type DataModel, type EntityModel } from './data-model.js';
import { isUuid } from './compile-filter.js';
import { prepared } from './prepared.js';
import { SqlParams, jsonObject, quoteIdent, type CompiledSql } from './sql.js';
import type { RowGuard } from './compile-write.js';
import { ruleEnvironmentUser } from '../permissions/record-access.js';

/** A query runner (pg client or pool). */
type Queryable = Pick<pg.ClientBase, 'query'>;

/** The acting user as rules see it: the same `user` as the permission scopes and `where` filters. */
export function ruleUser(actor: Actor): RuleUser {
  return ruleEnvironmentUser(actor) as RuleUser;
}

/**
 * A new record's rule problems. `valueErrors` are the record validator's; those of fields hidden by their
 * visibleWhen and left blank are dropped (a hidden field is not required). Rules run only on values that
 * passed the validator.
 */
export function checkCreate(
  doc: MetadataDocument,
  entity: string,
  record: RecordValues,
  valueErrors: FieldError[],
  actor: Actor,
  now: Date,
  related?: RelatedRecords,
): FieldError[] {
  const ctx = buildRuleContext({ record, previous: null, user: ruleUser(actor), now, ...(related ? { related } : {}) });
  const remaining = withoutHiddenFieldErrors(doc, entity, valueErrors, ctx);
  if (remaining.length > 0) return remaining;
  return checkRecordRules(doc, entity, { ctx, mode: 'create' });
}

/** An update's rule problems, given the stored record (see `checkCreate` for `valueErrors`). */
export function checkUpdate(
  doc: MetadataDocument,
  entity: string,
  previous: RecordValues,
  changes: RecordValues,
  valueErrors: FieldError[],
  actor: Actor,
  now: Date,
  related?: RelatedRecords,
): FieldError[] {
  const ctx = buildRuleContext({ record: applyChanges(previous, changes), previous, user: ruleUser(actor), now, ...(related ? { related } : {}) });
  const remaining = withoutHiddenFieldErrors(doc, entity, valueErrors, ctx);
  if (remaining.length > 0) return remaining;
  return checkRecordRules(doc, entity, { ctx, changes, mode: 'update' });
}

/**
 * Whether every value error could still be excused by a visibleWhen (a required field with one, left blank);
 * otherwise the update is refused without reading the stored record.
 */
export function mayBeHiddenErrors(doc: MetadataDocument, entity: string, errors: FieldError[], changes: RecordValues): boolean {
  const compiled = compileEntityRules(doc, entity);
  const conditioned = new Set(compiled.conditionList.filter((c) => c.kind === 'visibleWhen').map((c) => c.field));
  const excusable = (field: string) => conditioned.has(field) && compiled.fieldDef(field)?.required === true && isBlankValue(changes[field]);
  return errors.length > 0 && errors.every((e) => excusable(e.field));
}

const previousSqlCache = new WeakMap<EntityModel, string>();

/**
 * `SELECT <values as json> FROM table WHERE id = $1 FOR UPDATE`: the stored record as rules see it — keyed by
 * field name, read like the API reads it (dates `YYYY-MM-DD`, instants ISO UTC, compound values as objects),
 * manyToOne as the related id, manyToMany as the list of linked ids; oneToMany is left out.
 */
export function compilePreviousRow(entity: EntityModel, id: string): CompiledSql {
  return { text: `${recordValuesSelect(entity)} WHERE t."id" = $1 FOR UPDATE OF t`, values: [id] };
}

/** `SELECT <values as json> AS r FROM <table> t`, built once per entity model. */
function recordValuesSelect(entity: EntityModel): string {
  let text = previousSqlCache.get(entity);
  if (text === undefined) {
    const t = 't';
    const pairs: [string, string][] = [];
    for (const field of entity.fields.values()) {
      switch (field.kind) {
        case 'scalar':
          pairs.push([field.name, scalarRead(field, t)]);
          break;
        case 'manyToOne':
          pairs.push([field.name, `${t}.${quoteIdent(field.column)}`]);
          break;
        case 'manyToMany':
          pairs.push([
            field.name,
            `coalesce((SELECT json_agg(j.${quoteIdent(field.otherColumn)} ORDER BY j.${quoteIdent(field.otherColumn)}) FROM ${field.junction} j` +
              ` WHERE j.${quoteIdent(field.selfColumn)} = ${t}."id"), '[]'::json)`,
          ]);
          break;
        case 'oneToMany':
          break;
      }
    }
    text = `SELECT ${jsonObject(pairs)} AS r FROM ${entity.table} ${t}`;
    previousSqlCache.set(entity, text);
  }
  return text;
}

/**
 * The records the entity's rules read through manyToOne relations (`record.account.status`), for each row: the
 * record after the change and the stored one, read like `previous` (rules run as the system: the writer's read
 * scope does not hide a related record from a rule, as in Salesforce). One query per relation for all rows (a bulk
 * create reads its accounts at once). Undefined entries when no rule reads a related record.
 */
export async function loadRelated(
  client: Queryable,
  model: DataModel,
  entity: EntityModel,
  rows: { record: RecordValues; previous: RecordValues | null }[],
): Promise<(RelatedRecords | undefined)[]> {
  const reads = relatedRuleReads(model.document, entity.name);
  if (reads.length === 0) return rows.map(() => undefined);
  const found = new Map<string, Map<string, RecordValues>>();
  for (const read of reads) {
    const ids = new Set<string>();
    for (const { record, previous } of rows) for (const id of [record[read.relation], previous?.[read.relation]]) if (isUuid(id)) ids.add(id);
    const known = found.get(read.target) ?? new Map<string, RecordValues>();
    found.set(read.target, known);
    const missing = [...ids].filter((id) => !known.has(id));
    if (missing.length > 0) for (const row of await readRows(client, entityOf(model, read.target), missing)) known.set(String(row['id']), row);
  }
  return rows.map(({ record, previous }) => {
    const related: { record: Record<string, RecordValues | null>; previous: Record<string, RecordValues | null> } = { record: {}, previous: {} };
    for (const read of reads) {
      const at = (values: RecordValues | null) => {
        const id = values?.[read.relation];
        return isUuid(id) ? (found.get(read.target)!.get(id) ?? null) : null;
      };
      related.record[read.relation] = at(record);
      related.previous[read.relation] = at(previous);
    }
    return related;
  });
}

async function readRows(client: Queryable, entity: EntityModel, ids: string[]): Promise<RecordValues[]> {
  const result = await client.query<{ r: RecordValues }>(prepared(`${recordValuesSelect(entity)} WHERE t."id" = ANY($1::uuid[])`, [ids]));
  return result.rows.map((row) => row['r']);
}

/**
 * The stored record, locked until the transaction ends; null when there is none — or, with `guard` (the
 * writer's update scope), when the writer may not change it.
 */
export async function loadPrevious(client: Queryable, entity: EntityModel, id: string, guard?: RowGuard): Promise<RecordValues | null> {
  let sql = compilePreviousRow(entity, id);
  if (guard) {
    const params = new SqlParams(sql.values);
    const condition = guard(params, 't');
    if (condition !== 'TRUE') sql = { text: sql.text.replace(' FOR UPDATE OF t', ` AND ${condition} FOR UPDATE OF t`), values: params.values };
  }
  const result = await client.query<{ r: RecordValues }>(prepared(sql.text, sql.values));
  return (result.rows[0]?.['r'] as RecordValues | undefined) ?? null;
}
