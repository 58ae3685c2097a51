/**
 * Record writes of entities that formulas and roll-ups concern (RecordService hands them over; the others keep
 * its one-statement paths). Each write runs in one transaction: locks and formula values first (derived-
 * maintenance.ts), the write itself with its formula values in the same statement, then the roll-ups and what
 * depends on them. A transaction the service owns is retried when Postgres breaks a deadlock (the late locks of
 * a concurrent re-parenting can cross) — a caller's own transaction is not.
 */
import { applyChanges, type Clock } from '@trellis/runtime';
import { actorLabel, type RequestContext } from '../../common/request-context.js';
import type { DatabaseService } from '../../database/database.service.js';
import { compileWriteReturning, type CompileOptions, type RecordSelection } from '../compile-select.js';
import { compileDelete, compileInsert, compileUpdate, type RowGuard } from '../compile-write.js';
import type { DataModel, EntityModel } from '../data-model.js';
import { defaultSelection } from '../default-selection.js';
import { prepared } from '../prepared.js';
import { notFound, validationFailed, type RecordFieldError } from '../record-errors.js';
import { checkUpdate, loadRelated } from '../record-rules.js';
import { mapWriteError } from '../write-errors.js';
import { readBack, replaceLinks } from '../write-back.js';
import { DerivedMaintenance } from './derived-maintenance.js';
import type { Queryable, RowValues } from './record-values.js';

/** Postgres broke a deadlock, or a serializable transaction could not be serialized: safe to run again. */
const RETRYABLE = new Set(['40P01', '40001', 'TRELLIS_RESTART']);
const MAX_ATTEMPTS = 20;

export interface DerivedWriteOptions {
  selection?: RecordSelection;
  client?: Queryable;
  /** How selections compile (the `where` arguments of toMany fields, the reader's access), as RecordService compiles its reads. */
  compile?: CompileOptions;
  /** The writer's update / delete scope on the written row (permissions/write-guard.ts). */
  guard?: RowGuard;
  /** The error for an update / delete that touched no row (absent, invisible or not writable). */
  missing?: (client: Queryable) => Promise<unknown>;
  /** Update: the changes with what before-save workflows (and plugin before-update hooks) set, given the locked stored record (throws to refuse). */
  beforeSave?: (previous: RowValues, now: Date) => RowValues | Promise<RowValues>;
}

export class DerivedRecordWrites {
  constructor(
    private readonly database: Pick<DatabaseService, 'pool' | 'transaction'>,
    private readonly clock: Clock,
  ) {}

  /** Inserts validated, complete rows with ids `ids`; returns them as read back. */
  insert(ctx: RequestContext, model: DataModel, e: EntityModel, rows: RowValues[], ids: string[], options: DerivedWriteOptions, bulk: boolean): Promise<RowValues[]> {
    return this.transaction(ctx, options.client, async (client) => {
      const maintenance = new DerivedMaintenance(model, client, ctx.actor, this.clock(), !options.client);
      const toInsert = await maintenance.beforeCreate(e, rows, ids, bulk);
      const { statements, links } = compileInsert(e, toInsert, ids, actorLabel(ctx.actor));
      const selection = options.selection ?? defaultSelection(e, options.compile?.access);
      // One row shape to return that later recomputes cannot change: the insert returns it (no read back).
      const returning = statements.length === 1 && links.every((l) => l.size === 0) && isFlat(selection);
      let written: RowValues[] = [];
      try {
        if (returning) written = await writeReturning(client, compileWriteReturning(model, e.name, statements[0]!, selection, ids, { ...options.compile, written: 'create' }));
        else for (const statement of statements) await client.query(statement.text, statement.values);
        await replaceLinks(client, ids.map((id, i) => ({ id, links: links[i]! })), false);
      } catch (error) {
        throw await mapWriteError(error, model, e, rows, bulk, this.database.pool);
      }
      await maintenance.afterCreate(e, toInsert, ids);
      return returning && !maintenance.rewrote(e, ids) ? written : readBack<RowValues>(client, model, e.name, ids, selection, { ...options.compile, written: 'create' });
    });
  }

  /**
   * Updates `id` with validated `data`. With `rules`, the entity's rules are checked on the locked stored record
   * (`valueErrors`: the validator's errors a visibleWhen may excuse, as RecordService passes them).
   */
  update(ctx: RequestContext, model: DataModel, e: EntityModel, id: string, data: RowValues, rules: boolean, valueErrors: RecordFieldError[], options: DerivedWriteOptions): Promise<RowValues> {
    return this.transaction(ctx, options.client, async (client) => {
      const now = this.clock();
      const maintenance = new DerivedMaintenance(model, client, ctx.actor, now, !options.client);
      const previous = await maintenance.beforeUpdate(e, id, data);
      if (!previous) throw notFound(`No ${e.label.toLowerCase()} with id ${id}`);
      if (options.beforeSave) data = await options.beforeSave(previous, now);
      if (rules) {
        const [related] = await loadRelated(client, model, e, [{ record: applyChanges(previous, data), previous }]);
        const errors = checkUpdate(model.document, e.name, previous, data, valueErrors, ctx.actor, now, related);
        if (errors.length > 0) throw validationFailed(errors);
      }
      const toWrite = await maintenance.withFormulas(e, id, data, previous);
      const { statement, links } = compileUpdate(e, id, toWrite, actorLabel(ctx.actor), options.guard);
      const selection = options.selection ?? defaultSelection(e, options.compile?.access);
      const returning = links.size === 0 && isFlat(selection);
      const compile: CompileOptions = { ...options.compile, written: 'update' };
      let written: RowValues[] = [];
      let touched: number;
      try {
        if (returning) touched = (written = await writeReturning(client, compileWriteReturning(model, e.name, statement, selection, undefined, compile))).length;
        else touched = (await client.query(statement.text, statement.values)).rowCount ?? 0;
        if (touched === 0) throw (await options.missing?.(client)) ?? notFound(`No ${e.label.toLowerCase()} with id ${id}`);
        await replaceLinks(client, [{ id, links }], true);
      } catch (error) {
        throw await mapWriteError(error, model, e, [data], false, this.database.pool);
      }
      await maintenance.afterUpdate(e, id, toWrite);
      return returning && !maintenance.rewrote(e, [id]) ? written[0]! : (await readBack<RowValues>(client, model, e.name, [id], selection, compile))[0]!;
    });
  }

  /** Deletes `id` and returns it as it was. */
  delete(ctx: RequestContext, model: DataModel, e: EntityModel, id: string, options: DerivedWriteOptions): Promise<RowValues> {
    return this.transaction(ctx, options.client, async (client) => {
      const maintenance = new DerivedMaintenance(model, client, ctx.actor, this.clock(), !options.client);
      if (!(await maintenance.beforeDelete(e, id))) throw notFound(`No ${e.label.toLowerCase()} with id ${id}`);
      const statement = compileDelete(e, id, actorLabel(ctx.actor), ctx.source, options.guard);
      const sql = compileWriteReturning(model, e.name, statement, options.selection ?? defaultSelection(e, options.compile?.access), undefined, { ...options.compile, written: 'delete' });
      let rows: RowValues[];
      try {
        rows = (await client.query(prepared(sql.text, sql.values))).rows.map((row: Record<string, unknown>) => row['r'] as RowValues);
      } catch (error) {
        throw await mapWriteError(error, model, e, [], false, this.database.pool);
      }
      if (rows.length === 0) throw (await options.missing?.(client)) ?? notFound(`No ${e.label.toLowerCase()} with id ${id}`);
      await maintenance.afterDelete();
      return rows[0]!;
    });
  }

  /**
   * Runs `work` in the caller's transaction or one of its own (retried on deadlocks). The acting user is named
   * for the record-history trigger first: the formulas and roll-ups recomputed on OTHER records in this
   * transaction are changes made by this write, not by whoever edited those records last.
   */
  private async transaction<T>(ctx: RequestContext, client: Queryable | undefined, work: (client: Queryable) => Promise<T>): Promise<T> {
    const named = async (c: Queryable) => {
      await c.query(`SELECT set_config('trellis.actor', $1, true), set_config('trellis.source', $2, true)`, [actorLabel(ctx.actor), ctx.source]);
      return work(c);
    };
    if (client) return named(client);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.transaction(named);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}


/** A selection of the record's own values only (scalars, manyToOne ids): what an INSERT / UPDATE … RETURNING gives exactly. */
function isFlat(selection: RecordSelection): boolean {
  return selection.fields.every((f) => !f.selection || f.selection.fields.every((n) => n.field === 'id'));
}

async function writeReturning(client: Queryable, sql: { text: string; values: unknown[] }): Promise<RowValues[]> {
  const result = await client.query(prepared(sql.text, sql.values));
  return result.rows.map((row: Record<string, unknown>) => row['r'] as RowValues);
}
