/** Identity operations of the /metadata API (users, teams, API keys, security log, mail outbox). */
import { metadataClient } from '../api/graphql-client.js';
import { changingDirectory } from '../api/directory-api.js';

export interface TeamRef {
  id: string;
  name: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  active: boolean;
  /** Null for readers who may not manage users. */
  roles: string[] | null;
  teams: TeamRef[];
  attributes: Record<string, unknown> | null;
  lastSignInAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface AdminTeam {
  id: string;
  name: string;
  manager: { id: string; name: string } | null;
  members: { id: string; name: string; email: string }[];
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface SecurityEvent {
  id: string;
  at: string;
  kind: string;
  userId: string | null;
  email: string | null;
  apiKeyId: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  /** pending (not sent yet, or no mail transport configured), sent, or failed (gave up); a string for newer servers. */
  status: string;
  /** Delivery attempts so far. */
  attempts: number;
  sentAt: string | null;
  /** Why the last attempt failed. */
  error: string | null;
}

export interface UserInput {
  name?: string;
  locale?: string;
  timeZone?: string;
  roles?: string[];
  teamIds?: string[];
  attributes?: Record<string, unknown>;
  active?: boolean;
}

export interface CreateUserInput extends UserInput {
  email: string;
  name: string;
  /** Without one, an invitation mail with a link to choose it goes to the outbox. */
  password?: string;
}

export interface TeamInput {
  name: string;
  managerId: string | null;
  memberIds: string[];
}

const USER = 'id email name locale timeZone active roles teams { id name } attributes lastSignInAt lockedUntil createdAt';
const TEAM = 'id name manager { id name } members { id name email }';
const KEY = 'id name prefix role createdBy { id name } createdAt lastUsedAt expiresAt revokedAt';

const request = <T>(query: string, variables?: Record<string, unknown>) => metadataClient.request<T>(query, variables);

export const fetchUsers = async (includeInactive = true): Promise<AdminUser[]> =>
  (await request<{ users: AdminUser[] }>(`query Users($all: Boolean) { users(includeInactive: $all) { ${USER} } }`, { all: includeInactive })).users;

export const fetchUser = async (id: string): Promise<AdminUser | null> =>
  (await request<{ user: AdminUser | null }>(`query User($id: ID!) { user(id: $id) { ${USER} } }`, { id })).user;

export const createUser = async (input: CreateUserInput): Promise<AdminUser> =>
  (await changingDirectory(request<{ createUser: AdminUser }>(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`, { input }))).createUser;

export const updateUser = async (id: string, input: UserInput): Promise<AdminUser> =>
  (await changingDirectory(request<{ updateUser: AdminUser }>(`mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER} } }`, { id, input })))
    .updateUser;

export const unlockUser = async (id: string): Promise<AdminUser> =>
  (await request<{ unlockUser: AdminUser }>(`mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ${USER} } }`, { id })).unlockUser;

export const fetchTeams = async (): Promise<AdminTeam[]> => (await request<{ teams: AdminTeam[] }>(`query Teams { teams { ${TEAM} } }`)).teams;

export const createTeam = async (input: TeamInput): Promise<AdminTeam> =>
  (await changingDirectory(request<{ createTeam: AdminTeam }>(`mutation CreateTeam($input: TeamInput!) { createTeam(input: $input) { ${TEAM} } }`, { input }))).createTeam;

export const updateTeam = async (id: string, input: TeamInput): Promise<AdminTeam> =>
  (await changingDirectory(request<{ updateTeam: AdminTeam }>(`mutation UpdateTeam($id: ID!, $input: TeamInput!) { updateTeam(id: $id, input: $input) { ${TEAM} } }`, { id, input })))
    .updateTeam;

export const deleteTeam = async (id: string): Promise<boolean> =>
  (await changingDirectory(request<{ deleteTeam: boolean }>(`mutation DeleteTeam($id: ID!) { deleteTeam(id: $id) }`, { id }))).deleteTeam;

export const fetchApiKeys = async (): Promise<ApiKey[]> => (await request<{ apiKeys: ApiKey[] }>(`query ApiKeys { apiKeys { ${KEY} } }`)).apiKeys;

export const createApiKey = async (input: { name: string; role: string; expiresAt: string | null }): Promise<{ apiKey: ApiKey; secret: string }> =>
  (
    await request<{ createApiKey: { apiKey: ApiKey; secret: string } }>(
      `mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY} } } }`,
      { input },
    )
  ).createApiKey;

export const revokeApiKey = async (id: string): Promise<ApiKey> =>
  (await request<{ revokeApiKey: ApiKey }>(`mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${KEY} } }`, { id })).revokeApiKey;

export const fetchSecurityLog = async (filter: { kind?: string | null; userId?: string | null; first?: number; before?: string | null }): Promise<SecurityEvent[]> =>
  (
    await request<{ securityLog: SecurityEvent[] }>(
      `query SecurityLog($kind: String, $userId: ID, $first: Int, $before: ID) {
        securityLog(kind: $kind, userId: $userId, first: $first, before: $before) { id at kind userId email apiKeyId ip detail }
      }`,
      { kind: filter.kind || null, userId: filter.userId || null, first: filter.first ?? 50, before: filter.before ?? null },
    )
  ).securityLog;

export const fetchMailOutbox = async (first = 20): Promise<OutboxMail[]> =>
  (await request<{ mailOutbox: OutboxMail[] }>(`query MailOutbox($first: Int) { mailOutbox(first: $first) { id to subject body createdAt status attempts sentAt error } }`, { first })).mailOutbox;
