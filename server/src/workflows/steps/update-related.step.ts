/**
 * updateRelated: the records linked to the trigger record through one of its relation fields (manyToOne,
 * oneToMany or manyToMany), narrowed by an optional JSON Logic filter over the related `record` that the
 * rules compiler turns into SQL (RecordService.list's `where`), each updated through RecordService as the
 * workflow actor — so only records the actor may read are touched, and every write is checked like any other.
 */
import { Injectable } from '@nestjs/common';
import type { UpdateRelatedStep } from '@trellis/metadata';
import { entityOf, type RelationFieldModel } from '../../records/data-model.js';
import { RecordService, type Queryable } from '../../records/record.service.js';
import { quoteIdent } from '../../records/sql.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { countPhrase, recordPhrase } from './describe.js';
import { checkValuesForDryRun } from './record-values.js';
import { StepError } from './step-error.js';
import { ID_ONLY, describeValues, evaluateFieldValues, recordOperation, triggerRecord } from './step-values.js';

/** One step updates at most this many records (each is a full, checked write inside one transaction). */
export const MAX_RELATED_UPDATES = 1000;
const PAGE = 500;

@Injectable()
export class UpdateRelatedStepExecutor implements StepExecutor<UpdateRelatedStep> {
  readonly type = 'updateRelated' as const;

  constructor(private readonly records: RecordService) {}

  async execute(execution: StepExecution<UpdateRelatedStep>): Promise<StepResult> {
    const { step, actor, client, document } = execution;
    const source = triggerRecord(execution);
    const model = await this.records.model(actor, document);
    const relation = entityOf(model, source.entity).fields.get(step.relation);
    if (!relation || relation.kind === 'scalar') {
      const relations = [...entityOf(model, source.entity).fields.values()].filter((f) => f.kind !== 'scalar').map((f) => f.name);
      throw new StepError(step, `"${step.relation}" is no relation field of ${source.entity} (its relations: ${relations.join(', ') || 'none'}).`, {
        field: 'relation',
        code: 'STEP_CONFIG',
      });
    }
    if (Object.keys(step.values ?? {}).length === 0) throw new StepError(step, 'no values to write: add at least one field.', { field: 'values', code: 'STEP_CONFIG' });
    const values = evaluateFieldValues(execution, step.values);
    const linked = await linkedIds(client, entityOf(model, relation.target).table, relation, source.id, execution.context.record?.[step.relation]);
    const ids = await this.matching(execution, relation.target, linked);
    const input = { relation: step.relation, filter: step.filter ?? null, values };
    const what = `${countPhrase(document, relation.target, ids.length)} linked to ${recordPhrase(document, source.entity, execution.context.record)} through ${step.relation}`;
    if (execution.dryRun) {
      if (ids.length > 0) checkValuesForDryRun(execution, document, relation.target, values, 'update');
      return { input, output: { count: ids.length, ids }, description: `Would update ${what}: ${describeValues(values)}` };
    }
    for (const id of ids) {
      await recordOperation(step, `Updating ${relation.target} ${id}`, () => this.records.update(actor, relation.target, id, values, { client, document, selection: ID_ONLY }));
    }
    return { input, output: { count: ids.length, ids }, description: `Updated ${what}: ${describeValues(values)}` };
  }

  /** The linked ids the actor may read and the filter accepts, in id order. */
  private async matching(execution: StepExecution<UpdateRelatedStep>, target: string, linked: string[]): Promise<string[]> {
    const { step, actor, client, document } = execution;
    const ids: string[] = [];
    for (let at = 0; at < linked.length; at += PAGE) {
      const chunk = linked.slice(at, at + PAGE);
      // A failing read is most likely the filter (the compiler refuses it): the error names that setting.
      const page = await recordOperation(
        step,
        `Reading the related ${target} records`,
        () =>
          this.records.list(
            actor,
            target,
            { filter: { id: { in: chunk } }, where: step.filter ?? undefined, first: PAGE },
            { client, document, selection: { totalCount: false, pageInfo: false, cursors: false, node: ID_ONLY } },
          ),
        step.filter !== undefined ? 'filter' : undefined,
      );
      for (const { node } of page.edges) ids.push(String(node['id']));
      if (ids.length > MAX_RELATED_UPDATES) {
        throw new StepError(step, `more than ${MAX_RELATED_UPDATES} related records match: narrow the filter (one step updates at most ${MAX_RELATED_UPDATES}).`, { field: 'filter' });
      }
    }
    return ids.sort();
  }
}

/** Ids linked to `id` through the relation (platform read: which of them the actor may see is decided after). */
async function linkedIds(client: Queryable, targetTable: string, relation: RelationFieldModel, id: string, contextValue: unknown): Promise<string[]> {
  switch (relation.kind) {
    case 'manyToOne':
      // The context holds the related id as of the run (refreshed after updateRecord steps).
      return typeof contextValue === 'string' && contextValue !== '' ? [contextValue] : [];
    case 'oneToMany': {
      const { rows } = await client.query(`SELECT t."id"::text AS id FROM ${targetTable} t WHERE t.${quoteIdent(relation.targetColumn)} = $1 ORDER BY t."id"`, [id]);
      return rows.map((r) => r.id as string);
    }
    case 'manyToMany': {
      const other = quoteIdent(relation.otherColumn);
      const { rows } = await client.query(`SELECT j.${other}::text AS id FROM ${relation.junction} j WHERE j.${quoteIdent(relation.selfColumn)} = $1 ORDER BY j.${other}`, [id]);
      return rows.map((r) => r.id as string);
    }
  }
}
