/**
 * The people steps hand work to: active users by id, by role (of the workspace) and by team (by name).
 * Read on the step's client, so they are as of the step's transaction.
 */
import type { Queryable } from '../../records/record.service.js';
import { isUuid } from '../../records/compile-filter.js';

export interface StepUser {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

const COLUMNS = `u.id::text AS id, u.name, u.email, u.time_zone AS "timeZone"`;

/** The active users among `ids` (unknown, inactive and non-uuid ids are left out). */
export async function activeUsers(client: Queryable, ids: readonly string[]): Promise<Map<string, StepUser>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const { rows } = await client.query(`SELECT ${COLUMNS} FROM "trellis"."user" u WHERE u.id = ANY($1::uuid[]) AND u.active`, [valid]);
  return new Map((rows as StepUser[]).map((u) => [u.id, u]));
}

/** Active users holding any of `roles` in the workspace, ordered by id. */
export async function activeUsersWithRoles(client: Queryable, workspace: string, roles: readonly string[]): Promise<StepUser[]> {
  if (roles.length === 0) return [];
  const { rows } = await client.query(
    `SELECT ${COLUMNS} FROM "trellis"."user" u
      WHERE u.active AND EXISTS (SELECT 1 FROM "trellis"."user_role" r WHERE r.user_id = u.id AND r.workspace = $1 AND r.role = ANY($2::text[]))
      ORDER BY u.id`,
    [workspace, [...roles]],
  );
  return rows as StepUser[];
}

/** Active members of the teams named `teams` (ordered by id), and the names that are no team. */
export async function activeTeamMembers(client: Queryable, teams: readonly string[]): Promise<{ users: StepUser[]; unknownTeams: string[] }> {
  if (teams.length === 0) return { users: [], unknownTeams: [] };
  const known = await client.query(`SELECT name FROM "trellis"."team" WHERE name = ANY($1::text[])`, [[...teams]]);
  const names = new Set(known.rows.map((r) => r.name as string));
  const { rows } = await client.query(
    `SELECT DISTINCT ${COLUMNS} FROM "trellis"."user" u
       JOIN "trellis"."team_member" m ON m.user_id = u.id JOIN "trellis"."team" t ON t.id = m.team_id
      WHERE u.active AND t.name = ANY($1::text[]) ORDER BY id`,
    [[...teams]],
  );
  return { users: rows as StepUser[], unknownTeams: teams.filter((t) => !names.has(t)) };
}

/** Ids from an expression's value: one id, a list of ids, or null/empty for none. */
export function idList(value: unknown): unknown[] {
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value.flat() : [value];
}
