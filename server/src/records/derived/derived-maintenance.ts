/**
 * Keeps formulas and roll-ups exact inside the transaction of one record write (create, update or delete).
 *
 * Before the write: the parents of the roll-ups the written rows feed (old and new parents: manyToOne targets
 * or manyToMany links) are locked FOR UPDATE, per table in id order; children whose links a parent-side write
 * changes, and the records the formulas read through a manyToOne, FOR SHARE; then the written row itself is
 * locked and read. A parent found only then (the child was re-parented concurrently) is locked late. The written
 * rows' formulas are computed (runtime `computeFormulas`) and stored by the write statement itself.
 * After the write: each affected roll-up is recomputed with ONE `UPDATE … SET col = (SELECT agg …) WHERE id =
 * ANY($1)`, and the change spreads: formulas reading a changed roll-up, formulas of other records reading the
 * written record through a manyToOne (`record.company.employees`), roll-ups over changed formulas, … until
 * nothing changes (the document has no cycles). Every writer of a parent's related rows holds the parent's lock
 * from before its recompute until it commits, so each recompute sees every committed change: no lost update.
 * Values recomputed this way do not touch `updated_at` / `updated_by` (nobody edited those records).
 */
import { computeFormulas, type RelatedRecords } from '@trellis/runtime';
import { actorLabel, type Actor } from '../../common/request-context.js';
import type { DataModel, EntityModel } from '../data-model.js';
import { prepared } from '../prepared.js';
import { validationFailed, type RecordFieldError } from '../record-errors.js';
import { quoteIdent } from '../sql.js';
import { derivedOf, type EntityDerived, type RollupModel } from './derived-model.js';
import { WriteRestart, addChange, hasAny, hasUnheld, idsOf, mapLinksToEmpty, sameStored, touchedFields, type Changes } from './derived-changes.js';
import { compileFormulaUpdate } from './formula-sql.js';
import { formulaUpdates, loadRelated, relatedIds } from './formula-rows.js';
import { asStoredValues, loadRowValues, type Queryable, type RowValues } from './record-values.js';
import { RowLocks } from './row-locks.js';
import { compileRollupRecompute } from './rollup-sql.js';

/** Spreading stops with an error after this many rounds (the document has no cycles, so it never should). */
const MAX_ROUNDS = 64;

export class DerivedMaintenance {
  /** Rows held FOR UPDATE / FOR SHARE by this transaction. */
  private readonly locks: RowLocks;
  /** Parents whose roll-ups the primary write changes, recomputed after it. */
  private readonly parents = new Map<RollupModel, Set<string>>();
  /** manyToMany roll-ups without a field on the child's side: the children whose links are read from the junction. */
  private readonly junctionLookups: [RollupModel, string][] = [];
  /** Changes known before the write (link lists of the other side, rows unlinked by a delete). */
  private readonly pending: Changes = new Map();
  /** Rows whose derived values were written after the primary write (entity name → ids). */
  private readonly rewritten = new Map<string, Set<string>>();
  private readonly actor: string;

  constructor(
    private readonly model: DataModel,
    private readonly client: Queryable,
    actor: Actor,
    private readonly now: Date,
    /** Whether the transaction may be run again from the start (the caller does not own it). */
    private readonly restartable = false,
  ) {
    this.actor = actorLabel(actor);
    this.locks = new RowLocks(client);
  }

  // ---- create ------------------------------------------------------------------------------------------

  /**
   * Before inserting `rows` (complete, validated values) with ids `newIds`: locks what the write depends on and
   * returns the rows with their formula values and initial roll-up values. VALIDATION_FAILED when a formula fails.
   */
  async beforeCreate(e: EntityModel, rows: RowValues[], newIds: string[], bulk: boolean): Promise<RowValues[]> {
    const derived = derivedOf(this.model, e.name);
    const written = rows.map((row, i) => ({ ...row, id: newIds[i] }));
    this.collectParents(derived, written, null);
    this.noteLinkChanges(derived, written.map((row) => [row, null]));
    await this.lockAhead(this.relatedIds(derived, rows));
    await this.locks.lock(this.linkedChildren(derived, written.map((row) => [row, null])), 'share');
    const stamp = this.now.toISOString();
    // As the stored row will read: fields not given are null (a manyToMany an empty list), system fields set.
    const blank: RowValues = {};
    for (const field of e.ownFields) if (field.kind !== 'oneToMany') blank[field.name] = field.kind === 'manyToMany' ? [] : null;
    const stored = written.map((row) => ({ ...blank, ...asStoredValues(e, row), createdAt: stamp, updatedAt: stamp, createdBy: this.actor, updatedBy: this.actor }));
    const related = await this.loadRelated(derived, stored);
    const errors: RecordFieldError[] = [];
    const out = rows.map((row, i) => {
      const result = computeFormulas(this.model.document, e.name, stored[i]!, related[i]);
      for (const error of result.errors) errors.push(bulk ? { ...error, index: i } : error);
      const initial: RowValues = {};
      for (const rollup of derived.rollups) initial[rollup.name] = rollup.emptyValue;
      return { ...row, ...initial, ...result.values };
    });
    if (errors.length > 0) throw validationFailed(errors);
    return out;
  }

  /** After the insert and its links: roll-ups of the parents and of the new rows over their links, and what follows. */
  async afterCreate(e: EntityModel, rows: RowValues[], newIds: string[]): Promise<void> {
    const changes = this.takePending();
    await this.recomputeParents(changes);
    await this.recomputeOwnLinkedRollups(e, rows.map((row, i) => [newIds[i]!, row]), changes);
    await this.propagate(changes);
  }

  // ---- update ------------------------------------------------------------------------------------------

  /**
   * Before an update of `id` with `data`: locks what it depends on, then the row itself; returns its stored
   * values (the rule context's `previous`), or null when there is no such record.
   */
  async beforeUpdate(e: EntityModel, id: string, data: RowValues): Promise<RowValues | null> {
    const derived = derivedOf(this.model, e.name);
    const guess = (await loadRowValues(this.client, e, [id], null, true)).get(id);
    if (!guess) return null;
    this.collectParents(derived, [guess], data);
    await this.lockAhead(this.relatedIds(derived, [{ ...guess, ...data }]));
    const previous = (await loadRowValues(this.client, e, [id], 'update', true)).get(id);
    if (!previous) return null;
    // Re-parented by another writer since the first read: lock the parents not known then (late, still before the recompute).
    this.collectParents(derived, [previous], data);
    await this.lockAhead(this.relatedIds(derived, [{ ...previous, ...data }]), true);
    // Below the row in the lock order: the children whose links this write changes (parent before child, always).
    await this.locks.lock(this.linkedChildren(derived, [[data, previous]]), 'share');
    this.noteLinkChanges(derived, [[{ ...data, id }, previous]]);
    return previous;
  }

  /** `data` plus the formula values that change with it (VALIDATION_FAILED when a formula fails). */
  async withFormulas(e: EntityModel, id: string, data: RowValues, previous: RowValues): Promise<RowValues> {
    const derived = derivedOf(this.model, e.name);
    if (derived.formulas.length === 0) return data;
    const record = { ...previous, ...asStoredValues(e, data), id, updatedAt: this.now.toISOString(), updatedBy: this.actor };
    const [related] = await this.loadRelated(derived, [record]);
    const result = computeFormulas(this.model.document, e.name, record, related);
    if (result.errors.length > 0) throw validationFailed(result.errors);
    const out = { ...data };
    for (const formula of derived.formulas) {
      const name = formula.compiled.name;
      if (name in result.values && !sameStored(previous[name], result.values[name], formula.field)) out[name] = result.values[name];
    }
    return out;
  }

  /** After the update: roll-ups of old and new parents and of the row over replaced links, and what follows. */
  async afterUpdate(e: EntityModel, id: string, written: RowValues): Promise<void> {
    const changes = this.takePending();
    await this.recomputeParents(changes);
    await this.recomputeOwnLinkedRollups(e, [[id, written]], changes);
    await this.recomputeDependents(e.name, new Set([id]), new Set(Object.keys(written)), changes);
    await this.propagate(changes);
  }

  // ---- delete ------------------------------------------------------------------------------------------

  /** Before deleting `id`: locks the parents of the row and of the rows the delete cascades to. False: no such record. */
  async beforeDelete(e: EntityModel, id: string): Promise<boolean> {
    const derived = derivedOf(this.model, e.name);
    const guess = (await loadRowValues(this.client, e, [id], null, true)).get(id);
    if (!guess) return false;
    this.collectParents(derived, [guess], null);
    await this.collectCascades(e, [id], new Set([e.name]));
    await this.lockAhead(new Map());
    const stored = (await loadRowValues(this.client, e, [id], 'update', true)).get(id);
    if (!stored) return false;
    this.collectParents(derived, [stored], null);
    // With the row locked no new row can point at it: the cascade found now is final.
    this.pending.clear();
    this.noteLinkChanges(derived, [[mapLinksToEmpty(derived, stored), stored]]);
    await this.collectCascades(e, [id], new Set([e.name]));
    await this.lockAhead(new Map(), true);
    return true;
  }

  /** After the delete: the parents' roll-ups, and the formulas and roll-ups of rows whose link was set to null. */
  async afterDelete(): Promise<void> {
    const changes = this.takePending();
    await this.recomputeParents(changes);
    await this.propagate(changes);
  }

  /**
   * The rows a delete of `deleted` (rows of `e`) takes with it (onDelete cascade) or unlinks (setNull),
   * recursively: the parents of the roll-ups deleted rows fed are collected, unlinked rows noted as changed.
   */
  private async collectCascades(e: EntityModel, deleted: string[], seen: Set<string>): Promise<void> {
    for (const cascade of derivedOf(this.model, e.name).cascades) {
      const column = quoteIdent(cascade.relation.column);
      const result = await this.client.query<{ id: string }>(`SELECT "id" FROM ${cascade.entity.table} WHERE ${column} = ANY($1::uuid[])`, [deleted]);
      const rowIds = result.rows.map((r) => r.id);
      if (rowIds.length === 0) continue;
      if (cascade.onDelete === 'setNull') {
        addChange(this.pending, cascade.entity.name, rowIds, [cascade.relation.name]);
        continue;
      }
      const child = derivedOf(this.model, cascade.entity.name);
      const rows = [...(await loadRowValues(this.client, cascade.entity, rowIds, null, true)).values()];
      this.collectParents(child, rows, null);
      this.noteLinkChanges(child, rows.map((row) => [mapLinksToEmpty(child, row), row]));
      if (!seen.has(cascade.entity.name)) await this.collectCascades(cascade.entity, rowIds, new Set([...seen, cascade.entity.name]));
    }
  }

  // ---- locking -----------------------------------------------------------------------------------------

  private parentSet(rollup: RollupModel): Set<string> {
    let set = this.parents.get(rollup);
    if (!set) this.parents.set(rollup, (set = new Set()));
    return set;
  }

  /**
   * Parents of the roll-ups `derived` feeds, for `rows` as stored (or created) and, on update, as written
   * (`data`): every roll-up on create and delete (`data` null), those whose child fields the update touches.
   */
  private collectParents(derived: EntityDerived, rows: RowValues[], data: RowValues | null): void {
    const touched = data ? touchedFields(derived, data) : null;
    for (const rollup of derived.feeds) {
      if (touched && !hasAny(touched, rollup.childFields)) continue;
      const set = this.parentSet(rollup);
      const field = rollup.link.kind === 'fk' ? rollup.link.field : rollup.link.childField;
      if (field === undefined) {
        for (const row of rows) this.junctionLookups.push([rollup, row['id'] as string]);
        continue;
      }
      for (const row of rows) for (const id of idsOf(row[field])) set.add(id);
      if (data && field in data) for (const id of idsOf(data[field])) set.add(id);
    }
  }

  /**
   * Locks, in ONE order (tables by name, rows by id), every collected parent not held yet FOR UPDATE and the rows
   * of `share` FOR SHARE: writers that take their locks this way never wait on each other in a circle.
   */
  private async lockAhead(share: Map<EntityModel, Set<string>>, late = false): Promise<void> {
    for (const [rollup, child] of this.junctionLookups.splice(0)) {
      if (rollup.link.kind !== 'junction') continue;
      const result = await this.client.query<{ id: string }>(
        `SELECT ${quoteIdent(rollup.link.parentColumn)} AS id FROM ${rollup.link.junction} WHERE ${quoteIdent(rollup.link.childColumn)} = $1`,
        [child],
      );
      for (const row of result.rows) this.parentSet(rollup).add(row.id);
    }
    const update = new Map<EntityModel, Set<string>>();
    for (const [rollup, set] of this.parents) {
      if (!update.has(rollup.parent)) update.set(rollup.parent, new Set());
      for (const id of set) update.get(rollup.parent)!.add(id);
    }
    const entities = [...new Set([...update.keys(), ...share.keys()])].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
    // Found only after the written row was locked (another writer moved it meanwhile): locking now could cross
    // another writer's order, so the transaction starts again when it can (its first reads will be right then).
    if (late && this.restartable && entities.some((e) => hasUnheld(this.locks.held(e, 'update'), update.get(e)) || hasUnheld(this.locks.held(e, 'share'), share.get(e)))) {
      throw new WriteRestart();
    }
    for (const entity of entities) {
      const forUpdate = update.get(entity) ?? new Set<string>();
      await this.locks.lock(new Map([[entity, forUpdate]]), 'update');
      await this.locks.lock(new Map([[entity, new Set([...(share.get(entity) ?? [])].filter((id) => !forUpdate.has(id)))]]), 'share');
    }
  }

  /**
   * Children linked to or unlinked from rows whose manyToMany links a write replaces on the parent's side: locked
   * FOR SHARE, so a concurrent change of one of them commits before this write's recompute reads it.
   */
  private linkedChildren(derived: EntityDerived, rows: [RowValues, RowValues | null][]): Map<EntityModel, Set<string>> {
    const children = new Map<EntityModel, Set<string>>();
    for (const rollup of derived.rollups) {
      if (rollup.link.kind !== 'junction') continue;
      const field = rollup.link.parentField;
      for (const [data, stored] of rows) {
        if (!(field in data)) continue;
        if (!children.has(rollup.child)) children.set(rollup.child, new Set());
        for (const id of [...idsOf(data[field]), ...idsOf(stored?.[field])]) children.get(rollup.child)!.add(id);
      }
    }
    return children;
  }

  /** Written manyToMany links change the other side's lists: noted when formulas or roll-ups there read them. */
  private noteLinkChanges(derived: EntityDerived, rows: [RowValues, RowValues | null][]): void {
    for (const link of derived.linkInverses) {
      for (const [data, stored] of rows) {
        if (!(link.field in data)) continue;
        addChange(this.pending, link.target.name, [...idsOf(data[link.field]), ...idsOf(stored?.[link.field])], [link.inverse]);
      }
    }
  }

  // ---- formulas ----------------------------------------------------------------------------------------

  private relatedIds(derived: EntityDerived, rows: RowValues[]): Map<EntityModel, Set<string>> {
    return relatedIds(this.model, derived, rows);
  }

  private loadRelated(derived: EntityDerived, rows: RowValues[]): Promise<RelatedRecords[]> {
    return loadRelated(this.client, this.model, derived, rows);
  }

  /**
   * Recomputes the formulas of stored rows of `entity` (locked FOR UPDATE first) and writes those that change,
   * in one statement; notes what changed. A formula that fails makes the whole write fail (fail closed).
   */
  private async recomputeFormulaRows(entity: EntityModel, rowIds: Iterable<string>, changes: Changes): Promise<void> {
    const derived = derivedOf(this.model, entity.name);
    if (derived.formulas.length === 0) return;
    const rows = [...(await loadRowValues(this.client, entity, rowIds, 'update', true)).values()];
    if (rows.length === 0) return;
    await this.locks.lock(this.relatedIds(derived, rows), 'share');
    const { updates, fields } = formulaUpdates(this.model, derived, rows, await this.loadRelated(derived, rows));
    if (updates.length === 0) return;
    await this.client.query(compileFormulaUpdate(entity, derived.formulas.filter((f) => fields.has(f.compiled.name)).map((f) => f.field)), [JSON.stringify(updates)]);
    const ids = updates.map((u) => u['id'] as string);
    addChange(changes, entity.name, ids, fields);
    this.noteRewritten(entity.name, ids);
  }

  // ---- roll-ups ----------------------------------------------------------------------------------------

  /** Recomputes roll-ups of one parent entity for `parentIds` (locked), in one statement; notes what changed. */
  private async recomputeRollups(rollups: RollupModel[], parentIds: Iterable<string>, changes: Changes): Promise<void> {
    const list = [...new Set(parentIds)].sort();
    if (list.length === 0 || rollups.length === 0) return;
    const sql = compileRollupRecompute(this.model, rollups);
    const result = await this.client.query<Record<string, unknown>>(prepared(sql.text, [list, ...sql.values.slice(1)]));
    rollups.forEach((rollup, i) => {
      const changed = result.rows.filter((row) => row[`d${i}`] === true).map((row) => row['id'] as string);
      if (changed.length > 0) addChange(changes, rollup.parent.name, changed, [rollup.name]);
      this.noteRewritten(rollup.parent.name, changed);
    });
  }

  /** The roll-ups of the parents collected before the primary write: one statement per parent entity. */
  private async recomputeParents(changes: Changes): Promise<void> {
    const byParent = new Map<EntityModel, { rollups: RollupModel[]; ids: Set<string> }>();
    for (const [rollup, set] of this.parents) {
      let group = byParent.get(rollup.parent);
      if (!group) byParent.set(rollup.parent, (group = { rollups: [], ids: new Set() }));
      group.rollups.push(rollup);
      for (const id of set) group.ids.add(id);
    }
    this.parents.clear();
    for (const { rollups, ids } of byParent.values()) await this.recomputeRollups(rollups, ids, changes);
  }

  /** Roll-ups of the written rows over manyToMany links the write set (the rows are their parents). */
  private async recomputeOwnLinkedRollups(e: EntityModel, rows: [string, RowValues][], changes: Changes): Promise<void> {
    for (const rollup of derivedOf(this.model, e.name).rollups) {
      if (rollup.link.kind !== 'junction') continue;
      const field = rollup.link.parentField;
      await this.recomputeRollups([rollup], rows.filter(([, row]) => field in row).map(([id]) => id), changes);
    }
  }

  // ---- propagation -------------------------------------------------------------------------------------

  /** Whether a recompute after the primary write changed one of these rows (then they must be read back). */
  rewrote(e: EntityModel, rowIds: string[]): boolean {
    const ids = this.rewritten.get(e.name);
    return ids !== undefined && rowIds.some((id) => ids.has(id));
  }

  private noteRewritten(entity: string, rowIds: Iterable<string>): void {
    if (!this.rewritten.has(entity)) this.rewritten.set(entity, new Set());
    for (const id of rowIds) this.rewritten.get(entity)!.add(id);
  }

  private takePending(): Changes {
    const changes: Changes = new Map(this.pending);
    this.pending.clear();
    return changes;
  }

  /** Formulas of other records that read `entity`'s rows through a manyToOne, when `fields` are among what they read. */
  private async recomputeDependents(entity: string, rowIds: Set<string>, fields: Set<string>, changes: Changes): Promise<void> {
    for (const dependent of derivedOf(this.model, entity).dependents) {
      if (!hasAny(fields, dependent.fields)) continue;
      const column = quoteIdent(dependent.relation.column);
      const result = await this.client.query<{ id: string }>(`SELECT "id" FROM ${dependent.entity.table} WHERE ${column} = ANY($1::uuid[])`, [[...rowIds]]);
      await this.recomputeFormulaRows(dependent.entity, result.rows.map((r) => r.id), changes);
    }
  }

  /**
   * Spreads changed values until nothing changes: the changed rows' own formulas (unless only formulas changed,
   * which are computed together), the roll-ups they feed (parents locked first), the formulas reading them.
   */
  private async propagate(changes: Changes): Promise<void> {
    for (let round = 0; changes.size > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error('Formula and roll-up values did not settle: is there a dependency cycle?');
      const [entity, change] = changes.entries().next().value!;
      changes.delete(entity);
      const derived = derivedOf(this.model, entity);
      const formulaNames = new Set(derived.formulas.map((f) => f.compiled.name));
      const inputs = [...change.fields].filter((f) => !formulaNames.has(f));
      if (hasAny(inputs, derived.formulaReads)) await this.recomputeFormulaRows(derived.entity, change.ids, changes);
      for (const rollup of derived.feeds) {
        if (!hasAny(change.fields, rollup.childFields)) continue;
        const parents = await this.currentParents(rollup, change.ids);
        await this.locks.lock(new Map([[rollup.parent, parents]]), 'update');
        await this.recomputeRollups([rollup], parents, changes);
      }
      await this.recomputeDependents(entity, change.ids, change.fields, changes);
    }
  }

  /** The parents the given (locked) child rows are linked to now. */
  private async currentParents(rollup: RollupModel, children: Set<string>): Promise<Set<string>> {
    const link = rollup.link;
    const sql =
      link.kind === 'fk'
        ? `SELECT DISTINCT ${quoteIdent(link.column)} AS id FROM ${rollup.child.table} WHERE "id" = ANY($1::uuid[]) AND ${quoteIdent(link.column)} IS NOT NULL`
        : `SELECT DISTINCT ${quoteIdent(link.parentColumn)} AS id FROM ${link.junction} WHERE ${quoteIdent(link.childColumn)} = ANY($1::uuid[])`;
    const result = await this.client.query<{ id: string }>(sql, [[...children]]);
    return new Set(result.rows.map((r) => r.id));
  }
}

