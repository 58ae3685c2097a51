/**
 * pluginAction: calls a plugin's registered action with the evaluated input (each input a JSON template:
 * expressions anywhere inside are evaluated, json-template.ts), once it passes the action's input schema. A dry run checks the input but does not call the action (it may act on the world).
 * The plugin's TransientActionError is retried; any other failure stops the run with the plugin's message.
 */
import { Injectable } from '@nestjs/common';
import type { PluginActionStep } from '@trellis/metadata';
import { TransientActionError } from '@trellis/plugin-sdk';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { TransientStepError, withStepInput } from '../step-executor.js';
import { ajvText } from './plugin-action-problems.js';
import { WorkflowActionRegistry } from './plugin-actions.js';
import { StepError, errorText } from './step-error.js';
import { evaluateTemplateSetting, short } from './step-values.js';

@Injectable()
export class PluginActionStepExecutor implements StepExecutor<PluginActionStep> {
  readonly type = 'pluginAction' as const;
  readonly external = true;

  constructor(private readonly registry: WorkflowActionRegistry) {}

  async execute(execution: StepExecution<PluginActionStep>): Promise<StepResult> {
    const { step, actor } = execution;
    const registered = this.registry.get(step.action);
    if (!registered) {
      const known = this.registry.keys().join(', ') || 'none';
      throw new StepError(step, `no plugin action "${step.action}" is registered on this server (registered: ${known}): load the plugin, or change the step.`, {
        field: 'action',
        code: 'STEP_PLUGIN',
      });
    }
    const input: Record<string, unknown> = {};
    for (const [name, template] of Object.entries(step.input ?? {})) input[name] = evaluateTemplateSetting(execution, `input.${name}`, template);
    if (!registered.validate(input)) {
      const error = new StepError(step, `the input does not fit ${step.action}: ${ajvText(registered.validate.errors)} (evaluated input: ${short(input, 200)}).`, { field: 'input' });
      return withStepInput(input, () => Promise.reject(error));
    }
    const label = registered.action.label;
    if (execution.dryRun) return { input, output: null, description: `Would run “${label}” (${step.action})` };
    let output: unknown;
    try {
      output = await withStepInput(input, async () => registered.action.run(input, {
        workspace: actor.workspace,
        workflow: execution.workflowName,
        stepKey: step.key,
        runId: execution.runId,
        idempotencyKey: execution.idempotencyKey,
        attempt: execution.attempt,
        entity: execution.entity,
        record: execution.context.record,
        signal: execution.signal,
      }));
    } catch (error) {
      if (error instanceof TransientActionError || (error as Error)?.name === 'TransientActionError') {
        throw new TransientStepError(`${step.action}: ${errorText(error)}`, { cause: error });
      }
      throw new StepError(step, `the action ${step.action} failed: ${errorText(error)}`, { code: 'STEP_PLUGIN', cause: error });
    }
    return { input, output: toJson(step, output), description: `Ran “${label}” (${step.action})` };
  }
}

/** The output is stored as JSON (run history, `steps.<key>`): undefined becomes null, anything unserializable is an error. */
function toJson(step: PluginActionStep, output: unknown): unknown {
  if (output === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(output)) as unknown;
  } catch (error) {
    throw new StepError(step, `the action ${step.action} returned a value that is not JSON: ${(error as Error).message}`, { code: 'STEP_PLUGIN' });
  }
}
