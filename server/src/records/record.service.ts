/**
 * Reads and writes records of the generated entities on the pg Pool (the hot path: no ORM).
 * Every read is ONE statement built by the compilers; writes run in one transaction, validated first
 * with the runtime's record validator (the same code the studio runs).
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MetadataDocument } from '@trellis/metadata';
import { applyChanges, compileRecordValidator, hasRecordRules, normalizeRecordValues, systemClock, withDefaultValues, type Clock } from '@trellis/runtime';
import type pg from 'pg';
import { actorLabel, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import {
  compileGet,
  compileList,
  compileWriteReturning,
  shapeConnection,
  type CompileOptions,
  type Connection,
  type ConnectionSelection,
  type ListArgs,
  type RecordSelection,
} from './compile-select.js';
import { isUuid } from './compile-filter.js';
import { compileDelete, compileInsert, compileUpdate } from './compile-write.js';
import { dataModelOf, entityOf, type DataModel, type EntityModel } from './data-model.js';
import type { CompiledSql } from './sql.js';
import { defaultSelection } from './default-selection.js';
import { prepared } from './prepared.js';
import { notFound, validationFailed, type RecordFieldError } from './record-errors.js';
import { mapReadError, mapWriteError } from './write-errors.js';
import { CLOCK } from './clock.js';
import { readBack, replaceLinks } from './write-back.js';
import { checkCreate, checkUpdate, loadPrevious, loadRelated, mayBeHiddenErrors } from './record-rules.js';
import { recordAccessFor, ruleEnvironmentUser } from '../permissions/record-access.js';
import { assertOperation, assertWritableFields, missingRowError, rowGuard } from '../permissions/write-guard.js';
import { withOwnership, withoutOwnership } from '../permissions/ownership.js';
import { whereCompiler } from '../rules/compile-json-logic.js';
import { hasDerivedWork } from './derived/derived-model.js';
import { DerivedRecordWrites } from './derived/derived-record-writes.js';
import { beforeSaveOrThrow, hasBeforeSaveWorkflows, withBeforeSave } from './before-save.js';
import { PluginHooks } from '../plugins/plugin-hooks.js';

export type RecordData = Record<string, unknown>;
export type RecordJson = Record<string, unknown>;

/** A pg client or pool to run statements on. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

export interface ReadOptions {
  /** Which fields to return (default: every scalar field, manyToOne as `{ id }`, no toMany lists). */
  selection?: RecordSelection;
  /** Run on this client (e.g. inside the caller's transaction) instead of the pool. */
  client?: Queryable;
  /** The document to interpret `entity` with (default: the workspace's current version). */
  document?: MetadataDocument;
}

export interface ListOptions extends Omit<ReadOptions, 'selection'> {
  selection?: ConnectionSelection;
}

/** With `client`, the caller owns the transaction; otherwise the service opens one. */
export type WriteOptions = ReadOptions;

@Injectable()
export class RecordService {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
    @Optional() private readonly hooks?: PluginHooks,
  ) {}

  private derived?: DerivedRecordWrites;
  /** Writes of entities that formulas or roll-ups concern (derived/derived-record-writes.ts). */
  private get derivedWrites(): DerivedRecordWrites {
    return (this.derived ??= new DerivedRecordWrites(this.database, this.clock));
  }

  /** The record with this id, or null (also for an id that is not a uuid). */
  async get(ctx: RequestContext, entity: string, id: string, options: ReadOptions = {}): Promise<RecordJson | null> {
    const model = await this.model(ctx, options.document);
    const e = entityOf(model, entity);
    const compileOptions = this.compileOptions(ctx, model);
    assertOperation(compileOptions.access, e, 'read');
    const selection = options.selection ?? defaultSelection(e, compileOptions.access);
    if (!isUuid(id)) return null;
    const sql = compileGet(model, entity, id, selection, compileOptions);
    const result = await this.read(options.client, sql.text, sql.values);
    return (result.rows[0]?.['r'] as RecordJson | undefined) ?? null;
  }

  /** One page of records: filter, order, keyset cursors, totalCount. */
  async list(ctx: RequestContext, entity: string, args: ListArgs = {}, options: ListOptions = {}): Promise<Connection> {
    const model = await this.model(ctx, options.document);
    const e = entityOf(model, entity);
    const compileOptions = this.compileOptions(ctx, model);
    assertOperation(compileOptions.access, e, 'read');
    const selection: ConnectionSelection = options.selection ?? {
      totalCount: true,
      pageInfo: true,
      cursors: true,
      node: defaultSelection(e, compileOptions.access),
    };
    const sql = compileList(model, entity, args, selection, compileOptions);
    const result = await this.read(options.client, sql.text, sql.values);
    return shapeConnection(result.rows[0] as Parameters<typeof shapeConnection>[0], sql);
  }

  async create(ctx: RequestContext, entity: string, data: RecordData, options: WriteOptions = {}): Promise<RecordJson> {
    const [record] = await this.insert(ctx, entity, [data], options, false);
    await this.afterCreate(ctx, entity, [record!]);
    return record!;
  }

  /** Creates all rows or none: every row is validated first (fieldErrors carry the row `index`). */
  async createMany(ctx: RequestContext, entity: string, rows: RecordData[], options: WriteOptions = {}): Promise<RecordJson[]> {
    if (rows.length === 0) return [];
    const records = await this.insert(ctx, entity, rows, options, true);
    await this.afterCreate(ctx, entity, records);
    return records;
  }

  /** Plugin after-create hooks (errors logged, never thrown). */
  private async afterCreate(ctx: RequestContext, entity: string, records: RecordJson[]): Promise<void> {
    if (!this.hooks?.has(entity, 'afterCreate')) return;
    const now = this.clock();
    for (const record of records) await this.hooks.after('afterCreate', { entity, record, previous: null, actor: ctx.actor, now });
  }

  /** Changes the given fields only (validated in update mode); NOT_FOUND when there is no such record. */
  async update(ctx: RequestContext, entity: string, id: string, data: RecordData, options: WriteOptions = {}): Promise<RecordJson> {
    const hooks = this.hooks?.has(entity, 'beforeUpdate', 'afterUpdate') ? this.hooks : undefined;
    const seen: { previous?: RecordData } = {};
    const record = await this.writeUpdate(ctx, entity, id, data, options, hooks, seen);
    if (hooks?.has(entity, 'afterUpdate')) await hooks.after('afterUpdate', { entity, record, previous: seen.previous ?? null, actor: ctx.actor, now: this.clock() });
    return record;
  }

  private async writeUpdate(ctx: RequestContext, entity: string, id: string, data: RecordData, options: WriteOptions, hooks: PluginHooks | undefined, seen: { previous?: RecordData }): Promise<RecordJson> {
    const model = await this.model(ctx, options.document);
    const e = entityOf(model, entity);
    const compile = this.compileOptions(ctx, model);
    assertOperation(compile.access, e, 'update');
    assertWritableFields(compile.access, e, [data]);
    data = normalizeRecordValues(model.document, entity, data); // e.g. rich text sanitized: what is stored is safe
    const errors = compileRecordValidator(model.document, entity)(withoutOwnership(data), { mode: 'update' });
    // Rules and before-save workflows need the stored record: none, the one-statement path with no previous loaded.
    const beforeSave = hasBeforeSaveWorkflows(model.document, entity, 'update');
    const rules = hasRecordRules(model.document, entity) || beforeSave || hooks !== undefined;
    if (errors.length > 0 && !(rules && mayBeHiddenErrors(model.document, entity, errors, data))) throw validationFailed(errors);
    if (!isUuid(id)) throw notFoundError(e, id);
    const guard = rowGuard(compile.access, model, e, 'update');
    const missing = (client: Queryable) => missingRowError(client, compile.access, model, e, id, 'update');
    // Formulas and roll-ups to maintain: one transaction with locks, formula values and recomputes (also checks rules).
    // Before-save workflows, then plugin before-update hooks, on the locked stored record (which after-hooks see).
    const prepare =
      beforeSave || hooks
        ? async (previous: RecordData, now: Date) => {
            seen.previous = previous;
            const changes = beforeSave ? beforeSaveOrThrow(model.document, entity, 'update', data, previous, ctx.actor, now) : data;
            if (hooks?.has(entity, 'beforeUpdate')) await hooks.before('beforeUpdate', { entity, record: applyChanges(previous, changes), previous, actor: ctx.actor, now });
            return changes;
          }
        : undefined;
    if (hasDerivedWork(model, entity)) return this.derivedWrites.update(ctx, model, e, id, data, rules, errors, { ...options, compile, guard, missing, beforeSave: prepare });
    if (rules) return this.updateWithRules(ctx, model, e, id, data, errors, options, compile, prepare);
    const { statement, links } = compileUpdate(e, id, data, actorLabel(ctx.actor), guard);
    const selection = options.selection ?? defaultSelection(e, compile.access);
    const written: CompileOptions = { ...compile, written: 'update' };
    if (links.size === 0) {
      // No link sets to replace: one statement updates and returns the record, no transaction needed.
      const sql = compileWriteReturning(model, entity, statement, selection, undefined, written);
      const client = options.client ?? this.database.pool;
      const rows = await this.write(client, sql, model, e, [data]);
      if (rows.length === 0) throw await missing(client);
      return rows[0]!;
    }
    return this.inTransaction(options.client, async (client) => {
      try {
        const updated = await client.query(statement.text, statement.values);
        if (updated.rowCount === 0) throw await missing(client);
        await replaceLinks(client, [{ id, links }], true);
      } catch (error) {
        throw await this.writeError(error, model, e, [data]);
      }
      return readBack<RecordJson>(client, model, entity, [id], selection, written).then((r) => r[0]!);
    });
  }

  /**
   * An update of an entity with rules: in one transaction, lock and read the stored record, check the rules
   * on the record after the change, then write (a concurrent update waits for the lock instead of slipping in).
   */
  private async updateWithRules(
    ctx: RequestContext,
    model: DataModel,
    e: EntityModel,
    id: string,
    data: RecordData,
    valueErrors: RecordFieldError[],
    options: WriteOptions,
    compile: CompileOptions,
    prepare?: (previous: RecordData, now: Date) => Promise<RecordData>,
  ): Promise<RecordJson> {
    const selection = options.selection ?? defaultSelection(e, compile.access);
    const guard = rowGuard(compile.access, model, e, 'update');
    const written: CompileOptions = { ...compile, written: 'update' };
    return this.inTransaction(options.client, async (client) => {
      // The rules see the stored record only once the writer is known to be allowed to change it.
      const previous = await loadPrevious(client, e, id, guard);
      if (!previous) throw await missingRowError(client, compile.access, model, e, id, 'update');
      const now = this.clock();
      if (prepare) data = await prepare(previous, now);
      const [related] = await loadRelated(client, model, e, [{ record: applyChanges(previous, data), previous }]);
      const errors = checkUpdate(model.document, e.name, previous, data, valueErrors, ctx.actor, now, related);
      if (errors.length > 0) throw validationFailed(errors);
      const { statement, links } = compileUpdate(e, id, data, actorLabel(ctx.actor), guard);
      if (links.size === 0) {
        const rows = await this.write(client, compileWriteReturning(model, e.name, statement, selection, undefined, written), model, e, [data]);
        return rows[0]!;
      }
      try {
        await client.query(statement.text, statement.values);
        await replaceLinks(client, [{ id, links }], true);
      } catch (error) {
        throw await this.writeError(error, model, e, [data]);
      }
      return readBack<RecordJson>(client, model, e.name, [id], selection, written).then((r) => r[0]!);
    });
  }

  /** Deletes the record and returns it as it was (with its links); NOT_FOUND when there is no such record. */
  async delete(ctx: RequestContext, entity: string, id: string, options: WriteOptions = {}): Promise<RecordJson> {
    const hooks = this.hooks;
    if (!hooks?.has(entity, 'beforeDelete', 'afterDelete')) return this.writeDelete(ctx, entity, id, options);
    let previous: RecordData | null = null;
    const record = await this.inTransaction(options.client, async (client) => {
      if (hooks.has(entity, 'beforeDelete') && isUuid(id)) {
        // The stored record, locked, when the writer may delete it (else the delete below reports it missing).
        const model = await this.model(ctx, options.document);
        const e = entityOf(model, entity);
        const compile = this.compileOptions(ctx, model);
        assertOperation(compile.access, e, 'delete');
        previous = await loadPrevious(client, e, id, rowGuard(compile.access, model, e, 'delete'));
        if (previous) await hooks.before('beforeDelete', { entity, record: previous, previous, actor: ctx.actor, now: this.clock() });
      }
      return this.writeDelete(ctx, entity, id, { ...options, client });
    });
    await hooks.after('afterDelete', { entity, record, previous, actor: ctx.actor, now: this.clock() });
    return record;
  }

  private async writeDelete(ctx: RequestContext, entity: string, id: string, options: WriteOptions): Promise<RecordJson> {
    const model = await this.model(ctx, options.document);
    const e = entityOf(model, entity);
    const compile = this.compileOptions(ctx, model);
    assertOperation(compile.access, e, 'delete');
    if (!isUuid(id)) throw notFoundError(e, id);
    const guard = rowGuard(compile.access, model, e, 'delete');
    const missing = (client: Queryable) => missingRowError(client, compile.access, model, e, id, 'delete');
    if (hasDerivedWork(model, entity, 'delete')) return this.derivedWrites.delete(ctx, model, e, id, { ...options, compile, guard, missing });
    const statement = compileDelete(e, id, actorLabel(ctx.actor), ctx.source, guard);
    const sql = compileWriteReturning(model, entity, statement, options.selection ?? defaultSelection(e, compile.access), undefined, { ...compile, written: 'delete' });
    const client = options.client ?? this.database.pool;
    const rows = await this.write(client, sql, model, e, []);
    if (rows.length === 0) throw await missing(client);
    return rows[0]!;
  }

  /**
   * How statements compile for this request: the requester's access (every scope, field right and written-row
   * check comes from it) and the JSON Logic `where` compiler, which sees the request's user and now.
   */
  compileOptions(ctx: RequestContext, model: DataModel): CompileOptions {
    const now = this.clock().toISOString();
    return { where: whereCompiler({ user: ruleEnvironmentUser(ctx.actor), now }), access: recordAccessFor(model, ctx.actor, now) };
  }

  /** The data model of the document a request works on (cached per document object). */
  async model(ctx: RequestContext, document?: MetadataDocument): Promise<DataModel> {
    const doc = document ?? (await this.store.current(ctx.workspace)).served;
    return dataModelOf(doc, ctx.workspace);
  }

  private async insert(ctx: RequestContext, entity: string, rows: RecordData[], options: WriteOptions, bulk: boolean): Promise<RecordJson[]> {
    const model = await this.model(ctx, options.document);
    const e = entityOf(model, entity);
    const compile = this.compileOptions(ctx, model);
    assertOperation(compile.access, e, 'create');
    assertWritableFields(compile.access, e, rows.map((row) => row ?? {}));
    const validate = compileRecordValidator(model.document, entity);
    const complete = rows.map((row) => normalizeRecordValues(model.document, entity, withOwnership(withDefaultValues(model.document, entity, row ?? {}), ctx.actor)));
    const errors: RecordFieldError[] = [];
    const beforeSave = hasBeforeSaveWorkflows(model.document, entity, 'create');
    const rules = hasRecordRules(model.document, entity);
    const now = rules || beforeSave ? this.clock() : undefined;
    const hooks = this.hooks?.has(entity, 'beforeCreate') ? this.hooks : undefined;
    const hookNow = hooks ? (now ?? this.clock()) : undefined;
    const checked: { index: number; row: RecordData }[] = [];
    for (const [index, original] of complete.entries()) {
      let row = original;
      if (beforeSave) {
        const outcome = withBeforeSave(model.document, entity, 'create', row, null, ctx.actor, now!);
        complete[index] = row = outcome.data;
        if (outcome.errors.length > 0) {
          for (const error of outcome.errors) errors.push(bulk ? { ...error, index } : error);
          continue;
        }
      }
      if (hooks) await hooks.before('beforeCreate', { entity, record: row, previous: null, actor: ctx.actor, now: hookNow! }, bulk ? index : undefined);
      checked.push({ index, row });
    }
    // The related records rules read, for all rows at once (one query per relation).
    const related = rules ? await loadRelated(options.client ?? this.database.pool, model, e, checked.map(({ row }) => ({ record: row, previous: null }))) : [];
    for (const [i, { index, row }] of checked.entries()) {
      let rowErrors = validate(withoutOwnership(row), { mode: 'create' });
      if (rules) rowErrors = checkCreate(model.document, entity, row, rowErrors, ctx.actor, now!, related[i]);
      for (const error of rowErrors) errors.push(bulk ? { ...error, index } : error);
    }
    if (errors.length > 0) throw validationFailed(errors);
    const ids = complete.map(() => randomUUID());
    if (hasDerivedWork(model, entity)) return this.derivedWrites.insert(ctx, model, e, complete, ids, { ...options, compile }, bulk);
    const { statements, links } = compileInsert(e, complete, ids, actorLabel(ctx.actor));
    const selection = options.selection ?? defaultSelection(e, compile.access);
    const written: CompileOptions = { ...compile, written: 'create' };
    if (statements.length === 1 && links.every((l) => l.size === 0)) {
      // Nothing but rows to insert: one statement inserts and returns them, no transaction needed.
      const sql = compileWriteReturning(model, entity, statements[0]!, selection, ids, written);
      return this.write(options.client ?? this.database.pool, sql, model, e, complete, bulk);
    }
    return this.inTransaction(options.client, async (client) => {
      try {
        for (const statement of statements) await client.query(statement.text, statement.values);
        await replaceLinks(client, ids.map((id, i) => ({ id, links: links[i]! })), false);
      } catch (error) {
        throw await this.writeError(error, model, e, complete, bulk);
      }
      return readBack<RecordJson>(client, model, entity, ids, selection, written);
    });
  }

  /** Runs one write-and-return statement; its rows' JSON, or the write error mapped for the API. */
  private async write(client: Queryable, sql: CompiledSql, model: DataModel, entity: EntityModel, rows: RecordData[], bulk = false): Promise<RecordJson[]> {
    try {
      const result = await client.query(prepared(sql.text, sql.values));
      return result.rows.map((row: Record<string, unknown>) => row['r'] as RecordJson);
    } catch (error) {
      throw await this.writeError(error, model, entity, rows, bulk);
    }
  }


  private async read(client: Queryable | undefined, text: string, values: unknown[]): Promise<pg.QueryResult<Record<string, unknown>>> {
    try {
      return await (client ?? this.database.pool).query(prepared(text, values));
    } catch (error) {
      throw mapReadError(error);
    }
  }

  private writeError(error: unknown, model: DataModel, entity: EntityModel, rows: RecordData[], bulk = false): Promise<unknown> {
    return mapWriteError(error, model, entity, rows, bulk, this.database.pool);
  }

  private async inTransaction<T>(client: Queryable | undefined, work: (client: Queryable) => Promise<T>): Promise<T> {
    if (client) return work(client);
    return this.database.transaction(work);
  }
}

function notFoundError(entity: EntityModel, id: string) {
  return notFound(`No ${entity.label.toLowerCase()} with id ${id}`);
}
