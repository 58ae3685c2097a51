/**
 * Identity in the /metadata API: me, the user and team directory (open to every signed-in user, managers'
 * fields redacted for others), and — with the manageUsers capability — user, team and API key management,
 * the security log and the mail outbox.
 */
import { Inject, UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { apiError } from '../common/errors.js';
import { ADMIN_ROLE } from '../common/request-context.js';
import { MetadataErrorFilter } from '../metadata-store/metadata-error.filter.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { ApiKeysService, type ApiKeyRecord } from './api-keys.service.js';
import { AUTH_CONFIG } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { checkRoleNames, requireCapability, type Capability } from './capabilities.js';
import { IdentityRequest, type GqlContext } from './identity-context.js';
import {
  ApiKey,
  CreateApiKeyInput,
  CreatedApiKey,
  CreateUserInput,
  Me,
  OutboxMail,
  SecurityEvent,
  Team,
  TeamInput,
  UpdateUserInput,
  User,
} from './identity.types.js';
import { clientIp, linkOrigin } from './http-request-info.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { SecurityLogService } from './security-log.service.js';
import { SessionsService } from './sessions.service.js';
import { TeamsService, type TeamRecord } from './teams.service.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersService, type UserRecord } from './users.service.js';

/** A user as a caller may see it: managers' fields only for those who may manage users. */
function userView(user: UserRecord, manager: boolean): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    active: user.active,
    roles: manager ? user.roles : null,
    attributes: manager ? user.attributes : null,
    lastSignInAt: manager ? user.lastSignInAt : null,
    lockedUntil: manager ? user.lockedUntil : null,
    createdAt: user.createdAt,
    teamIds: user.teamIds,
  };
}

const teamView = (team: TeamRecord): Team => ({ id: team.id, name: team.name, managerId: team.managerId, memberIds: team.memberIds });

@Resolver()
@UseFilters(MetadataErrorFilter)
export class IdentityResolver {
  constructor(
    private readonly store: MetadataStoreService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly apiKeys: ApiKeysService,
    private readonly admin: UserAdminService,
    private readonly sessions: SessionsService,
    private readonly securityLog: SecurityLogService,
    private readonly outbox: MailOutboxService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  private request(gql: GqlContext): IdentityRequest {
    return new IdentityRequest(gql, { store: this.store, users: this.users, teams: this.teams });
  }

  private async requiring(gql: GqlContext, capability: Capability): Promise<IdentityRequest> {
    const request = this.request(gql);
    await requireCapability(this.store, request.ctx, capability);
    return request;
  }

  private ip(gql: GqlContext): string | null {
    return clientIp(gql.req, this.config.trustProxy);
  }

  @Query(() => Me, { description: 'Who is signed in, and what they may do in the studio.' })
  async me(@Context() gql: GqlContext): Promise<Me> {
    const request = this.request(gql);
    const access = await request.access();
    const userId = request.ctx.actor.userId;
    const user = userId ? await this.users.get(userId) : null;
    if (!user) throw apiError('NOT_FOUND', 'This credential acts for no user (its creator was removed).');
    return { user: userView(user, true), admin: access.admin, manageMetadata: access.manageMetadata, manageUsers: access.manageUsers };
  }

  @Query(() => [User], { name: 'users', description: 'The user directory (for owner pickers). Deactivated users only on request.' })
  async users_(@Context() gql: GqlContext, @Args('includeInactive', { type: () => Boolean, defaultValue: false }) includeInactive: boolean): Promise<User[]> {
    const manager = (await this.request(gql).access()).manageUsers;
    return (await this.users.list(includeInactive)).map((u) => userView(u, manager));
  }

  @Query(() => User, { nullable: true })
  async user(@Context() gql: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<User | null> {
    const manager = (await this.request(gql).access()).manageUsers;
    const user = await this.users.get(id);
    return user ? userView(user, manager) : null;
  }

  @Query(() => [Team], { name: 'teams' })
  async teams_(@Context() gql: GqlContext): Promise<Team[]> {
    this.request(gql);
    return (await this.teams.list()).map(teamView);
  }

  @Query(() => [ApiKey], { name: 'apiKeys', description: 'Every API key of the workspace, newest first (manageUsers).' })
  async apiKeys_(@Context() gql: GqlContext): Promise<ApiKey[]> {
    await this.requiring(gql, 'manageUsers');
    return this.apiKeys.list();
  }

  @Query(() => [SecurityEvent], { name: 'securityLog', description: 'Security events, newest first (manageUsers).' })
  async securityLog_(
    @Context() gql: GqlContext,
    @Args('kind', { type: () => String, nullable: true }) kind: string | null,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('before', { type: () => ID, nullable: true }) before: string | null,
  ): Promise<SecurityEvent[]> {
    await this.requiring(gql, 'manageUsers');
    kind ??= null; // nullable arguments left out arrive as undefined
    userId ??= null;
    before ??= null;
    if (before !== null && !/^\d+$/.test(before)) throw apiError('BAD_USER_INPUT', `before must be an event id, got "${before}".`);
    if (userId !== null && !/^[0-9a-f-]{36}$/i.test(userId)) return [];
    return this.securityLog.list({ kind, userId, first, before });
  }

  @Query(() => [OutboxMail], { description: 'The newest mails of the outbox: invitations and reset links (manageUsers).' })
  async mailOutbox(@Context() gql: GqlContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<OutboxMail[]> {
    await this.requiring(gql, 'manageUsers');
    return this.outbox.list(first);
  }

  @Mutation(() => User)
  async createUser(@Context() gql: GqlContext, @Args('input', { type: () => CreateUserInput }) input: CreateUserInput): Promise<User> {
    const request = await this.requiring(gql, 'manageUsers');
    const user = await this.admin.create(request.ctx, input, { origin: linkOrigin(gql.req, this.config), ip: this.ip(gql) });
    return userView(user, true);
  }

  @Mutation(() => User)
  async updateUser(
    @Context() gql: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateUserInput }) input: UpdateUserInput,
  ): Promise<User> {
    const request = await this.requiring(gql, 'manageUsers');
    return userView(await this.admin.update(request.ctx, id, input, { ip: this.ip(gql) }), true);
  }

  @Mutation(() => User, { description: 'Ends a lockout after failed sign-ins.' })
  async unlockUser(@Context() gql: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    const request = await this.requiring(gql, 'manageUsers');
    return userView(await this.admin.unlock(request.ctx, id, { ip: this.ip(gql) }), true);
  }

  @Mutation(() => Team)
  async createTeam(@Context() gql: GqlContext, @Args('input', { type: () => TeamInput }) input: TeamInput): Promise<Team> {
    await this.requiring(gql, 'manageUsers');
    const team = await this.teams.create(input);
    this.sessions.forgetAll(); // members' actors carry their team ids
    return teamView(team);
  }

  @Mutation(() => Team)
  async updateTeam(@Context() gql: GqlContext, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => TeamInput }) input: TeamInput): Promise<Team> {
    await this.requiring(gql, 'manageUsers');
    const team = await this.teams.update(id, input);
    this.sessions.forgetAll();
    return teamView(team);
  }

  @Mutation(() => Boolean)
  async deleteTeam(@Context() gql: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.requiring(gql, 'manageUsers');
    const deleted = await this.teams.delete(id);
    this.sessions.forgetAll();
    return deleted;
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates a key acting with one role for you. The secret is in the answer, once.' })
  async createApiKey(@Context() gql: GqlContext, @Args('input', { type: () => CreateApiKeyInput }) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const request = await this.requiring(gql, 'manageUsers');
    await checkRoleNames(this.store, request.ctx, [input.role]);
    const createdBy = request.ctx.actor.userId;
    if (!createdBy) throw apiError('FORBIDDEN', 'Only a signed-in user can create API keys.');
    const created = await this.apiKeys.create({ name: input.name, role: input.role, expiresAt: input.expiresAt }, createdBy);
    this.securityLog.record({ kind: 'api-key-created', userId: createdBy, apiKeyId: created.apiKey.id, ip: this.ip(gql), detail: { name: created.apiKey.name, role: input.role, admin: input.role === ADMIN_ROLE } });
    return created;
  }

  @Mutation(() => ApiKey)
  async revokeApiKey(@Context() gql: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    const request = await this.requiring(gql, 'manageUsers');
    const key = await this.apiKeys.revoke(id);
    this.securityLog.record({ kind: 'api-key-revoked', userId: request.ctx.actor.userId, apiKeyId: key.id, ip: this.ip(gql), detail: { name: key.name } });
    return key;
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(
    private readonly store: MetadataStoreService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  @ResolveField('teams', () => [Team])
  async teams_(@Parent() user: User, @Context() gql: GqlContext): Promise<Team[]> {
    const teams = await new IdentityRequest(gql, { store: this.store, users: this.users, teams: this.teams }).teams();
    return user.teamIds.flatMap((id) => (teams.has(id) ? [teamView(teams.get(id)!)] : []));
  }
}

@Resolver(() => Team)
export class TeamFieldsResolver {
  constructor(
    private readonly store: MetadataStoreService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  private async directory(gql: GqlContext): Promise<{ users: Map<string, UserRecord>; manager: boolean }> {
    const request = new IdentityRequest(gql, { store: this.store, users: this.users, teams: this.teams });
    return { users: await request.users(), manager: (await request.access()).manageUsers };
  }

  @ResolveField(() => User, { nullable: true })
  async manager(@Parent() team: Team, @Context() gql: GqlContext): Promise<User | null> {
    const { users, manager } = await this.directory(gql);
    const user = team.managerId ? users.get(team.managerId) : undefined;
    return user ? userView(user, manager) : null;
  }

  @ResolveField(() => [User])
  async members(@Parent() team: Team, @Context() gql: GqlContext): Promise<User[]> {
    const { users, manager } = await this.directory(gql);
    return team.memberIds.flatMap((id) => (users.has(id) ? [userView(users.get(id)!, manager)] : []));
  }
}

@Resolver(() => ApiKey)
export class ApiKeyFieldsResolver {
  constructor(
    private readonly store: MetadataStoreService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  @ResolveField(() => User, { nullable: true })
  async createdBy(@Parent() key: ApiKeyRecord, @Context() gql: GqlContext): Promise<User | null> {
    const users = await new IdentityRequest(gql, { store: this.store, users: this.users, teams: this.teams }).users();
    const user = key.createdBy ? users.get(key.createdBy) : undefined;
    return user ? userView(user, true) : null;
  }
}
