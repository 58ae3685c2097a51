/**
 * `combineForInstall(current, pack, choices)`: the workspace document with a pack's document added. Components
 * the workspace lacks are added; one it already has with a different definition is a clash (never silently
 * overwritten): `keepMine` keeps the workspace's, `takePack` takes the pack's. A clash without a choice is
 * returned unresolved (the workspace's version stays in the document). Translations of labels are added where the
 * workspace has none for the same locale and label; the workspace's own text is kept. Pure.
 */
import { deepEqual, labelAt, type EntityDefinition, type MetadataDocument } from '@trellis/metadata';
import { ENTITY_PARTS, pointer } from './pack-components.js';

export type ClashChoice = 'keepMine' | 'takePack';
export type ClashChoices = Record<string, ClashChoice>;

export interface PackClash {
  path: string;
  message: string;
  /** The choice made for it, if any. */
  choice?: ClashChoice;
}

export interface CombineResult {
  document: MetadataDocument;
  clashes: PackClash[];
}

const OWN_PARTS = new Set<string>([...ENTITY_PARTS, 'layouts']);
const ownProperties = (entity: EntityDefinition): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entity).filter(([key]) => !OWN_PARTS.has(key)));

export function combineForInstall(current: MetadataDocument, pack: MetadataDocument, packName: string, choices: ClashChoices = {}): CombineResult {
  const document = structuredClone(current);
  const clashes: PackClash[] = [];
  /** Whether to take the pack's value at `path` where the workspace has a different one. */
  const takePack = (path: string, what: string): boolean => {
    const choice = choices[path];
    clashes.push({
      path,
      message: `The ${packName} pack brings ${what}, which this workspace already has with a different definition: keep yours, or take the pack's.`,
      ...(choice ? { choice } : {}),
    });
    return choice === 'takePack';
  };

  for (const [name, packEntity] of Object.entries(pack.entities ?? {})) {
    const mine = document.entities[name];
    if (!mine) {
      document.entities[name] = structuredClone(packEntity);
      continue;
    }
    // A pack may extend an entity of its dependency with fields only: compare just the properties it sets.
    const packOwn = ownProperties(packEntity);
    const mineOwn = Object.fromEntries(Object.keys(packOwn).map((key) => [key, (mine as unknown as Record<string, unknown>)[key]]));
    if (!deepEqual(mineOwn, packOwn) && takePack(pointer('entities', name), `the entity ${name}`)) {
      document.entities[name] = { ...mine, ...structuredClone(packOwn) } as EntityDefinition;
    }
    const target = document.entities[name]!;
    for (const part of ENTITY_PARTS) {
      for (const [child, value] of Object.entries(packEntity[part] ?? {})) {
        const own = (target[part] ?? {}) as Record<string, unknown>;
        const path = pointer('entities', name, part, child);
        if (!Object.hasOwn(own, child) || (!deepEqual(own[child], value) && takePack(path, `${part.replace(/s$/, '')} ${name}.${child}`))) {
          (target as unknown as Record<string, Record<string, unknown>>)[part] = { ...own, [child]: structuredClone(value) };
        }
      }
    }
    if (packEntity.layouts) {
      const path = pointer('entities', name, 'layouts');
      if (!target.layouts) target.layouts = structuredClone(packEntity.layouts);
      else if (!deepEqual(target.layouts, packEntity.layouts) && takePack(path, `the layouts of ${name}`)) target.layouts = structuredClone(packEntity.layouts);
    }
  }

  for (const kind of ['roles', 'workflows'] as const) {
    for (const [name, value] of Object.entries(pack[kind] ?? {})) {
      const own = (document[kind] ?? {}) as Record<string, unknown>;
      const path = pointer(kind, name);
      if (!Object.hasOwn(own, name) || (!deepEqual(own[name], value) && takePack(path, `the ${kind.replace(/s$/, '')} ${name}`))) {
        (document as unknown as Record<string, Record<string, unknown>>)[kind] = { ...own, [name]: structuredClone(value) };
      }
    }
  }
  addTranslations(document, pack.translations ?? {});
  return { document, clashes };
}

/**
 * The pack's translations where the workspace has none for that locale and label: a customer's own text wins
 * without a clash (a wording is theirs to choose; an upgrade's 3-way merge reports both changing one).
 */
function addTranslations(document: MetadataDocument, translations: Record<string, Record<string, string>>): void {
  for (const [locale, texts] of Object.entries(translations)) {
    const mine = document.translations?.[locale] ?? {};
    // Not where the workspace kept its own version of the component without that label (e.g. its own options).
    const added = Object.fromEntries(Object.entries(texts).filter(([pointer]) => !Object.hasOwn(mine, pointer) && labelAt(document, pointer) !== undefined));
    if (Object.keys(added).length === 0) continue;
    document.translations = { ...document.translations, [locale]: { ...mine, ...added } };
  }
}
