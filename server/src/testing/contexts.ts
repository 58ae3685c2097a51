import type { ActorKind, RequestContext } from '../common/request-context.js';

/** A request context for tests of the record layer: an actor with no user row behind it (owns nothing), admin by default. */
export function testContext(id: string, kind: ActorKind = 'user', roles: string[] = ['admin']): RequestContext {
  return { workspace: 'main', source: 'ui', actor: { kind, id, userId: null, roles, teams: [], attributes: {} } };
}
