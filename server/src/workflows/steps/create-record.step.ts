/**
 * createRecord: a record of any entity from the evaluated values (relate it to the trigger record with a
 * value such as `{"var": "record.id"}`), through RecordService as the workflow actor, in the step's transaction.
 */
import { Injectable } from '@nestjs/common';
import type { CreateRecordStep } from '@trellis/metadata';
import { RecordService } from '../../records/record.service.js';
import { withStepInput, type StepExecution, type StepExecutor, type StepResult } from '../step-executor.js';
import { recordPhrase } from './describe.js';
import { checkValuesForDryRun } from './record-values.js';
import { StepError } from './step-error.js';
import { describeValues, evaluateFieldValues, recordOperation } from './step-values.js';

@Injectable()
export class CreateRecordStepExecutor implements StepExecutor<CreateRecordStep> {
  readonly type = 'createRecord' as const;

  constructor(private readonly records: RecordService) {}

  async execute(execution: StepExecution<CreateRecordStep>): Promise<StepResult> {
    const { step, actor, client, document } = execution;
    if (!document.entities[step.entity]) {
      const known = Object.keys(document.entities).join(', ') || 'none';
      throw new StepError(step, `there is no entity "${step.entity}" (entities: ${known}).`, { field: 'entity', code: 'STEP_CONFIG' });
    }
    const values = evaluateFieldValues(execution, step.values ?? {});
    if (execution.dryRun) {
      checkValuesForDryRun(execution, document, step.entity, values, 'create');
      return {
        input: values,
        output: { id: null },
        description: `Would create ${recordPhrase(document, step.entity, values)}${Object.keys(values).length > 0 ? ` with ${describeValues(values)}` : ''}`,
      };
    }
    const created = await withStepInput(values, () =>
      recordOperation(step, `Creating a ${document.entities[step.entity]!.label.toLowerCase()}`, () => this.records.create(actor, step.entity, values, { client, document })),
    );
    return { input: values, output: { id: created['id'] }, description: `Created ${recordPhrase(document, step.entity, created)}` };
  }
}
