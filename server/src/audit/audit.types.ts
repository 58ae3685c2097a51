import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../metadata-store/json.scalar.js';

@ObjectType({ description: 'One create, update or delete of a record.' })
export class RecordChange {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field({ description: 'create | update | delete' }) action!: string;
  @Field({ description: 'Who: user:<id>, apiKey:<id>, workflow:<name> or system:<name>.' }) actor!: string;
  @Field(() => String, { nullable: true, description: "The actor's display name, when it is a user or an API key." }) actorName!: string | null;
  @Field({ description: 'Where from: ui, api, workflow, import or system.' }) source!: string;
  @Field(() => JSONScalar, { description: '{ field: { from, to } }; fields hidden from you are left out.' }) changes!: Record<string, unknown>;
}

@ObjectType({ description: 'A record shared with one user or one team.' })
export class RecordShare {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field(() => String, { nullable: true }) userEmail!: string | null;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field(() => String, { nullable: true }) teamName!: string | null;
  @Field({ description: 'read | edit' }) access!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
