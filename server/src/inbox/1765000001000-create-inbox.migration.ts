import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks and in-app notifications (the "My tasks" page and the bell), the round-robin cursors of assign steps,
 * and the delivery state of the mail outbox (a delivery loop sends pending mail through the configured transport).
 */
export class CreateInbox1765000001000 implements MigrationInterface {
  name = 'CreateInbox1765000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A task relates to at most one record; records are in per-workspace tables, so (entity, record_id) is
    // a soft reference: a deleted record leaves its tasks (with their history) behind.
    await queryRunner.query(`
      CREATE TABLE "trellis"."task" (
        "id"              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "workspace"       text        NOT NULL DEFAULT 'main',
        "title"           text        NOT NULL,
        "description"     text,
        "due_at"          timestamptz,
        "status"          text        NOT NULL DEFAULT 'open',
        "assignee_id"     uuid        REFERENCES "trellis"."user"("id") ON DELETE SET NULL,
        "entity"          text,
        "record_id"       uuid,
        "workflow_run_id" uuid,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "completed_at"    timestamptz,
        "created_by"      text,
        CONSTRAINT "task_status_check" CHECK ("status" IN ('open', 'done')),
        CONSTRAINT "task_record_check" CHECK (("entity" IS NULL) = ("record_id" IS NULL)),
        CONSTRAINT "task_done_check" CHECK (("status" = 'done') = ("completed_at" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "task_assignee_idx" ON "trellis"."task" ("assignee_id", "status", "due_at")`);
    await queryRunner.query(`CREATE INDEX "task_record_idx" ON "trellis"."task" ("workspace", "entity", "record_id")`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."notification" (
        "id"              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "workspace"       text        NOT NULL DEFAULT 'main',
        "user_id"         uuid        NOT NULL REFERENCES "trellis"."user"("id") ON DELETE CASCADE,
        "title"           text        NOT NULL,
        "body"            text,
        "entity"          text,
        "record_id"       uuid,
        "workflow_run_id" uuid,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "read_at"         timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "notification_user_idx" ON "trellis"."notification" ("user_id", "created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "notification_unread_idx" ON "trellis"."notification" ("user_id") WHERE "read_at" IS NULL`);
    // One row per (workspace, entity, pool): whose turn was last. Locked in the assigning step's transaction,
    // so concurrent runs take turns instead of picking the same person.
    await queryRunner.query(`
      CREATE TABLE "trellis"."assignment_cursor" (
        "workspace"    text        NOT NULL,
        "entity"       text        NOT NULL,
        "pool"         text        NOT NULL,
        "last_user_id" uuid,
        "updated_at"   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("workspace", "entity", "pool")
      )`);
    // Mail delivery: existing mails were written before any transport existed; they stay pending.
    await queryRunner.query(`
      ALTER TABLE "trellis"."mail_outbox"
        ADD COLUMN "status"          text        NOT NULL DEFAULT 'pending',
        ADD COLUMN "attempts"        integer     NOT NULL DEFAULT 0,
        ADD COLUMN "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN "error"           text,
        ADD COLUMN "workflow_run_id" uuid,
        ADD CONSTRAINT "mail_outbox_status_check" CHECK ("status" IN ('pending', 'sent', 'failed'))`);
    await queryRunner.query(`CREATE INDEX "mail_outbox_pending_idx" ON "trellis"."mail_outbox" ("next_attempt_at") WHERE "status" = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "trellis"."mail_outbox_pending_idx"`);
    await queryRunner.query(`
      ALTER TABLE "trellis"."mail_outbox"
        DROP CONSTRAINT "mail_outbox_status_check",
        DROP COLUMN "workflow_run_id", DROP COLUMN "error", DROP COLUMN "next_attempt_at", DROP COLUMN "attempts", DROP COLUMN "status"`);
    for (const table of ['assignment_cursor', 'notification', 'task']) await queryRunner.query(`DROP TABLE "trellis"."${table}"`);
  }
}
