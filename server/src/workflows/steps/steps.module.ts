import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { PluginDefinition } from '@trellis/plugin-sdk';
import { InboxModule } from '../../inbox/inbox.module.js';
import { PluginHooks } from '../../plugins/plugin-hooks.js';
import { loadPlugins } from '../../plugins/plugin-loader.js';
import { STEP_EXECUTORS, type StepExecutor } from '../step-executor.js';
import { AssignStepExecutor } from './assign.step.js';
import { CreateRecordStepExecutor } from './create-record.step.js';
import { CreateTaskStepExecutor } from './create-task.step.js';
import { HttpRequestStepExecutor } from './http-request.step.js';
import { NotifyStepExecutor } from './notify.step.js';
import { PluginActionStepExecutor } from './plugin-action.step.js';
import { WORKFLOW_PLUGINS, WorkflowActionRegistry } from './plugin-actions.js';
import { SendEmailStepExecutor } from './send-email.step.js';
import { UpdateRecordStepExecutor } from './update-record.step.js';
import { UpdateRelatedStepExecutor } from './update-related.step.js';

const EXECUTORS = [
  UpdateRecordStepExecutor,
  CreateRecordStepExecutor,
  UpdateRelatedStepExecutor,
  AssignStepExecutor,
  CreateTaskStepExecutor,
  NotifyStepExecutor,
  SendEmailStepExecutor,
  HttpRequestStepExecutor,
  PluginActionStepExecutor,
];

/**
 * The built-in step executors (one per step type the engine does not run itself) and the plugin actions.
 * Exports STEP_EXECUTORS (the list) and WorkflowActionRegistry (the studio lists plugin actions from it).
 */
@Module({
  imports: [InboxModule],
  providers: [
    ...EXECUTORS,
    WorkflowActionRegistry,
    { provide: STEP_EXECUTORS, useFactory: (...executors: StepExecutor[]) => executors, inject: EXECUTORS },
  ],
  exports: [STEP_EXECUTORS, WorkflowActionRegistry],
})
export class WorkflowStepsModule {}

/** The plugins the server loads (given here, TRELLIS_PLUGINS, plugins/*) and their record hooks (PluginHooks). Global: read by the registries and RecordService. */
@Global()
@Module({})
export class WorkflowPluginsModule {
  static forRoot(plugins: PluginDefinition[] = [], pluginsDir?: string | null): DynamicModule {
    const logger = new Logger('Plugins');
    // Every plugin goes through the loader: a broken one is disabled with one log line, the server still starts.
    const loaded = { provide: WORKFLOW_PLUGINS, useFactory: () => loadPlugins({ given: plugins, pluginsDir, log: (line) => logger.error(line) }) };
    return { module: WorkflowPluginsModule, providers: [loaded, PluginHooks], exports: [WORKFLOW_PLUGINS, PluginHooks] };
  }
}
