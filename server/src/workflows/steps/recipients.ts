/**
 * Who a notify / sendEmail step addresses: users from an expression, every active holder of some roles,
 * every active member of some teams, and the trigger record's owner — each person once.
 * Deactivated users are skipped (a departed manager should not fail the run); a value that is no user id,
 * or a team name that is no team, is an error that names the setting.
 */
import type { Recipients } from '@trellis/metadata';
import type { StepExecution } from '../step-executor.js';
import { StepError } from './step-error.js';
import { evaluateSetting, optionalTriggerRecord } from './step-values.js';
import { activeTeamMembers, activeUsers, activeUsersWithRoles, idList, type StepUser } from './step-users.js';
import { isUuid } from '../../records/compile-filter.js';

export interface ResolvedRecipients {
  users: StepUser[];
  /** Ids given (by expression or as the owner) that are no active user. */
  skipped: string[];
}

export async function resolveRecipients(execution: StepExecution, recipients: Recipients, field = 'recipients'): Promise<ResolvedRecipients> {
  const { client, step, actor } = execution;
  const ids: string[] = [];
  if (recipients.users !== undefined) {
    for (const value of idList(evaluateSetting(execution, `${field}.users`, recipients.users))) {
      if (typeof value !== 'string' || !isUuid(value)) {
        throw new StepError(step, `expected user ids, got ${JSON.stringify(value)}: give an expression of a user id (e.g. {"var": "record.owner"}) or a list of them.`, {
          field: `${field}.users`,
        });
      }
      ids.push(value);
    }
  }
  if (recipients.owner) {
    if (!optionalTriggerRecord(execution)) {
      throw new StepError(step, 'the record owner is asked for, but this workflow has no trigger record: remove "owner" or use a record trigger.', { field: `${field}.owner` });
    }
    const owner = execution.context.record?.['owner'];
    if (typeof owner === 'string' && owner !== '') ids.push(owner);
  }
  const byId = await activeUsers(client, ids);
  const people = new Map<string, StepUser>();
  for (const id of ids) {
    const user = byId.get(id);
    if (user) people.set(id, user);
  }
  for (const user of await activeUsersWithRoles(client, actor.workspace, recipients.roles ?? [])) people.set(user.id, user);
  const { users: members, unknownTeams } = await activeTeamMembers(client, recipients.teams ?? []);
  if (unknownTeams.length > 0) {
    throw new StepError(step, `no team named ${unknownTeams.map((t) => `"${t}"`).join(', ')} (teams are matched by name): fix the name or create the team.`, {
      field: `${field}.teams`,
    });
  }
  for (const user of members) people.set(user.id, user);
  return { users: [...people.values()], skipped: [...new Set(ids.filter((id) => !byId.has(id)))] };
}

/** "Alice, Bob and 3 more" for descriptions. */
export function namesOf(users: StepUser[], max = 3): string {
  if (users.length === 0) return 'nobody';
  const names = users.slice(0, max).map((u) => u.name);
  if (users.length > max) return `${names.join(', ')} and ${users.length - max} more`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
