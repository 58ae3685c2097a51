import { Module } from '@nestjs/common';
import { WorkflowStepsModule } from './steps/steps.module.js';

/** Workflows: versions, the event outbox, the durable run queue, the scheduler and the /metadata API (ENGINE helper). */
@Module({ imports: [WorkflowStepsModule], providers: [] })
export class WorkflowsModule {}
