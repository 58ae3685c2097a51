/**
 * Per-request state of the identity resolvers, kept on the GraphQL context: the request context, the
 * caller's access (computed once), and the user/team directory (read once however many fields need it).
 */
import type { IncomingMessage } from 'node:http';
import type { ResolvedAccess } from '@trellis/runtime';
import { httpRequestContext, type RequestContext } from '../common/request-context.js';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { accessOf } from './capabilities.js';
import type { TeamRecord, TeamsService } from './teams.service.js';
import type { UserRecord, UsersService } from './users.service.js';

export interface GqlContext {
  req: IncomingMessage;
  identity?: IdentityRequestState;
}

interface IdentityRequestState {
  access?: Promise<ResolvedAccess>;
  users?: Promise<Map<string, UserRecord>>;
  teams?: Promise<Map<string, TeamRecord>>;
}

export class IdentityRequest {
  readonly ctx: RequestContext;
  private readonly state: IdentityRequestState;

  constructor(
    gql: GqlContext,
    private readonly deps: { store: MetadataStoreService; users: UsersService; teams: TeamsService },
  ) {
    this.ctx = httpRequestContext(gql.req);
    this.state = gql.identity ??= {};
  }

  access(): Promise<ResolvedAccess> {
    return (this.state.access ??= accessOf(this.deps.store, this.ctx));
  }

  users(): Promise<Map<string, UserRecord>> {
    return (this.state.users ??= this.deps.users.list(true).then((all) => new Map(all.map((u) => [u.id, u]))));
  }

  teams(): Promise<Map<string, TeamRecord>> {
    return (this.state.teams ??= this.deps.teams.list().then((all) => new Map(all.map((t) => [t.id, t]))));
  }
}
