import type { Actor } from '../common/request-context.js';

/**
 * A new record's owner and team when the writer leaves them out: the acting user (a key: the user who
 * created it) and, when that user belongs to exactly one team, that team. Platform work owns nothing.
 */
export function withOwnership(row: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  const owner = row['owner'] === undefined && actor.userId ? actor.userId : undefined;
  const team = row['team'] === undefined && actor.kind !== 'system' && actor.teams.length === 1 ? actor.teams[0] : undefined;
  if (owner === undefined && team === undefined) return row;
  return { ...row, ...(owner !== undefined ? { owner } : {}), ...(team !== undefined ? { team } : {}) };
}

/**
 * The values the runtime's record validator checks: owner and team are system fields it does not know
 * (the SQL compiler checks they are ids, the foreign keys that they exist).
 */
export function withoutOwnership(row: Record<string, unknown>): Record<string, unknown> {
  if (!('owner' in row) && !('team' in row)) return row;
  const { owner: _owner, team: _team, ...rest } = row;
  return rest;
}
