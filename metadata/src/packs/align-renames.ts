/**
 * Brings the three versions to the same names before they are compared: every entity and field renamed by one
 * side (or both) is renamed in the other versions too — its key and every reference to it — to the name chosen
 * by rename-names.ts. A pack rename of a field the customer edited so merges onto the new name, and the
 * customer's own rules, layouts and workflows follow the pack's renames.
 */
import { isRecord, pointer } from '../problems.js';
import type { MetadataDocument } from '../types.js';
import { childPath, own, type MergeContext } from './merge-context.js';
import type { MergeInputs } from './merge-types.js';
import { renameEntity, renameField } from './rename-component.js';
import { chooseNames, renameGroups, SIDES, type NamedMaps, type RenameGroup, type Side } from './rename-names.js';

type Rename = (doc: MetadataDocument, from: string, to: string) => MetadataDocument;

/** Renames in two steps through temporary names, so that swaps and chains never meet an occupied name. */
function applyRenames(doc: MetadataDocument, renames: [string, string][], rename: Rename): MetadataDocument {
  const temporary = (i: number) => `__trellisMerge${i}`;
  let next = doc;
  renames.forEach(([from], i) => (next = rename(next, from, temporary(i))));
  renames.forEach(([, to], i) => (next = rename(next, temporary(i), to)));
  return next;
}

function alignLevel(ctx: MergeContext, docs: MergeInputs, maps: NamedMaps, pathOf: (name: string) => string, rename: Rename): MergeInputs {
  const groups = renameGroups(maps);
  if (groups.length === 0) return docs;
  const names = chooseNames(ctx, groups, maps, pathOf);
  const renamesIn = (side: Side): [string, string][] =>
    groups
      .map((g: RenameGroup): [string | undefined, string | undefined] => [g[side], names.get(g)])
      .filter((r): r is [string, string] => r[0] !== undefined && r[1] !== undefined && r[0] !== r[1]);
  const aligned = { ...docs };
  for (const side of SIDES) aligned[side] = applyRenames(docs[side], renamesIn(side), rename);
  return aligned;
}

const entitiesOf = (doc: MetadataDocument): Record<string, { renamedFrom?: string }> => (isRecord(doc.entities) ? doc.entities : {});

const fieldsOf = (doc: MetadataDocument, entity: string): Record<string, { renamedFrom?: string }> => {
  const def = own(entitiesOf(doc), entity);
  return isRecord(def) && isRecord(def.fields) ? (def.fields as Record<string, { renamedFrom?: string }>) : {};
};

export function alignRenames(ctx: MergeContext, inputs: MergeInputs): MergeInputs {
  const entityMaps = { base: entitiesOf(inputs.base), theirs: entitiesOf(inputs.theirs), ours: entitiesOf(inputs.ours) };
  let docs = alignLevel(ctx, inputs, entityMaps, (name) => pointer('entities', name), renameEntity);
  const entities = new Set(SIDES.flatMap((side) => Object.keys(entitiesOf(docs[side]))));
  for (const entity of entities) {
    const maps = { base: fieldsOf(docs.base, entity), theirs: fieldsOf(docs.theirs, entity), ours: fieldsOf(docs.ours, entity) };
    const fieldsPath = childPath(ctx, pointer('entities'), entity) + pointer('fields');
    docs = alignLevel(ctx, docs, maps, (name) => fieldsPath + pointer(name), (doc, from, to) => renameField(doc, entity, from, to));
  }
  return docs;
}
