/**
 * The components of a metadata document a pack can bring, addressed by JSON pointer: entities, their fields,
 * rules and views, roles and workflows. Used to tell which pack a component came from and what an uninstall removes.
 */
import type { MetadataDocument } from '@trellis/metadata';

export const ENTITY_PARTS = ['fields', 'rules', 'views'] as const;
export type EntityPart = (typeof ENTITY_PARTS)[number];

const escape = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/entities/case/fields/priority` from its segments. */
export const pointer = (...segments: string[]): string => '/' + segments.map(escape).join('/');

/** Every component pointer of `document`, entities before their parts. */
export function componentPointers(document: MetadataDocument): string[] {
  const pointers: string[] = [];
  for (const [name, entity] of Object.entries(document.entities ?? {})) {
    pointers.push(pointer('entities', name));
    for (const part of ENTITY_PARTS) {
      for (const child of Object.keys(entity[part] ?? {})) pointers.push(pointer('entities', name, part, child));
    }
  }
  for (const name of Object.keys(document.roles ?? {})) pointers.push(pointer('roles', name));
  for (const name of Object.keys(document.workflows ?? {})) pointers.push(pointer('workflows', name));
  return pointers;
}

/**
 * Which installed pack each component of `current` came from: `{ pointer: "<pack>@<version>" }`. `installs` in
 * install order; a component several packs bring belongs to the first (the dependency).
 */
export function componentOrigins(current: MetadataDocument, installs: { pack: string; version: string; document: MetadataDocument }[]): Record<string, string> {
  const present = new Set(componentPointers(current));
  const origins: Record<string, string> = {};
  for (const install of installs) {
    for (const p of componentPointers(install.document)) {
      if (present.has(p) && !Object.hasOwn(origins, p)) origins[p] = `${install.pack}@${install.version}`;
    }
  }
  return origins;
}
