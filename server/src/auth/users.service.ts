/**
 * Users of the platform (trellis.user) with their role assignments (user_role, workspace 'main') and
 * team memberships. Emails are stored lower-cased. Passwords only as argon2id hashes.
 */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { apiError } from '../common/errors.js';
import { DEFAULT_WORKSPACE, type Actor } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  active: boolean;
  attributes: Record<string, unknown>;
  roles: string[];
  teamIds: string[];
  lastSignInAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** What sign-in needs to know about an email. */
export interface UserCredentials {
  id: string;
  email: string;
  active: boolean;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
}

export interface UserWrite {
  name?: string;
  locale?: string;
  timeZone?: string;
  attributes?: Record<string, unknown>;
  active?: boolean;
  roles?: string[];
  teamIds?: string[];
}

type Db = pg.Pool | pg.PoolClient;

/** Columns of a UserRecord, for `FROM trellis."user" u` (roles and teams as sorted text arrays). */
export const USER_COLUMNS = `u.id::text, u.email, u.name, u.locale, u.time_zone, u.active, u.attributes, u.last_sign_in_at, u.locked_until, u.created_at,
  ARRAY(SELECT r.role FROM trellis.user_role r WHERE r.user_id = u.id AND r.workspace = '${DEFAULT_WORKSPACE}' ORDER BY r.role) AS roles,
  ARRAY(SELECT m.team_id::text FROM trellis.team_member m WHERE m.user_id = u.id ORDER BY m.team_id) AS team_ids`;

export function userFromRow(r: Record<string, any>): UserRecord {
  return {
    id: r['id'],
    email: r['email'],
    name: r['name'],
    locale: r['locale'],
    timeZone: r['time_zone'],
    active: r['active'],
    attributes: r['attributes'] ?? {},
    roles: r['roles'] ?? [],
    teamIds: r['team_ids'] ?? [],
    lastSignInAt: r['last_sign_in_at'],
    lockedUntil: r['locked_until'],
    createdAt: r['created_at'],
  };
}

/** The actor a signed-in user acts as. */
export function actorOfUser(user: Pick<UserRecord, 'id' | 'email' | 'name' | 'locale' | 'timeZone' | 'attributes' | 'roles' | 'teamIds'>): Actor {
  return {
    kind: 'user',
    id: user.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    teams: user.teamIds,
    attributes: user.attributes,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

@Injectable()
export class UsersService {
  constructor(private readonly database: DatabaseService) {}

  async anyUserExists(db: Db = this.database.pool): Promise<boolean> {
    const { rows } = await db.query(`SELECT EXISTS (SELECT 1 FROM trellis."user") AS any`);
    return rows[0].any as boolean;
  }

  async list(includeInactive = false): Promise<UserRecord[]> {
    const { rows } = await this.database.pool.query(
      `SELECT ${USER_COLUMNS} FROM trellis."user" u WHERE $1 OR u.active ORDER BY lower(u.name), u.email`,
      [includeInactive],
    );
    return rows.map(userFromRow);
  }

  async get(id: string, db: Db = this.database.pool): Promise<UserRecord | null> {
    if (!isUuid(id)) return null;
    const { rows } = await db.query(`SELECT ${USER_COLUMNS} FROM trellis."user" u WHERE u.id = $1`, [id]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async getMany(ids: readonly string[]): Promise<UserRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const { rows } = await this.database.pool.query(`SELECT ${USER_COLUMNS} FROM trellis."user" u WHERE u.id = ANY($1::uuid[])`, [valid]);
    return rows.map(userFromRow);
  }

  async require(id: string, db: Db = this.database.pool): Promise<UserRecord> {
    const user = await this.get(id, db);
    if (!user) throw apiError('NOT_FOUND', `No user with id ${id}.`);
    return user;
  }

  async credentials(email: string): Promise<UserCredentials | null> {
    const { rows } = await this.database.pool.query(
      `SELECT id::text, email, active, password_hash, failed_sign_ins, locked_until FROM trellis."user" WHERE email = $1`,
      [normalizeEmail(email)],
    );
    const r = rows[0];
    return r ? { id: r.id, email: r.email, active: r.active, passwordHash: r.password_hash, failedSignIns: r.failed_sign_ins, lockedUntil: r.locked_until } : null;
  }

  /** Inserts a user with its roles and teams; BAD_USER_INPUT when the email is taken. */
  async create(input: UserWrite & { email: string; name: string; passwordHash?: string | null }, db: Db): Promise<string> {
    let id: string;
    try {
      const { rows } = await db.query(
        `INSERT INTO trellis."user" (email, name, locale, time_zone, attributes, active, password_hash)
         VALUES ($1, $2, COALESCE($3, 'en-US'), COALESCE($4, 'UTC'), COALESCE($5::jsonb, '{}'), COALESCE($6, true), $7) RETURNING id::text`,
        [normalizeEmail(input.email), input.name, input.locale ?? null, input.timeZone ?? null, jsonOrNull(input.attributes), input.active ?? null, input.passwordHash ?? null],
      );
      id = rows[0].id;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw apiError('BAD_USER_INPUT', `A user with the email ${normalizeEmail(input.email)} already exists.`, { fieldErrors: [{ field: 'email', message: 'already in use' }] });
      }
      throw error;
    }
    await this.replaceRolesAndTeams(id, input, db);
    return id;
  }

  async update(id: string, input: UserWrite, db: Db): Promise<void> {
    await db.query(
      `UPDATE trellis."user" SET name = COALESCE($2, name), locale = COALESCE($3, locale), time_zone = COALESCE($4, time_zone),
              attributes = COALESCE($5::jsonb, attributes), active = COALESCE($6, active), updated_at = now()
        WHERE id = $1`,
      [id, input.name ?? null, input.locale ?? null, input.timeZone ?? null, jsonOrNull(input.attributes), input.active ?? null],
    );
    await this.replaceRolesAndTeams(id, input, db);
  }

  async setPassword(id: string, passwordHash: string, db: Db = this.database.pool): Promise<void> {
    await db.query(`UPDATE trellis."user" SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  /** Counts a failed sign-in; returns the count in a row (atomic: concurrent failures each count). */
  async recordFailure(id: string): Promise<number> {
    const { rows } = await this.database.pool.query(`UPDATE trellis."user" SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins`, [id]);
    return rows[0]?.failed_sign_ins ?? 0;
  }

  /** Locks until `until` (never shortening a longer lock a concurrent failure set). */
  async lock(id: string, until: Date): Promise<void> {
    await this.database.pool.query(`UPDATE trellis."user" SET locked_until = GREATEST(COALESCE(locked_until, $2), $2) WHERE id = $1`, [id, until]);
  }

  async recordSignIn(id: string, at: Date): Promise<void> {
    await this.database.pool.query(`UPDATE trellis."user" SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $2 WHERE id = $1`, [id, at]);
  }

  async unlock(id: string): Promise<void> {
    await this.database.pool.query(`UPDATE trellis."user" SET failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`, [id]);
  }

  private async replaceRolesAndTeams(id: string, input: UserWrite, db: Db): Promise<void> {
    if (input.roles) {
      await db.query(`DELETE FROM trellis.user_role WHERE user_id = $1 AND workspace = $2`, [id, DEFAULT_WORKSPACE]);
      await db.query(`INSERT INTO trellis.user_role (user_id, workspace, role) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`, [id, DEFAULT_WORKSPACE, input.roles]);
    }
    if (input.teamIds) {
      await db.query(`DELETE FROM trellis.team_member WHERE user_id = $1`, [id]);
      const teams = [...new Set(input.teamIds)];
      const { rowCount } = await db.query(`INSERT INTO trellis.team_member (team_id, user_id) SELECT t.id, $1 FROM trellis.team t WHERE t.id = ANY($2::uuid[])`, [
        id,
        teams.filter(isUuid),
      ]);
      if (rowCount !== teams.length) throw apiError('BAD_USER_INPUT', `Unknown team id among ${teams.join(', ')}.`);
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const jsonOrNull = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
