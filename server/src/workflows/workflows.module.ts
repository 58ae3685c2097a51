import { Module, type DynamicModule } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { WorkflowStepsModule } from './steps/steps.module.js';
import { StepRegistry } from './step-registry.js';
import { WorkflowWebhookController } from './webhook.controller.js';
import { WorkflowCatalog } from './workflow-catalog.js';
import { WorkflowEngine } from './workflow-engine.js';
import { WORKFLOW_OPTIONS, workflowOptionsFromEnv, type WorkflowOptionsInput } from './workflow-options.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { WorkflowStartsService } from './workflow-starts.service.js';
import { WorkflowsResolver } from './workflows.resolver.js';

/** Workflows: versions, the event outbox, the durable run queue, the scheduler, webhooks and the /metadata API. */
@Module({})
export class WorkflowsModule {
  static forRoot(options: WorkflowOptionsInput = {}): DynamicModule {
    return {
      module: WorkflowsModule,
      imports: [RecordsModule, WorkflowStepsModule],
      controllers: [WorkflowWebhookController],
      providers: [
        { provide: WORKFLOW_OPTIONS, useFactory: () => ({ ...workflowOptionsFromEnv(), ...options }) },
        StepRegistry,
        WorkflowCatalog,
        WorkflowEngine,
        WorkflowRunsService,
        WorkflowStartsService,
        WorkflowsResolver,
      ],
      exports: [WORKFLOW_OPTIONS, WorkflowEngine, StepRegistry],
    };
  }
}
