/**
 * The executors of step types, by type: the built-in ones (STEP_EXECUTORS, from the steps module) and any
 * given in the engine's options (tests' fakes), the latter winning. `if`, `wait` and `failWithMessage` are
 * the engine's own and have no executor.
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import { STEP_EXECUTORS, type StepExecutor } from './step-executor.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';

/** STEP_EXECUTORS may be provided as a list, a Map or a record by type. */
type ExecutorSet = readonly StepExecutor[] | ReadonlyMap<string, StepExecutor> | Record<string, StepExecutor>;

@Injectable()
export class StepRegistry {
  private readonly executors = new Map<string, StepExecutor>();

  constructor(@Inject(WORKFLOW_OPTIONS) options: WorkflowOptions, @Optional() @Inject(STEP_EXECUTORS) builtIn?: ExecutorSet) {
    for (const executor of listOf(builtIn)) this.executors.set(executor.type, executor);
    for (const executor of options.executors) this.executors.set(executor.type, executor);
  }

  get(type: string): StepExecutor | undefined {
    return this.executors.get(type);
  }

  /** Replaces (or adds) the executor of a type (tests). */
  register(executor: StepExecutor): void {
    this.executors.set(executor.type, executor);
  }
}

function listOf(set: ExecutorSet | undefined): StepExecutor[] {
  if (!set) return [];
  if (Array.isArray(set)) return [...(set as StepExecutor[])];
  if (set instanceof Map) return [...set.values()];
  return Object.values(set as Record<string, StepExecutor>);
}
