/** GraphQL object types of the /metadata API (code-first). */
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from './json.scalar.js';

@ObjectType({ description: 'One published version of the metadata document.' })
export class MetadataVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => JSONScalar)
  document!: unknown;

  @Field(() => String, { description: 'Who published it: user:<id>, apiKey:<id> or system:<name>.' })
  author!: string;

  @Field(() => String, { nullable: true, description: "The publisher's display name, when it is a user or an API key." })
  authorName?: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => JSONScalar, { description: 'The diff from the previous version.' })
  changes!: unknown;

  @Field(() => JSONScalar, { description: 'The migration plan that was executed.' })
  plan!: unknown;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The document as the server runs it when it must leave components out (see `suspended`); null when that is `document` itself. Current version only.',
  })
  servedDocument?: unknown;

  @Field(() => [SuspendedComponent], {
    description: 'Components the server leaves out because a plugin they need (a field type, an operation) is not loaded; their data is kept. Empty for past versions.',
  })
  suspended!: SuspendedComponent[];
}

@ObjectType({ description: 'A component of the document the server cannot run now, and why.' })
export class SuspendedComponent {
  @Field(() => String, { description: 'JSON pointer of the component in the document, e.g. /entities/site/fields/location' })
  path!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class MetadataProblem {
  @Field(() => String, { description: 'JSON pointer into the document, e.g. /entities/deal/fields/amount/min' })
  path!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String)
  code!: string;
}

@ObjectType({ description: 'One migration step as shown in the publish preview.' })
export class PlanStepView {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true })
  entity?: string | null;

  @Field(() => String, { nullable: true })
  field?: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean)
  destructive!: boolean;

  @Field(() => [String])
  sql!: string[];
}

@ObjectType()
export class MetadataPreview {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => [MetadataProblem])
  problems!: MetadataProblem[];

  @Field(() => Int)
  baseVersion!: number;

  @Field(() => [PlanStepView])
  steps!: PlanStepView[];

  @Field(() => Boolean)
  destructive!: boolean;

  @Field(() => JSONScalar)
  changes!: unknown;
}
