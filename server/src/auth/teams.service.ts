/** Teams (trellis.team) and their members: the `team` of records, and `user.teams` in rules. */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { apiError } from '../common/errors.js';
import { DatabaseService } from '../database/database.service.js';
import { isUuid } from './users.service.js';

export interface TeamRecord {
  id: string;
  name: string;
  managerId: string | null;
  memberIds: string[];
}

export interface TeamWrite {
  name: string;
  managerId?: string | null;
  memberIds?: string[] | null;
}

const TEAM_COLUMNS = `t.id::text, t.name, t.manager_id::text,
  ARRAY(SELECT m.user_id::text FROM trellis.team_member m WHERE m.team_id = t.id ORDER BY m.user_id) AS member_ids`;

const teamFromRow = (r: Record<string, any>): TeamRecord => ({ id: r['id'], name: r['name'], managerId: r['manager_id'], memberIds: r['member_ids'] });

@Injectable()
export class TeamsService {
  constructor(private readonly database: DatabaseService) {}

  async list(): Promise<TeamRecord[]> {
    const { rows } = await this.database.pool.query(`SELECT ${TEAM_COLUMNS} FROM trellis.team t ORDER BY lower(t.name)`);
    return rows.map(teamFromRow);
  }

  async getMany(ids: readonly string[]): Promise<TeamRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const { rows } = await this.database.pool.query(`SELECT ${TEAM_COLUMNS} FROM trellis.team t WHERE t.id = ANY($1::uuid[]) ORDER BY lower(t.name)`, [valid]);
    return rows.map(teamFromRow);
  }

  async require(id: string, db: pg.Pool | pg.PoolClient = this.database.pool): Promise<TeamRecord> {
    const { rows } = isUuid(id) ? await db.query(`SELECT ${TEAM_COLUMNS} FROM trellis.team t WHERE t.id = $1`, [id]) : { rows: [] };
    if (!rows[0]) throw apiError('NOT_FOUND', `No team with id ${id}.`);
    return teamFromRow(rows[0]);
  }

  create(input: TeamWrite): Promise<TeamRecord> {
    return this.database.transaction(async (client) => {
      const name = teamName(input.name);
      const { rows } = await guardName(name, () =>
        client.query(`INSERT INTO trellis.team (name, manager_id) VALUES ($1, $2) RETURNING id::text`, [name, input.managerId ?? null]),
      );
      await this.setMembers(rows[0].id, input.memberIds ?? [], client);
      return this.require(rows[0].id, client);
    });
  }

  update(id: string, input: TeamWrite): Promise<TeamRecord> {
    return this.database.transaction(async (client) => {
      await this.require(id, client);
      const name = teamName(input.name);
      await guardName(name, () => client.query(`UPDATE trellis.team SET name = $2, manager_id = $3 WHERE id = $1`, [id, name, input.managerId ?? null]));
      if (input.memberIds) await this.setMembers(id, input.memberIds, client);
      return this.require(id, client);
    });
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.database.pool.query(`DELETE FROM trellis.team WHERE id = $1`, [id]);
    return rowCount === 1;
  }

  private async setMembers(teamId: string, memberIds: string[], client: pg.PoolClient): Promise<void> {
    const members = [...new Set(memberIds)];
    await client.query(`DELETE FROM trellis.team_member WHERE team_id = $1`, [teamId]);
    const { rowCount } = await client.query(
      `INSERT INTO trellis.team_member (team_id, user_id) SELECT $1, u.id FROM trellis."user" u WHERE u.id = ANY($2::uuid[])`,
      [teamId, members.filter(isUuid)],
    );
    if (rowCount !== members.length) throw apiError('BAD_USER_INPUT', `Unknown user id among the members ${members.join(', ')}.`);
  }
}

function teamName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw apiError('BAD_USER_INPUT', 'A team needs a name.');
  return trimmed;
}

async function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') throw apiError('BAD_USER_INPUT', `A team named "${name}" already exists.`);
    if (code === '23503') throw apiError('BAD_USER_INPUT', 'The manager is not a known user.');
    throw error;
  }
}
