/**
 * Which name each renamed component gets in the merge. A group is one component of the installed pack (`base`
 * name) with its name in the new pack and in the workspace, matched through `renamedFrom` as `diffDocuments`
 * does. Renamed by one side → that name; by both alike → it; by both differently → a `renamedByBoth` conflict
 * (the workspace's name until decided). A pack rename to a name the workspace already uses elsewhere is a
 * `renameClash` (the workspace's name kept). A group that cannot be given one name in all three versions
 * without a clash is left as it is; the merge then compares its versions under their own names.
 */
import { matchNames } from '../diff.js';
import { conflictAt, recordChange, type MergeContext } from './merge-context.js';
import { MergeResolutionError } from './merge-resolution-error.js';

export interface RenameGroup {
  base: string;
  theirs?: string;
  ours?: string;
}

export type Side = 'base' | 'theirs' | 'ours';
export const SIDES: readonly Side[] = ['base', 'theirs', 'ours'];
export type NamedMaps = Record<Side, Record<string, { renamedFrom?: string }>>;

const nameIn = (group: RenameGroup, side: Side): string | undefined => group[side];

/** The groups of `maps.base` that a side renamed. */
export function renameGroups(maps: NamedMaps): RenameGroup[] {
  const fromBase = (side: Record<string, { renamedFrom?: string }>) =>
    new Map([...matchNames(maps.base, side)].map(([name, match]) => [match.from, name]));
  const [theirs, ours] = [fromBase(maps.theirs), fromBase(maps.ours)];
  return Object.keys(maps.base)
    .map((base) => ({ base, theirs: theirs.get(base), ours: ours.get(base) }))
    .filter((g) => (g.theirs !== undefined && g.theirs !== g.base) || (g.ours !== undefined && g.ours !== g.base));
}

const bothRenamed = ({ base, theirs, ours }: RenameGroup): boolean =>
  theirs !== undefined && ours !== undefined && theirs !== base && ours !== base && theirs !== ours;

function initialName({ base, theirs, ours }: RenameGroup): string {
  if (theirs === undefined || ours === undefined) return (theirs ?? ours)!;
  return theirs === base ? ours : ours === base ? theirs : bothRenamed({ base, theirs, ours }) ? ours : theirs;
}

/** Groups whose chosen name would collide with another component in one of the versions. */
function collisions(groups: RenameGroup[], names: Map<RenameGroup, string | undefined>, maps: NamedMaps): Set<RenameGroup> {
  const found = new Set<RenameGroup>();
  for (const side of SIDES) {
    const owner = new Map(groups.filter((g) => nameIn(g, side) !== undefined).map((g) => [nameIn(g, side)!, g]));
    const finals = new Map<string, RenameGroup | undefined>();
    for (const key of Object.keys(maps[side])) {
      const group = owner.get(key);
      const final = (group && names.get(group)) ?? key;
      if (finals.has(final)) [finals.get(final), group].forEach((g) => g && found.add(g));
      finals.set(final, group);
    }
  }
  return found;
}

/**
 * The merged name of each group (undefined: left as it is), recording rename conflicts at `pathOf(name)` and
 * the pack's applied renames. With decisions, a decided name must be free.
 */
export function chooseNames(ctx: MergeContext, groups: RenameGroup[], maps: NamedMaps, pathOf: (name: string) => string): Map<RenameGroup, string | undefined> {
  const names = new Map<RenameGroup, string | undefined>(groups.map((g) => [g, initialName(g)]));
  const clashed = new Set<RenameGroup>();
  const decidedAt = new Map<RenameGroup, string>();
  for (let found = collisions(groups, names, maps); found.size > 0; found = collisions(groups, names, maps)) {
    for (const g of found) {
      const fallback = g.ours ?? g.base;
      if (names.get(g) !== undefined && names.get(g) !== fallback) {
        names.set(g, fallback);
        if (g.ours !== undefined) clashed.add(g);
      } else {
        names.set(g, undefined);
        clashed.delete(g);
      }
    }
  }
  for (const g of groups) {
    const name = names.get(g);
    if (name === undefined) continue;
    if (clashed.has(g) || bothRenamed(g)) {
      const decided = conflictAt(ctx, pathOf(name), clashed.has(g) ? 'renameClash' : 'renamedByBoth', g.base, g.theirs, g.ours);
      if (decided !== name) decidedAt.set(g, decide(ctx, g, names, decided, pathOf(name), pathOf));
    } else if (g.theirs !== undefined && g.theirs !== g.base && g.ours !== undefined) {
      recordChange(ctx, pathOf(name), 'renamed', g.ours === g.theirs ? 'alreadyApplied' : 'applied', g.base, g.theirs);
    }
  }
  const taken = [...collisions(groups, names, maps)].filter((g) => decidedAt.has(g));
  if (taken.length > 0) {
    const what = taken.map((g) => `"${names.get(g)}" (decided for ${decidedAt.get(g)})`).join(', ');
    throw new MergeResolutionError('NAME_TAKEN', taken.map((g) => decidedAt.get(g)!), `Already used by another component: ${what}. Choose another name.`);
  }
  return names;
}

function decide(ctx: MergeContext, group: RenameGroup, names: Map<RenameGroup, string | undefined>, decided: unknown, path: string, pathOf: (name: string) => string): string {
  if (typeof decided !== 'string' || decided === '') {
    throw new MergeResolutionError('INVALID_DECISION', [path], `The decision for ${path} must be a name (a non-empty string).`);
  }
  names.set(group, decided);
  ctx.aliases.set(pathOf(decided), path);
  return path;
}
