/**
 * Who is acting, in which workspace. Every data path carries one, from the first commit:
 * tenancy and permissions plug in here later.
 */
export type ActorKind = 'user' | 'apiKey' | 'workflow' | 'system';

export interface Actor {
  kind: ActorKind;
  id: string;
}

export interface RequestContext {
  /** The workspace: also the Postgres schema holding its record tables. */
  workspace: string;
  actor: Actor;
}

/** The only workspace until tenancy exists. */
export const DEFAULT_WORKSPACE = 'main';

/** Until auth exists, every HTTP request acts as this user. */
export const LOCAL_ADMIN: Actor = { kind: 'user', id: 'local-admin' };

/** The context of an HTTP request (no auth yet: the local admin in the default workspace). */
export function httpRequestContext(): RequestContext {
  return { workspace: DEFAULT_WORKSPACE, actor: LOCAL_ADMIN };
}

/** A context for platform work (pack installs, migrations, tests). */
export function systemContext(id: string, workspace: string = DEFAULT_WORKSPACE): RequestContext {
  return { workspace, actor: { kind: 'system', id } };
}

/** The value stored in created_by / updated_by / author columns: `${kind}:${id}`. */
export function actorLabel(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}
