/**
 * The row locks one write's transaction holds, so each row is locked once, in the mode asked (a row held
 * FOR UPDATE needs no FOR SHARE); rows are locked per table, in id order (see `lockRows`).
 */
import type { EntityModel } from '../data-model.js';
import { lockRows, type Queryable } from './record-values.js';

export class RowLocks {
  private readonly forUpdate = new Map<EntityModel, Set<string>>();
  private readonly forShare = new Map<EntityModel, Set<string>>();

  constructor(private readonly client: Queryable) {}

  /** Rows of `entity` held at least as strongly as `mode`. */
  held(entity: EntityModel, mode: 'update' | 'share'): Set<string> {
    const update = this.forUpdate.get(entity) ?? new Set<string>();
    return mode === 'update' ? update : new Set([...update, ...(this.forShare.get(entity) ?? [])]);
  }

  /** Locks the rows not held yet: tables by name, rows by id. */
  async lock(rows: Map<EntityModel, Set<string>>, mode: 'update' | 'share'): Promise<void> {
    const entities = [...rows.keys()].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
    for (const entity of entities) {
      const held = this.held(entity, mode);
      const todo = [...rows.get(entity)!].filter((id) => !held.has(id));
      if (todo.length === 0) continue;
      await lockRows(this.client, entity, todo, mode);
      const into = mode === 'update' ? this.forUpdate : this.forShare;
      if (!into.has(entity)) into.set(entity, new Set());
      for (const id of todo) into.get(entity)!.add(id);
    }
  }
}
