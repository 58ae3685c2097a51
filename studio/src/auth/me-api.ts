/** The /metadata `me` query: the signed-in user's capabilities, decided by the server from their roles. */
import { metadataClient, type GraphQLClient } from '../api/graphql-client.js';
import type { Capabilities } from './session-context.js';

export async function fetchCapabilities(client: GraphQLClient = metadataClient): Promise<Capabilities> {
  const data = await client.request<{ me: { admin: boolean; manageMetadata: boolean; manageUsers: boolean; user: { roles: string[] | null } } }>(
    `query Me { me { admin manageMetadata manageUsers user { roles } } }`,
  );
  const { admin, manageMetadata, manageUsers, user } = data.me;
  return { admin, manageMetadata, manageUsers, roles: user.roles ?? [] };
}
