import type { RecordSelection } from './compile-select.js';
import type { EntityModel } from './data-model.js';

const cache = new WeakMap<EntityModel, RecordSelection>();

/** What a record read returns when no selection is given: system and scalar fields, manyToOne as `{ id }`. */
export function defaultSelection(entity: EntityModel): RecordSelection {
  let selection = cache.get(entity);
  if (!selection) {
    const fields = [...entity.fields.values()]
      .filter((f) => f.kind === 'scalar' || f.kind === 'manyToOne')
      .map((f) => ({ key: f.name, field: f.name }));
    cache.set(entity, (selection = { fields }));
  }
  return selection;
}
