/** GraphQL types of tasks and in-app notifications on the /metadata API (code-first). */
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A task or reminder for a user, usually about one record (created by people or workflows).' })
export class Task {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => String, { description: 'open or done' }) status!: string;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => String, { nullable: true }) assigneeName!: string | null;
  @Field(() => String, { nullable: true }) entity!: string | null;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => String, { nullable: true, description: "The record's display value (null when you may not read the record)." })
  recordLabel!: string | null;
  @Field(() => ID, { nullable: true }) workflowRunId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who created it: a person, an API key or a workflow.' }) createdBy!: string | null;
}

@ObjectType({ description: 'An in-app notification (the bell in the studio).' })
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => String, { nullable: true }) entity!: string | null;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}
