/**
 * Postgres errors of record statements → the API's errors: unique and foreign-key violations become
 * VALIDATION_FAILED on the field concerned (with the row index in bulk creates), bad values in reads
 * BAD_USER_INPUT. Anything else is returned unchanged (the API logs it and answers INTERNAL_SERVER_ERROR).
 */
import { GraphQLError } from 'graphql';
import { PERMISSION_DENIED_SQLSTATE, forbidden } from '../permissions/forbidden.js';
import type { DataModel, EntityModel, FieldModel } from './data-model.js';
import { entityOf } from './data-model.js';
import { badUserInput, validationFailed, type RecordFieldError } from './record-errors.js';
import type { Queryable } from './record.service.js';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  message?: string;
}

const pgError = (error: unknown): PgError | null =>
  error instanceof Error && typeof (error as PgError).code === 'string' && !(error instanceof GraphQLError) ? (error as PgError) : null;

/** Errors of read statements: bad values (invalid input syntax, out of range…) are the caller's. */
export function mapReadError(error: unknown): unknown {
  const pg = pgError(error);
  if (pg?.code?.startsWith('22')) return badUserInput(`Invalid value: ${pg.message ?? 'bad input'}`);
  return error;
}

/** Errors of write statements on `entity`; `rows` are the values written (for the field and row index). */
export async function mapWriteError(
  error: unknown,
  model: DataModel,
  entity: EntityModel,
  rows: Record<string, unknown>[],
  bulk: boolean,
  pool: Queryable,
): Promise<unknown> {
  const pg = pgError(error);
  if (!pg) return error;
  switch (pg.code) {
    case '23505':
      return uniqueViolation(pg, entity, rows, bulk) ?? error;
    case '23001': // restrict_violation (ON DELETE RESTRICT)
      return stillReferenced(pg, model);
    case PERMISSION_DENIED_SQLSTATE: // raised by the written-rows check (compile-select.ts)
      return forbidden(pg.message ?? 'Your roles do not allow this write.', { entity: entity.name });
    case '23503':
      if (/still referenced/.test(pg.detail ?? '')) return stillReferenced(pg, model);
      if (/^Key \((owner|team)_id\)/.test(pg.detail ?? '')) {
        const field = /^Key \(owner_id\)/.test(pg.detail ?? '') ? 'owner' : 'team';
        return validationFailed([{ field, message: field === 'owner' ? 'must be the id of a user' : 'must be the id of a team', rule: 'reference' }]);
      }
      return (await missingTargets(model, entity, rows, bulk, pool)) ?? error;
    default:
      if (pg.code?.startsWith('22')) return badUserInput(`Invalid value: ${pg.message ?? 'bad input'}`);
      return error;
  }
}

/** `Key (email)=(a@b.c) already exists.` → "Email must be unique: another person already has this value". */
function uniqueViolation(pg: PgError, entity: EntityModel, rows: Record<string, unknown>[], bulk: boolean): GraphQLError | null {
  const match = /^Key \((.+?)\)=\((.*)\) already exists/.exec(pg.detail ?? '');
  if (!match) return null;
  const column = match[1]!.split(',')[0]!.trim().replace(/^"|"$/g, '');
  const field = [...entity.fields.values()].find((f) => f.kind === 'scalar' && f.columns.some((c) => c.column === column));
  if (!field) return null;
  const message = `${field.label} must be unique: another ${entity.label.toLowerCase()} already has this value`;
  if (!bulk) return validationFailed([{ field: field.name, message, rule: 'unique' }]);
  const value = match[2]!;
  const indexes = rows.flatMap((row, i) => (row[field.name] !== undefined && row[field.name] !== null && String(row[field.name]) === value ? [i] : []));
  // Duplicates inside the batch: the later rows are the offenders; otherwise the one row clashing with the table.
  const offenders = indexes.length > 1 ? indexes.slice(1) : indexes;
  const errors: RecordFieldError[] = offenders.length
    ? offenders.map((index) => ({ field: field.name, message, rule: 'unique', index }))
    : [{ field: field.name, message, rule: 'unique' }];
  return validationFailed(errors);
}

/**
 * A related id that does not exist. Postgres names one; look up every related id of every row instead,
 * so all offenders are reported at once with their row index.
 */
async function missingTargets(
  model: DataModel,
  entity: EntityModel,
  rows: Record<string, unknown>[],
  bulk: boolean,
  pool: Queryable,
): Promise<GraphQLError | null> {
  const errors: RecordFieldError[] = [];
  for (const field of entity.ownFields) {
    if (field.kind !== 'manyToOne' && field.kind !== 'manyToMany') continue;
    const perRow = rows.map((row) => idsOf(field, row[field.name]));
    const all = [...new Set(perRow.flat())];
    if (all.length === 0) continue;
    const target = entityOf(model, field.target);
    const found = await pool.query(`SELECT "id"::text AS id FROM ${target.table} WHERE "id" = ANY($1::uuid[])`, [all]);
    const existing = new Set(found.rows.map((r: { id: string }) => r.id.toLowerCase()));
    perRow.forEach((ids, index) => {
      for (const id of ids) {
        if (existing.has(id.toLowerCase())) continue;
        errors.push({
          field: field.name,
          message: `there is no ${target.label.toLowerCase()} with id ${id}`,
          rule: 'exists',
          ...(bulk ? { index } : {}),
        });
      }
    });
  }
  return errors.length > 0 ? validationFailed(errors) : null;
}

function idsOf(field: FieldModel, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (field.kind === 'manyToMany') return Array.isArray(value) ? (value as string[]) : [];
  return [value as string];
}

/** Deleting a record that a `restrict` relation still points at. */
function stillReferenced(pg: PgError, model: DataModel): GraphQLError {
  const table = /from table "([^"]+)"/.exec(pg.detail ?? '')?.[1];
  const from = [...model.entities.values()].find((e) => e.table.endsWith(`."${table}"`));
  const who = from ? from.def.pluralLabel.toLowerCase() : 'other records';
  return validationFailed([{ field: 'id', message: `cannot be deleted: ${who} still point to it`, rule: 'restrict' }]);
}
