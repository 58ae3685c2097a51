/**
 * The plan preview's sentences for a changed role, one per thing that changed: "Role Sales rep: opportunity read
 * scope changed", "Role Sales rep: field opportunity.amount now read-only". Both roles must name entities and
 * fields alike: the plan first rewrites the earlier role to the new names (see plan-roles.ts).
 */
import { deepEqual } from '../diff.js';
import { isRecord } from '../problems.js';
import type { EntityPermission, RoleDefinition } from '../types.js';

const labelOf = (name: string, role: RoleDefinition | undefined): string =>
  isRecord(role) && typeof role.label === 'string' && role.label !== '' ? role.label : name;

const scopeWords = (scope: unknown): string => (scope === true ? 'every record' : isRecord(scope) ? 'a condition' : 'no record');
const LEVEL_WORDS: Record<string, string> = { hidden: 'hidden', readOnly: 'read-only' };

function permissionChanges(entity: string, a: EntityPermission, b: EntityPermission): string[] {
  const out: string[] = [];
  for (const op of ['read', 'update', 'delete'] as const) {
    if (deepEqual(a[op], b[op])) continue;
    const both = isRecord(a[op]) && isRecord(b[op]);
    out.push(both ? `${entity} ${op} scope changed` : `${entity} ${op} scope changed from ${scopeWords(a[op])} to ${scopeWords(b[op])}`);
  }
  for (const flag of ['create', 'transfer'] as const) {
    if ((a[flag] === true) !== (b[flag] === true)) out.push(`${entity} ${flag} ${b[flag] === true ? 'granted' : 'withdrawn'}`);
  }
  const before = a.fields ?? {};
  const after = b.fields ?? {};
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const level = after[field];
    if (before[field] !== level) out.push(`field ${entity}.${field} now ${level === undefined ? 'editable' : (LEVEL_WORDS[level] ?? level)}`);
  }
  return out;
}

/** Sentences for role `name` changing from `from` to `to` (either undefined: added or removed). */
export function describeRoleChanges(name: string, from: RoleDefinition | undefined, to: RoleDefinition | undefined): string[] {
  const who = `Role ${labelOf(name, to ?? from)} (${name})`;
  if (from === undefined) return [`Add role ${labelOf(name, to)} (${name})`];
  if (to === undefined) return [`Remove role ${labelOf(name, from)} (${name}): users and API keys holding it lose what it gave them`];
  const out: string[] = [];
  for (const property of ['label', 'description'] as const) {
    if (from[property] !== to[property]) out.push(`${property} changed from ${JSON.stringify(from[property] ?? '')} to ${JSON.stringify(to[property] ?? '')}`);
  }
  for (const capability of ['manageMetadata', 'manageUsers'] as const) {
    if ((from[capability] === true) !== (to[capability] === true)) out.push(`${capability} ${to[capability] === true ? 'granted' : 'withdrawn'}`);
  }
  const a = from.entities ?? {};
  const b = to.entities ?? {};
  for (const entity of Object.keys(b).sort()) {
    if (Object.hasOwn(a, entity)) out.push(...permissionChanges(entity, a[entity]!, b[entity]!));
    else out.push(`permissions on ${entity} added`);
  }
  for (const entity of Object.keys(a).sort()) if (!Object.hasOwn(b, entity)) out.push(`permissions on ${entity} removed`);
  return out.map((change) => `${who}: ${change}`);
}
