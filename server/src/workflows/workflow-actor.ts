/**
 * Who a workflow acts as, and who caused its trigger. Steps run as the workflow actor (kind `workflow`, id =
 * the workflow's name, the permissions of its `runAs` role — `admin` by default), so record history says
 * "workflow:followUp" and the studio can show exactly what a workflow may do.
 */
import type { WorkflowDefinition } from '@trellis/metadata';
import type { RuleUser } from '@trellis/runtime';
import type pg from 'pg';
import { actorOfUser, userFromRow, USER_COLUMNS } from '../auth/users.service.js';
import { ADMIN_ROLE, type RequestContext } from '../common/request-context.js';
import { isUuid } from '../records/compile-filter.js';
import { ruleUser } from '../records/record-rules.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export function workflowActor(workspace: string, name: string, definition: Pick<WorkflowDefinition, 'runAs'>): RequestContext {
  return {
    workspace,
    source: 'workflow',
    actor: { kind: 'workflow', id: name, userId: null, roles: [definition.runAs ?? ADMIN_ROLE], teams: [], attributes: {} },
  };
}

/**
 * The context's `user` for a trigger caused by `actorLabel` (`user:<id>`, `apiKey:<id>`, `workflow:<name>`,
 * `system:<name>`): a user with their roles, teams and attributes; other actors by kind and id only.
 * `cache` spares one query per event when a batch holds many events of the same user.
 */
export async function triggerUser(client: Queryable, actorLabel: string, cache?: Map<string, RuleUser | null>): Promise<RuleUser | null> {
  const known = cache?.get(actorLabel);
  if (known !== undefined) return known;
  const colon = actorLabel.indexOf(':');
  const kind = colon < 0 ? 'system' : actorLabel.slice(0, colon);
  const id = colon < 0 ? actorLabel : actorLabel.slice(colon + 1);
  let user: RuleUser | null = { id, kind };
  if (kind === 'user' && isUuid(id)) {
    const { rows } = await client.query(`SELECT ${USER_COLUMNS} FROM trellis."user" u WHERE u.id = $1`, [id]);
    if (rows[0]) user = ruleUser(actorOfUser(userFromRow(rows[0])));
  }
  cache?.set(actorLabel, user);
  return user;
}
