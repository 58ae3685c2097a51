/** GraphQL types of the identity part of the /metadata API (code-first). */
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../metadata-store/json.scalar.js';

@ObjectType({ description: 'A user. roles, attributes, lastSignInAt and lockedUntil are null unless you may manage users.' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String) locale!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => [String], { nullable: true }) roles!: string[] | null;
  @Field(() => JSONScalar, { nullable: true }) attributes!: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true }) lastSignInAt!: Date | null;
  @Field(() => Date, { nullable: true }) lockedUntil!: Date | null;
  @Field(() => Date) createdAt!: Date;
  /** Resolved into `teams`. */
  teamIds!: string[];
}

@ObjectType()
export class Team {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  managerId!: string | null;
  memberIds!: string[];
}

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first 8 characters of the key, to recognise it.' }) prefix!: string;
  @Field(() => String) role!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  createdBy!: string | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: 'The key ("trk_…"): shown this once, never stored.' }) secret!: string;
}

@ObjectType()
export class SecurityEvent {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) kind!: string;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => ID, { nullable: true }) apiKeyId!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => JSONScalar, { nullable: true }) detail!: Record<string, unknown> | null;
}

@ObjectType()
export class OutboxMail {
  @Field(() => ID) id!: string;
  @Field(() => String) to!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'pending (not sent yet, or no mail transport configured), sent, or failed (gave up).' }) status!: string;
  @Field(() => Int, { description: 'Delivery attempts so far.' }) attempts!: number;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' }) error!: string | null;
}

@ObjectType({ description: 'The signed-in user (for an API key: its creator) and the capabilities of the acting roles.' })
export class Me {
  @Field(() => User) user!: User;
  @Field(() => Boolean) admin!: boolean;
  @Field(() => Boolean) manageMetadata!: boolean;
  @Field(() => Boolean) manageUsers!: boolean;
}

@InputType()
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) locale?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => [ID], { nullable: true }) teamIds?: string[] | null;
  @Field(() => JSONScalar, { nullable: true }) attributes?: unknown;
  @Field(() => String, { nullable: true, description: 'Without one, an invitation with a link to choose it goes to the mail outbox.' })
  password?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) locale?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => [ID], { nullable: true }) teamIds?: string[] | null;
  @Field(() => JSONScalar, { nullable: true }) attributes?: unknown;
  @Field(() => Boolean, { nullable: true, description: 'false deactivates: the user is signed out at once.' }) active?: boolean | null;
}

@InputType()
export class TeamInput {
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) managerId?: string | null;
  @Field(() => [ID], { nullable: true }) memberIds?: string[] | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) name!: string;
  @Field(() => String) role!: string;
  @Field(() => Date, { nullable: true }) expiresAt?: Date | null;
}
