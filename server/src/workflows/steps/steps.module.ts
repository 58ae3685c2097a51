import { Module } from '@nestjs/common';

/** The built-in step executors and plugin actions (STEPS helper). Exports the STEP_EXECUTORS provider. */
@Module({ providers: [], exports: [] })
export class WorkflowStepsModule {}
