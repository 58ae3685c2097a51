/** GraphQL object types of the workflow part of the /metadata API (code-first; names are the studio's contract). */
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../metadata-store/json.scalar.js';

@ObjectType({ description: 'One step of a run, one try: its evaluated input, output, duration and error.' })
export class WorkflowStepRun {
  @Field() key!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int) attempt!: number;
  @Field({ description: 'succeeded | failed' }) status!: string;
  @Field(() => JSONScalar, { nullable: true }) input!: unknown;
  @Field(() => JSONScalar, { nullable: true }) output!: unknown;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => Int) durationMs!: number;
}

@ObjectType({ description: 'One run of a workflow, on the version it started with.' })
export class WorkflowRun {
  @Field(() => ID) id!: string;
  @Field() workflow!: string;
  @Field(() => String, { nullable: true }) workflowLabel!: string | null;
  @Field(() => Int) version!: number;
  @Field() triggerType!: string;
  @Field(() => String, { nullable: true }) entity!: string | null;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => String, { nullable: true, description: "The record's display value, when the caller may read it." }) recordLabel?: string | null;
  @Field({ description: 'queued | running | waiting | succeeded | dead | cancelled' }) status!: string;
  @Field(() => JSONScalar, { nullable: true, description: '{ message, stepKey?, code? } of the last failure.' }) error!: unknown;
  @Field(() => Int, { description: 'Failed tries of the current step.' }) attempts!: number;
  @Field(() => Int, { description: '1 for a run a person or a schedule started; +1 for each workflow in between.' }) depth!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a queued or waiting run is due.' }) runAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who caused the trigger: user:<id>, apiKey:<id>, workflow:<name>…' }) actor!: string | null;
}

@ObjectType()
export class WorkflowRunPage {
  @Field(() => [WorkflowRun]) runs!: WorkflowRun[];
  @Field() hasMore!: boolean;
}

@ObjectType()
export class WorkflowRunCounts {
  @Field(() => Int) queued!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) dead!: number;
  @Field(() => Int) cancelled!: number;
}

@ObjectType()
export class WorkflowVersion {
  @Field(() => Int) version!: number;
  @Field(() => Int) metadataVersion!: number;
  @Field(() => JSONScalar) definition!: unknown;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
}

@ObjectType()
export class WorkflowWebhook {
  @Field({ description: 'Relative: /hooks/workflows/<name>/<secret>' }) url!: string;
  @Field() secret!: string;
}

@ObjectType({ description: 'What one step would do in a test run.' })
export class DryRunStep {
  @Field() key!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field({ description: 'Position: "2", "2.then.0"' }) path!: string;
  @Field({ description: 'would | skipped | failed | waited' }) status!: string;
  @Field() description!: string;
  @Field(() => JSONScalar, { nullable: true }) input!: unknown;
  @Field(() => JSONScalar, { nullable: true }) output!: unknown;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class WorkflowDryRun {
  @Field() conditionMet!: boolean;
  @Field() triggerMatched!: boolean;
  @Field(() => [DryRunStep]) steps!: DryRunStep[];
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class WorkflowActionType {
  @Field() type!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'The plugin of a plugin action.' }) plugin!: string | null;
  @Field(() => JSONScalar, { description: "JSON Schema of the step's settings (a plugin action's input)." }) schema!: unknown;
  @Field() beforeSave!: boolean;
}

@ObjectType()
export class WorkflowButton {
  @Field() workflow!: string;
  @Field() label!: string;
}
