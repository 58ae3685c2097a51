/**
 * What user managers do to users: create (with a password, or an invitation in the outbox), update
 * (profile, roles, teams, attributes, deactivation — which signs the user out everywhere at once), unlock.
 * Capability checks happen in the resolver; this checks the values and keeps one active admin.
 */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { apiError } from '../common/errors.js';
import { ADMIN_ROLE, DEFAULT_WORKSPACE, actorLabel, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthError } from './auth-error.js';
import { checkIdentity, checkPassword } from './auth.service.js';
import { checkRoleNames } from './capabilities.js';
import type { CreateUserInput, UpdateUserInput } from './identity.types.js';
import { hashPassword } from './password-hasher.js';
import { INVITATION_VALIDITY_MS, PasswordResetsService } from './password-resets.service.js';
import { SecurityLogService } from './security-log.service.js';
import { SessionsService } from './sessions.service.js';
import { UsersService, type UserRecord, type UserWrite } from './users.service.js';

@Injectable()
export class UserAdminService {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly resets: PasswordResetsService,
    private readonly securityLog: SecurityLogService,
  ) {}

  async create(ctx: RequestContext, input: CreateUserInput, request: { origin: string; ip: string | null }): Promise<UserRecord> {
    const { email, name } = asGraphQL(() => checkIdentity(input));
    const profile = profileOf(input);
    const roles = input.roles ?? [];
    await checkRoleNames(this.store, ctx, roles);
    let passwordHash: string | null = null;
    if (input.password !== undefined && input.password !== null) {
      asGraphQL(() => checkPassword(input.password, email));
      passwordHash = await hashPassword(input.password);
    }
    const user = await this.database.transaction(async (db) => {
      const id = await this.users.create({ ...profile, email, name, roles, teamIds: input.teamIds ?? [], passwordHash }, db);
      const created = await this.users.require(id, db);
      if (!passwordHash) await this.resets.send(created, { origin: request.origin, validForMs: INVITATION_VALIDITY_MS, invitation: true }, db);
      return created;
    });
    this.securityLog.record({ kind: 'user-created', userId: user.id, email: user.email, ip: request.ip, detail: { by: actorLabel(ctx.actor), roles, invited: !passwordHash } });
    return user;
  }

  async update(ctx: RequestContext, id: string, input: UpdateUserInput, request: { ip: string | null }): Promise<UserRecord> {
    const previous = await this.users.require(id);
    if (previous.roles.includes(ADMIN_ROLE) && !ctx.actor.roles.includes(ADMIN_ROLE)) {
      throw apiError('FORBIDDEN', `Only administrators may change an administrator (${previous.email}).`, { capability: ADMIN_ROLE });
    }
    if (input.name !== undefined && input.name !== null) asGraphQL(() => checkIdentity({ email: previous.email, name: input.name }));
    const write: UserWrite = { ...profileOf(input), name: input.name?.trim() ?? undefined, active: input.active ?? undefined };
    if (input.roles) {
      await checkRoleNames(this.store, ctx, input.roles, previous.roles);
      write.roles = input.roles;
    }
    if (input.teamIds) write.teamIds = input.teamIds;
    const deactivating = previous.active && input.active === false;
    const user = await this.database.transaction(async (db) => {
      await this.users.update(id, write, db);
      await assertAnActiveAdmin(db);
      if (deactivating) await this.sessions.revokeUser(id, db);
      return this.users.require(id, db);
    });
    this.sessions.forgetUser(id);
    if (deactivating) this.apiKeys.forgetCreator(id);
    const by = actorLabel(ctx.actor);
    this.securityLog.record({ kind: 'user-updated', userId: id, email: user.email, ip: request.ip, detail: { by, changed: Object.keys(input).sort() } });
    if (deactivating) this.securityLog.record({ kind: 'user-deactivated', userId: id, email: user.email, ip: request.ip, detail: { by } });
    if (input.roles && !sameSet(previous.roles, user.roles)) {
      this.securityLog.record({ kind: 'roles-changed', userId: id, email: user.email, ip: request.ip, detail: { by, from: previous.roles, to: user.roles } });
    }
    return user;
  }

  async unlock(ctx: RequestContext, id: string, request: { ip: string | null }): Promise<UserRecord> {
    await this.users.require(id);
    await this.users.unlock(id);
    const user = await this.users.require(id);
    this.securityLog.record({ kind: 'user-updated', userId: id, email: user.email, ip: request.ip, detail: { by: actorLabel(ctx.actor), unlocked: true } });
    return user;
  }
}

/** Deactivating or demoting the last active administrator would lock everyone out of user management. */
async function assertAnActiveAdmin(db: pg.PoolClient): Promise<void> {
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM trellis.user_role r JOIN trellis."user" u ON u.id = r.user_id WHERE r.role = $1 AND r.workspace = $2 AND u.active) AS ok`,
    [ADMIN_ROLE, DEFAULT_WORKSPACE],
  );
  if (!rows[0].ok) throw apiError('BAD_USER_INPUT', 'At least one active user must keep the admin role.');
}

function profileOf(input: { locale?: string | null; timeZone?: string | null; attributes?: unknown }): UserWrite {
  const profile: UserWrite = {};
  if (input.locale) {
    try {
      profile.locale = Intl.getCanonicalLocales(input.locale)[0]!;
    } catch {
      throw apiError('BAD_USER_INPUT', `Unknown locale "${input.locale}": use a BCP 47 tag such as en-US or de-DE.`, { field: 'locale' });
    }
  }
  if (input.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
      profile.timeZone = input.timeZone;
    } catch {
      throw apiError('BAD_USER_INPUT', `Unknown time zone "${input.timeZone}": use an IANA name such as Europe/Berlin.`, { field: 'timeZone' });
    }
  }
  if (input.attributes !== undefined && input.attributes !== null) {
    if (typeof input.attributes !== 'object' || Array.isArray(input.attributes)) {
      throw apiError('BAD_USER_INPUT', 'attributes must be a JSON object of key/values, e.g. { "region": "EMEA" }.', { field: 'attributes' });
    }
    profile.attributes = input.attributes as Record<string, unknown>;
  }
  return profile;
}

/** Runs a check written for /auth (AuthError) and rethrows its problem as a GraphQL error. */
function asGraphQL<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AuthError) throw apiError('VALIDATION_FAILED', error.message, { fieldErrors: error.extra.fields ?? [] });
    throw error;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
