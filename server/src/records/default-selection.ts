import type { RecordSelection } from './compile-select.js';
import type { EntityModel } from './data-model.js';
import type { RecordAccess } from '../permissions/record-access.js';

const cache = new WeakMap<EntityModel, Map<string, RecordSelection>>();

/**
 * What a record read returns when no selection is given: system and scalar fields, manyToOne as `{ id }` —
 * of those the reader may see (no hidden field, no relation to an entity they cannot read).
 */
export function defaultSelection(entity: EntityModel, access?: RecordAccess): RecordSelection {
  const restricted = access !== undefined && !access.unrestricted;
  const key = restricted ? access.resolved.key : '*';
  let byAccess = cache.get(entity);
  if (!byAccess) cache.set(entity, (byAccess = new Map()));
  let selection = byAccess.get(key);
  if (!selection) {
    const fields = [...entity.fields.values()]
      .filter((f) => f.kind === 'scalar' || f.kind === 'manyToOne')
      .filter((f) => !restricted || access.fieldAccess(entity, f.name) !== 'hidden')
      .filter((f) => !restricted || f.kind !== 'manyToOne' || access.resolved.entities[f.target]!.read.length > 0)
      .map((f) => ({ key: f.name, field: f.name }));
    byAccess.set(key, (selection = { fields }));
  }
  return selection;
}
