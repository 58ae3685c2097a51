/**
 * Who is acting, in which workspace, through which door. Every data path carries one: the permission
 * service decides with it, the audit trail records it.
 */
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';

export type ActorKind = 'user' | 'apiKey' | 'workflow' | 'system';

/** Where a change came from, as the record history shows it. */
export type RequestSource = 'ui' | 'api' | 'workflow' | 'import' | 'system';

export interface Actor {
  kind: ActorKind;
  /** user: the user's id; apiKey: the key's id; workflow/system: a name. */
  id: string;
  /** The user the actor acts for (a key: the user who created it): owner of the records it creates. */
  userId: string | null;
  name?: string;
  email?: string;
  /** Role names of the metadata document, or the built-in `admin`. */
  roles: string[];
  /** Ids of the user's teams. */
  teams: string[];
  /** Free key/values an admin set on the user (`user.attributes.region` in rules). */
  attributes: Record<string, unknown>;
  locale?: string;
  timeZone?: string;
}

export interface RequestContext {
  /** The workspace: also the Postgres schema holding its record tables. */
  workspace: string;
  actor: Actor;
  source: RequestSource;
}

/** The only workspace until tenancy exists. */
export const DEFAULT_WORKSPACE = 'main';

/** The built-in role with every right (not defined in the document). */
export const ADMIN_ROLE = 'admin';

const actors = new WeakMap<IncomingMessage, { actor: Actor; source: RequestSource }>();

/** Called by the authentication hook once it knows who sent the request. */
export function setRequestActor(req: IncomingMessage, actor: Actor, source: RequestSource): void {
  actors.set(req, { actor, source });
}

/** The authenticated actor of the request, if any. */
export function requestActor(req: IncomingMessage): { actor: Actor; source: RequestSource } | undefined {
  return actors.get(req);
}

/** The context of an authenticated HTTP request; UNAUTHENTICATED when the auth hook let none through. */
export function httpRequestContext(req: IncomingMessage): RequestContext {
  const known = actors.get(req);
  if (!known) throw new GraphQLError('Sign in first: this request carries no valid session or API key.', { extensions: { code: 'UNAUTHENTICATED' } });
  return { workspace: DEFAULT_WORKSPACE, actor: known.actor, source: known.source };
}

/** A context for platform work (pack installs, migrations, tests): the built-in admin role. */
export function systemContext(id: string, workspace: string = DEFAULT_WORKSPACE): RequestContext {
  return { workspace, source: 'system', actor: { kind: 'system', id, userId: null, roles: [ADMIN_ROLE], teams: [], attributes: {} } };
}

/** A context acting as a given user (tests, workflows running "as" someone). */
export function userContext(user: Partial<Actor> & { id: string; roles: string[] }, workspace: string = DEFAULT_WORKSPACE): RequestContext {
  return {
    workspace,
    source: 'ui',
    actor: { kind: 'user', userId: user.id, teams: [], attributes: {}, ...user },
  };
}

/** The value stored in created_by / updated_by / author columns: `${kind}:${id}`. */
export function actorLabel(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}
