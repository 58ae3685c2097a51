/**
 * `upgradeSides`: the three sides of an upgrade's 3-way merge when the new version brings dependencies that are
 * not installed yet. The workspace (ours) gets them as an install adds them (clashes reported, settled by the
 * choices); base and theirs get them too, so the merge sees only the pack's own changes, and a new version that
 * extends a dependency's entity (a field on it) merges as a change to that entity. Pure.
 */
import type { MetadataDocument } from '@trellis/metadata';
import type { LoadedPack } from '@trellis/plugin-sdk';
import { combineForInstall, type ClashChoices, type PackClash } from './combine-for-install.js';
import { packError } from './pack-errors.js';

export interface UpgradeSides {
  base: MetadataDocument;
  theirs: MetadataDocument;
  ours: MetadataDocument;
  /** Clashes of the dependencies with the workspace, with the choice made for each (if any). */
  clashes: PackClash[];
}

export function upgradeSides(
  { current, base, theirs }: { current: MetadataDocument; base: MetadataDocument; theirs: MetadataDocument },
  dependencies: LoadedPack[],
  choices: ClashChoices,
): UpgradeSides {
  let ours = current;
  const clashes: PackClash[] = [];
  let dependencyDocument: MetadataDocument = { entities: {} };
  for (const dependency of dependencies) {
    const combined = combineForInstall(ours, dependency.document, dependency.manifest.name, choices);
    ours = combined.document;
    clashes.push(...combined.clashes);
    dependencyDocument = combineForInstall(dependencyDocument, dependency.document, dependency.manifest.name).document;
  }
  const unknown = Object.keys(choices).filter((path) => !clashes.some((c) => c.path === path));
  if (unknown.length > 0) throw packError('BAD_USER_INPUT', `There is no clash at ${unknown.join(', ')}; choose only for the clashes the preview lists.`);
  if (dependencies.length === 0) return { ours, base, theirs, clashes };
  return {
    ours,
    base: overlay(dependencyDocument, base),
    theirs: overlay(dependencyDocument, theirs),
    clashes,
  };
}

/** `over` added to `under`, `over` winning wherever both define a component. */
function overlay(under: MetadataDocument, over: MetadataDocument): MetadataDocument {
  const { clashes } = combineForInstall(under, over, 'pack');
  return combineForInstall(under, over, 'pack', Object.fromEntries(clashes.map((c) => [c.path, 'takePack' as const]))).document;
}

