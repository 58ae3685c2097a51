/**
 * updateRecord: writes the evaluated values to the trigger record through RecordService as the workflow
 * actor (permissions, validation, rules, formulas and history apply), inside the step's transaction.
 */
import { Injectable } from '@nestjs/common';
import type { UpdateRecordStep } from '@trellis/metadata';
import { RecordService } from '../../records/record.service.js';
import { withStepInput, type StepExecution, type StepExecutor, type StepResult } from '../step-executor.js';
import { recordPhrase } from './describe.js';
import { checkValuesForDryRun, readRecordValues } from './record-values.js';
import { StepError } from './step-error.js';
import { ID_ONLY, describeValues, evaluateFieldValues, recordOperation, triggerRecord } from './step-values.js';

@Injectable()
export class UpdateRecordStepExecutor implements StepExecutor<UpdateRecordStep> {
  readonly type = 'updateRecord' as const;

  constructor(private readonly records: RecordService) {}

  async execute(execution: StepExecution<UpdateRecordStep>): Promise<StepResult> {
    const { step, actor, client, document } = execution;
    const target = triggerRecord(execution);
    if (Object.keys(step.values ?? {}).length === 0) throw new StepError(step, 'no values to write: add at least one field.', { field: 'values', code: 'STEP_CONFIG' });
    const values = evaluateFieldValues(execution, step.values);
    const what = recordPhrase(document, target.entity, execution.context.record);
    if (execution.dryRun) {
      checkValuesForDryRun(execution, document, target.entity, values, 'update');
      return { input: values, output: { id: target.id }, description: `Would update ${what}: ${describeValues(values)}`, record: { ...execution.context.record, ...values } };
    }
    await withStepInput(values, () => recordOperation(step, `Updating the ${what}`, () => this.records.update(actor, target.entity, target.id, values, { client, document, selection: ID_ONLY })));
    const model = await this.records.model(actor, document);
    const record = (await readRecordValues(client, model, target.entity, target.id)) ?? undefined;
    return { input: values, output: { id: target.id }, description: `Updated ${what}: ${describeValues(values)}`, record };
  }
}
