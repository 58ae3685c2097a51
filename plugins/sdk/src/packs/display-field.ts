import type { EntityDefinition } from '@trellis/metadata';

/** The field shown when a record is referenced: `displayField`, else the first text field, else the first field (as the runtime). */
export function displayFieldOf(entity: EntityDefinition): string | undefined {
  if (entity.displayField) return entity.displayField;
  const names = Object.keys(entity.fields);
  return names.find((name) => entity.fields[name]!.type === 'text') ?? names[0];
}
