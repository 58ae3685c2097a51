/**
 * assign: sets the trigger record's `owner` — a given user, or one picked among the ACTIVE users of a team
 * (by name) or a role:
 * - roundRobin: the next user after the last one picked (in id order, wrapping). The turn is kept in
 *   trellis.assignment_cursor per (workspace, entity, pool) and the row is locked in the step's transaction,
 *   so concurrent runs queue for it and never pick the same person twice in a row.
 * - leastLoaded: the user who owns the fewest records of the trigger entity (the record being assigned not
 *   counted); ties go round-robin through the same cursor, which also serializes concurrent picks so each
 *   sees the other's assignment once it commits.
 */
import { Injectable } from '@nestjs/common';
import type { AssignStep } from '@trellis/metadata';
import { entityOf, type ScalarFieldModel } from '../../records/data-model.js';
import { isUuid } from '../../records/compile-filter.js';
import { RecordService, type Queryable } from '../../records/record.service.js';
import { quoteIdent } from '../../records/sql.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { recordPhrase } from './describe.js';
import { readRecordValues } from './record-values.js';
import { StepError } from './step-error.js';
import { activeTeamMembers, activeUsers, activeUsersWithRoles, type StepUser } from './step-users.js';
import { ID_ONLY, evaluateSetting, recordOperation, triggerRecord } from './step-values.js';

@Injectable()
export class AssignStepExecutor implements StepExecutor<AssignStep> {
  readonly type = 'assign' as const;

  constructor(private readonly records: RecordService) {}

  async execute(execution: StepExecution<AssignStep>): Promise<StepResult> {
    const { step, actor, client, document } = execution;
    const target = triggerRecord(execution);
    const { user, how } = step.strategy === 'user' ? { user: await this.givenUser(execution), how: '' } : await this.pickFromPool(execution, target);
    const input = { strategy: step.strategy, ...(step.team ? { team: step.team } : {}), ...(step.role ? { role: step.role } : {}), userId: user.id };
    const what = recordPhrase(document, target.entity, execution.context.record);
    if (execution.dryRun) return { input, output: { userId: user.id }, description: `Would assign ${what} to ${user.name}${how}`, record: { ...execution.context.record, owner: user.id } };
    await recordOperation(step, `Assigning the ${what}`, () => this.records.update(actor, target.entity, target.id, { owner: user.id }, { client, document, selection: ID_ONLY }));
    const record = (await readRecordValues(client, await this.records.model(actor, document), target.entity, target.id)) ?? undefined;
    return { input, output: { userId: user.id }, description: `Assigned ${what} to ${user.name}${how}`, record };
  }

  private async givenUser(execution: StepExecution<AssignStep>): Promise<StepUser> {
    const { step, client } = execution;
    if (step.user === undefined) throw new StepError(step, 'strategy "user" needs a user: an expression giving a user id.', { field: 'user', code: 'STEP_CONFIG' });
    const id = evaluateSetting(execution, 'user', step.user);
    if (typeof id !== 'string' || !isUuid(id)) {
      throw new StepError(step, `expected a user id, got ${JSON.stringify(id)}: give a user's id or an expression such as {"var": "record.createdBy"}.`, { field: 'user' });
    }
    const user = (await activeUsers(client, [id])).get(id);
    if (!user) throw new StepError(step, `no active user with id ${id}: pick an active user (deactivated users cannot own records through workflows).`, { field: 'user' });
    return user;
  }

  private async pickFromPool(execution: StepExecution<AssignStep>, target: { entity: string; id: string }): Promise<{ user: StepUser; how: string }> {
    const { step, client, actor } = execution;
    if (!step.team === !step.role) {
      throw new StepError(step, `strategy "${step.strategy}" picks among a team or a role: set exactly one of "team" and "role".`, { field: step.team ? 'role' : 'team', code: 'STEP_CONFIG' });
    }
    let candidates: StepUser[];
    if (step.team) {
      const { users, unknownTeams } = await activeTeamMembers(client, [step.team]);
      if (unknownTeams.length > 0) throw new StepError(step, `no team named "${step.team}" (teams are matched by name): fix the name or create the team.`, { field: 'team' });
      candidates = users;
    } else {
      candidates = await activeUsersWithRoles(client, actor.workspace, [step.role!]);
    }
    const pool = step.team ? `team:${step.team}` : `role:${step.role}`;
    const poolName = step.team ? `team ${step.team}` : `role ${step.role}`;
    if (candidates.length === 0) throw new StepError(step, `the ${poolName} has no active user to assign to: add members or pick another ${step.team ? 'team' : 'role'}.`, { field: step.team ? 'team' : 'role' });
    candidates = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // the turn order
    const last = await turnCursor(client, actor.workspace, target.entity, pool, !execution.dryRun);
    let eligible = candidates;
    let load = '';
    if (step.strategy === 'leastLoaded') {
      const counts = await ownedCounts(client, await this.records.model(actor, execution.document), target, candidates.map((c) => c.id));
      const fewest = Math.min(...candidates.map((c) => counts.get(c.id) ?? 0));
      eligible = candidates.filter((c) => (counts.get(c.id) ?? 0) === fewest);
      load = `, who owns ${fewest} other ${fewest === 1 ? 'one' : 'ones'}`;
    }
    // The first eligible user after the last one picked, in id order (wrapping around).
    const user = eligible.find((c) => last !== null && c.id > last) ?? eligible[0]!;
    if (!execution.dryRun) {
      await client.query(`UPDATE "trellis"."assignment_cursor" SET last_user_id = $4, updated_at = now() WHERE workspace = $1 AND entity = $2 AND pool = $3`, [
        actor.workspace,
        target.entity,
        pool,
        user.id,
      ]);
    }
    return { user, how: step.strategy === 'roundRobin' ? ` (round robin in ${poolName})` : ` (least loaded in ${poolName}${load})` };
  }
}

/** The last user picked for the pool; with `lock`, the cursor row is created if needed and locked until the transaction ends. */
async function turnCursor(client: Queryable, workspace: string, entity: string, pool: string, lock: boolean): Promise<string | null> {
  if (!lock) {
    const { rows } = await client.query(`SELECT last_user_id::text AS last FROM "trellis"."assignment_cursor" WHERE workspace = $1 AND entity = $2 AND pool = $3`, [workspace, entity, pool]);
    return (rows[0]?.last as string | undefined) ?? null;
  }
  // One statement inserts or locks the row (DO UPDATE takes the row lock) and returns the stored turn.
  const { rows } = await client.query(
    `INSERT INTO "trellis"."assignment_cursor" AS c (workspace, entity, pool) VALUES ($1, $2, $3)
     ON CONFLICT (workspace, entity, pool) DO UPDATE SET updated_at = c.updated_at
     RETURNING last_user_id::text AS last`,
    [workspace, entity, pool],
  );
  return (rows[0]?.last as string | undefined) ?? null;
}

/** How many records of the entity each candidate owns (the record being assigned left out). */
async function ownedCounts(
  client: Queryable,
  model: Awaited<ReturnType<RecordService['model']>>,
  target: { entity: string; id: string },
  userIds: string[],
): Promise<Map<string, number>> {
  const e = entityOf(model, target.entity);
  const owner = e.fields.get('owner') as ScalarFieldModel | undefined;
  const column = owner?.columns[0]?.column;
  if (!column) return new Map();
  const { rows } = await client.query(
    `SELECT t.${quoteIdent(column)}::text AS owner, count(*)::int AS n FROM ${e.table} t
      WHERE t.${quoteIdent(column)} = ANY($1::uuid[]) AND t."id" <> $2 GROUP BY 1`,
    [userIds, target.id],
  );
  return new Map(rows.map((r) => [r.owner as string, r.n as number]));
}
