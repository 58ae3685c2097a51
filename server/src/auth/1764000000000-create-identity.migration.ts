import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity tables of the platform (schema `trellis`): users, teams, role assignments, API keys, sessions,
 * password resets, the mail outbox and the security log. Secrets are stored only as SHA-256 hashes.
 */
export class CreateIdentity1764000000000 implements MigrationInterface {
  name = 'CreateIdentity1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "trellis"."user" (
        "id"              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "email"           text        NOT NULL,
        "name"            text        NOT NULL,
        "locale"          text        NOT NULL DEFAULT 'en-US',
        "time_zone"       text        NOT NULL DEFAULT 'UTC',
        "active"          boolean     NOT NULL DEFAULT true,
        "password_hash"   text,
        "attributes"      jsonb       NOT NULL DEFAULT '{}',
        "failed_sign_ins" integer     NOT NULL DEFAULT 0,
        "locked_until"    timestamptz,
        "last_sign_in_at" timestamptz,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "updated_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "user_email_key" UNIQUE ("email"),
        CONSTRAINT "user_email_lower" CHECK ("email" = lower("email"))
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."team" (
        "id"         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "name"       text        NOT NULL,
        "manager_id" uuid        REFERENCES "trellis"."user"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "team_name_key" UNIQUE ("name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."team_member" (
        "team_id" uuid NOT NULL REFERENCES "trellis"."team"("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "trellis"."user"("id") ON DELETE CASCADE,
        PRIMARY KEY ("team_id", "user_id")
      )`);
    await queryRunner.query(`CREATE INDEX "team_member_user_idx" ON "trellis"."team_member" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."user_role" (
        "user_id"   uuid NOT NULL REFERENCES "trellis"."user"("id") ON DELETE CASCADE,
        "workspace" text NOT NULL DEFAULT 'main',
        "role"      text NOT NULL,
        PRIMARY KEY ("user_id", "workspace", "role")
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."api_key" (
        "id"           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "name"         text        NOT NULL,
        "prefix"       text        NOT NULL,
        "secret_hash"  text        NOT NULL,
        "role"         text        NOT NULL,
        "workspace"    text        NOT NULL DEFAULT 'main',
        "created_by"   uuid        REFERENCES "trellis"."user"("id") ON DELETE SET NULL,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "expires_at"   timestamptz,
        "revoked_at"   timestamptz,
        CONSTRAINT "api_key_secret_hash_key" UNIQUE ("secret_hash")
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."session" (
        "id"           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "token_hash"   text        NOT NULL,
        "user_id"      uuid        NOT NULL REFERENCES "trellis"."user"("id") ON DELETE CASCADE,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        "expires_at"   timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at"   timestamptz,
        "ip"           text,
        "user_agent"   text,
        CONSTRAINT "session_token_hash_key" UNIQUE ("token_hash")
      )`);
    await queryRunner.query(`CREATE INDEX "session_user_idx" ON "trellis"."session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."password_reset" (
        "token_hash" text        NOT NULL PRIMARY KEY,
        "user_id"    uuid        NOT NULL REFERENCES "trellis"."user"("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at"    timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."mail_outbox" (
        "id"         bigserial   PRIMARY KEY,
        "to_address" text        NOT NULL,
        "subject"    text        NOT NULL,
        "body"       text        NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at"    timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."security_event" (
        "id"         bigserial   PRIMARY KEY,
        "at"         timestamptz NOT NULL DEFAULT now(),
        "kind"       text        NOT NULL,
        "user_id"    uuid,
        "api_key_id" uuid,
        "email"      text,
        "ip"         text,
        "detail"     jsonb
      )`);
    await queryRunner.query(`CREATE INDEX "security_event_kind_idx" ON "trellis"."security_event" ("kind", "id")`);
    await queryRunner.query(`CREATE INDEX "security_event_user_idx" ON "trellis"."security_event" ("user_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['security_event', 'mail_outbox', 'password_reset', 'session', 'api_key', 'user_role', 'team_member', 'team', 'user']) {
      await queryRunner.query(`DROP TABLE "trellis"."${table}"`);
    }
  }
}
