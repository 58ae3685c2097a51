/**
 * Signing in and out, the first administrator, password changes and resets. Answers never tell an
 * unknown email from a wrong password (same error, same time: a dummy hash is verified), and unknown
 * emails lock out like known ones.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_ROLE } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { AUTH_CLOCK, AUTH_CONFIG, type Clock } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { AuthError, invalidCredentials, lockedOut, validationFailed } from './auth-error.js';
import { lockDuration, UnknownEmailLockout } from './lockout.js';
import { hashPassword, verifyDummy, verifyPassword } from './password-hasher.js';
import { passwordProblem } from '@trellis/runtime';
import { PasswordResetsService } from './password-resets.service.js';
import { SecurityLogService } from './security-log.service.js';
import { SessionsService, type ClientInfo } from './sessions.service.js';
import { TeamsService } from './teams.service.js';
import { normalizeEmail, UsersService, type UserRecord } from './users.service.js';

/** The signed-in user as GET /auth/session and sign-in answer it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  roles: string[];
  teams: { id: string; name: string }[];
  attributes: Record<string, unknown>;
}

export interface SignedIn {
  user: SessionUser;
  /** The session token for the cookie. */
  token: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

@Injectable()
export class AuthService {
  private readonly unknownEmails: UnknownEmailLockout;

  constructor(
    private readonly database: DatabaseService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetsService,
    private readonly securityLog: SecurityLogService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {
    this.unknownEmails = new UnknownEmailLockout(config);
  }

  /** True until the first user exists (the studio then shows its first-run page). */
  async firstRun(): Promise<boolean> {
    return !(await this.users.anyUserExists());
  }

  async sessionUser(user: UserRecord): Promise<SessionUser> {
    const teams = await this.teams.getMany(user.teamIds);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      timeZone: user.timeZone,
      roles: user.roles,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      attributes: user.attributes,
    };
  }

  /**
   * Creates the first user, an administrator, when none exists yet (ALREADY_SET_UP otherwise). Serialised
   * by an advisory lock so two concurrent first runs cannot both succeed.
   */
  async createFirstAdmin(input: { email: string; name: string; password: string }, client: ClientInfo = {}): Promise<UserRecord> {
    const { email, name } = checkIdentity(input);
    checkPassword(input.password, email);
    const passwordHash = await hashPassword(input.password);
    const user = await this.database.transaction(async (db) => {
      await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('trellis.first-run', 0))`);
      if (await this.users.anyUserExists(db)) throw new AuthError(409, 'ALREADY_SET_UP', 'Trellis is already set up: sign in instead.');
      const id = await this.users.create({ email, name, passwordHash, roles: [ADMIN_ROLE] }, db);
      return this.users.require(id, db);
    });
    this.securityLog.record({ kind: 'first-run', userId: user.id, email: user.email, ip: client.ip });
    return user;
  }

  async signIn(input: { email: unknown; password: unknown }, client: ClientInfo = {}): Promise<SignedIn> {
    if (typeof input.email !== 'string' || typeof input.password !== 'string') {
      throw new AuthError(400, 'BAD_REQUEST', 'Send { "email": "...", "password": "..." } as JSON.');
    }
    const email = normalizeEmail(input.email);
    const password = input.password;
    const now = this.clock().getTime();
    const credentials = await this.users.credentials(email);
    if (!credentials) {
      const locked = this.unknownEmails.lockedUntil(email, now);
      if (locked) throw lockedOut(secondsUntil(locked, now));
      await verifyDummy(password);
      this.securityLog.record({ kind: 'sign-in-failed', email, ip: client.ip, detail: { reason: 'unknown email' } });
      const lockedNow = this.unknownEmails.fail(email, now);
      if (lockedNow) throw lockedOut(secondsUntil(lockedNow, now));
      throw invalidCredentials();
    }
    const log = { userId: credentials.id, email, ip: client.ip };
    if (credentials.lockedUntil && credentials.lockedUntil.getTime() > now) throw lockedOut(secondsUntil(credentials.lockedUntil.getTime(), now));
    const matches = credentials.passwordHash ? await verifyPassword(credentials.passwordHash, password) : await verifyDummy(password);
    if (!matches) {
      const failures = await this.users.recordFailure(credentials.id);
      this.securityLog.record({ kind: 'sign-in-failed', ...log, detail: { reason: 'wrong password', failuresInARow: failures } });
      const duration = lockDuration(failures, this.config);
      if (duration > 0) {
        const until = now + duration;
        await this.users.lock(credentials.id, new Date(until));
        this.securityLog.record({ kind: 'locked-out', ...log, detail: { until: new Date(until).toISOString(), failuresInARow: failures } });
        throw lockedOut(secondsUntil(until, now));
      }
      throw invalidCredentials();
    }
    if (!credentials.active) throw new AuthError(403, 'USER_INACTIVE', 'This account is deactivated: ask an administrator.');
    await this.users.recordSignIn(credentials.id, new Date(now));
    const token = await this.sessions.create(credentials.id, client);
    this.securityLog.record({ kind: 'sign-in', ...log });
    return { user: await this.sessionUser(await this.users.require(credentials.id)), token };
  }

  /** Starts a session for a user known good (right after first run). */
  async startSession(user: UserRecord, client: ClientInfo = {}): Promise<SignedIn> {
    await this.users.recordSignIn(user.id, this.clock());
    const token = await this.sessions.create(user.id, client);
    this.securityLog.record({ kind: 'sign-in', userId: user.id, email: user.email, ip: client.ip });
    return { user: await this.sessionUser(user), token };
  }

  async signOut(token: string, userId: string | null, client: ClientInfo = {}): Promise<void> {
    await this.sessions.revoke(token);
    if (userId) this.securityLog.record({ kind: 'sign-out', userId, ip: client.ip });
  }

  /** Mails a reset link when the email belongs to an active user; says nothing either way. */
  async requestPasswordReset(emailInput: unknown, origin: string, client: ClientInfo = {}): Promise<void> {
    if (typeof emailInput !== 'string') throw new AuthError(400, 'BAD_REQUEST', 'Send { "email": "..." } as JSON.');
    const email = normalizeEmail(emailInput);
    const credentials = await this.users.credentials(email);
    this.securityLog.record({ kind: 'password-reset-requested', userId: credentials?.id ?? null, email, ip: client.ip });
    if (!credentials || !credentials.active) return;
    const user = await this.users.require(credentials.id);
    await this.resets.send(user, { origin, validForMs: this.config.resetTokenMs });
  }

  /** Sets the password of the token's user and ends all their sessions. */
  async completePasswordReset(input: { token: unknown; password: unknown }, client: ClientInfo = {}): Promise<void> {
    if (typeof input.token !== 'string' || typeof input.password !== 'string') {
      throw new AuthError(400, 'BAD_REQUEST', 'Send { "token": "...", "password": "..." } as JSON.');
    }
    const password = input.password;
    const token = input.token;
    const userId = await this.database.transaction(async (db) => {
      const id = await this.resets.consume(token, db);
      if (!id) throw new AuthError(400, 'INVALID_TOKEN', 'This reset link is invalid, already used or expired: ask for a new one.');
      const user = await this.users.require(id, db);
      checkPassword(password, user.email); // throws: the token stays unused (rolled back)
      await this.users.setPassword(id, await hashPassword(password), db);
      await this.sessions.revokeUser(id, db);
      return id;
    });
    this.sessions.forgetUser(userId);
    this.securityLog.record({ kind: 'password-reset', userId, ip: client.ip });
  }

  async changePassword(userId: string, input: { currentPassword: unknown; newPassword: unknown }, client: ClientInfo = {}): Promise<void> {
    if (typeof input.currentPassword !== 'string' || typeof input.newPassword !== 'string') {
      throw new AuthError(400, 'BAD_REQUEST', 'Send { "currentPassword": "...", "newPassword": "..." } as JSON.');
    }
    const user = await this.users.require(userId);
    const credentials = await this.users.credentials(user.email);
    const matches = credentials?.passwordHash ? await verifyPassword(credentials.passwordHash, input.currentPassword) : await verifyDummy(input.currentPassword);
    if (!matches) throw new AuthError(400, 'VALIDATION_FAILED', 'The current password is wrong.', { fields: [{ field: 'currentPassword', message: 'wrong password' }] });
    checkPassword(input.newPassword, user.email, 'newPassword');
    await this.users.setPassword(userId, await hashPassword(input.newPassword));
    this.securityLog.record({ kind: 'password-changed', userId, ip: client.ip });
  }
}

/** Email and name of a new user, or VALIDATION_FAILED naming the field. */
export function checkIdentity(input: { email: unknown; name: unknown }): { email: string; name: string } {
  if (typeof input.email !== 'string' || !EMAIL.test(input.email.trim()) || input.email.length > 320) {
    throw validationFailed('email', 'Enter a valid email address.');
  }
  if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > 200) {
    throw validationFailed('name', 'Enter a name (at most 200 characters).');
  }
  return { email: normalizeEmail(input.email), name: input.name.trim() };
}

/** VALIDATION_FAILED with the policy's sentence when the password is too weak. */
export function checkPassword(password: unknown, email: string, field = 'password'): void {
  if (typeof password !== 'string') throw validationFailed(field, 'Enter a password.');
  const problem = passwordProblem(password, email);
  if (problem) throw validationFailed(field, problem);
}

const secondsUntil = (until: number, now: number): number => Math.max(1, Math.ceil((until - now) / 1000));
