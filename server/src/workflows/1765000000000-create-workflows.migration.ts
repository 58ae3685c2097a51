import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow runs and their durable queue (see README.md beside this file for the life of a run).
 *
 * - `workflow_event` is the outbox: the row trigger `trellis_workflow_event` (installed only on the tables of
 *   entities that after-save workflows watch, workflow-event-triggers.ts) writes the changed row in the same
 *   transaction as the change, so no event is lost; the dispatcher turns events into runs and deletes them.
 * - `workflow_run` is the queue and the history at once: workers claim runs (FOR UPDATE SKIP LOCKED) under a
 *   lease; an expired lease is a crashed worker, and the run is claimed again.
 * - `workflow_step_run` is each step's history; at most one `succeeded` row per (run, step) is what makes a
 *   replayed run skip the steps that committed.
 * - `workflow_schedule` (cron) and `workflow_timer` (date-relative, one per record) hold the next fire times;
 *   firing and creating the run happen in one transaction, with a unique trigger key: no double fire.
 */
export class CreateWorkflows1765000000000 implements MigrationInterface {
  name = 'CreateWorkflows1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_event" (
        "id"         bigserial   PRIMARY KEY,
        "workspace"  text        NOT NULL,
        "table_name" text        NOT NULL,
        "op"         text        NOT NULL CHECK ("op" IN ('create', 'update', 'delete')),
        "old_row"    jsonb,
        "new_row"    jsonb,
        "actor"      text        NOT NULL,
        "source"     text        NOT NULL,
        "depth"      integer     NOT NULL DEFAULT 0,
        "chain"      text[]      NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Set when the event could not be dispatched (kept, and skipped, instead of blocking the outbox).
        "error"      text
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_run" (
        "id"           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        "workspace"    text        NOT NULL,
        "workflow"     text        NOT NULL,
        "version"      integer     NOT NULL,
        "definition"   jsonb       NOT NULL,
        "trigger_type" text        NOT NULL,
        "entity"       text,
        "record_id"    uuid,
        "trigger_key"  text        NOT NULL,
        "context"      jsonb       NOT NULL,
        "cursor"       text,
        "status"       text        NOT NULL CHECK ("status" IN ('queued', 'running', 'waiting', 'succeeded', 'dead', 'cancelled')),
        "depth"        integer     NOT NULL DEFAULT 1,
        "chain"        text[]      NOT NULL DEFAULT '{}',
        "attempts"     integer     NOT NULL DEFAULT 0,
        "run_at"       timestamptz NOT NULL DEFAULT now(),
        "locked_by"    text,
        "locked_until" timestamptz,
        "error"        jsonb,
        "created_at"   timestamptz NOT NULL DEFAULT clock_timestamp(),
        "started_at"   timestamptz,
        "finished_at"  timestamptz,
        "actor"        text,
        CONSTRAINT "workflow_run_trigger_key" UNIQUE ("workspace", "workflow", "trigger_key")
      ) WITH (fillfactor = 80)`);
    // (fillfactor: room on each page for the per-step updates of a run, which touch no indexed column — HOT updates.)
    // What workers claim: queued/waiting runs that are due, running runs whose lease expired.
    await queryRunner.query(
      `CREATE INDEX "workflow_run_due" ON "trellis"."workflow_run" ("workspace", "run_at") WHERE "status" IN ('queued', 'waiting')`,
    );
    await queryRunner.query(
      `CREATE INDEX "workflow_run_leased" ON "trellis"."workflow_run" ("workspace", "locked_until") WHERE "status" = 'running'`,
    );
    await queryRunner.query(`CREATE INDEX "workflow_run_history" ON "trellis"."workflow_run" ("workspace", "workflow", "created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "workflow_run_record" ON "trellis"."workflow_run" ("record_id", "created_at" DESC) WHERE "record_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "workflow_run_status" ON "trellis"."workflow_run" ("workspace", "status", "created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "workflow_run_finished" ON "trellis"."workflow_run" ("finished_at") WHERE "finished_at" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_step_run" (
        "id"          bigserial   PRIMARY KEY,
        "run_id"      uuid        NOT NULL REFERENCES "trellis"."workflow_run" ("id") ON DELETE CASCADE,
        "step_key"    text        NOT NULL,
        "step_type"   text        NOT NULL,
        "attempt"     integer     NOT NULL,
        "status"      text        NOT NULL CHECK ("status" IN ('succeeded', 'failed')),
        "input"       jsonb,
        "output"      jsonb,
        "error"       jsonb,
        "started_at"  timestamptz NOT NULL,
        "duration_ms" integer     NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "workflow_step_run_run" ON "trellis"."workflow_step_run" ("run_id", "id")`);
    // A step commits at most once per run: a replay (crash, expired lease) finds it done and skips it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflow_step_run_once" ON "trellis"."workflow_step_run" ("run_id", "step_key") WHERE "status" = 'succeeded'`,
    );
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_version" (
        "workspace"        text        NOT NULL,
        "workflow"         text        NOT NULL,
        "version"          integer     NOT NULL,
        "metadata_version" integer     NOT NULL,
        "definition"       jsonb       NOT NULL,
        "published_at"     timestamptz NOT NULL DEFAULT now(),
        "published_by"     text,
        PRIMARY KEY ("workspace", "workflow", "version")
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_schedule" (
        "workspace"    text        NOT NULL,
        "workflow"     text        NOT NULL,
        "cron"         text        NOT NULL,
        "time_zone"    text        NOT NULL,
        "next_fire_at" timestamptz,
        PRIMARY KEY ("workspace", "workflow")
      )`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_timer" (
        "workspace" text        NOT NULL,
        "workflow"  text        NOT NULL,
        "record_id" uuid        NOT NULL,
        "entity"    text        NOT NULL,
        "fire_at"   timestamptz NOT NULL,
        PRIMARY KEY ("workspace", "workflow", "record_id")
      )`);
    await queryRunner.query(`CREATE INDEX "workflow_timer_due" ON "trellis"."workflow_timer" ("fire_at")`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."workflow_secret" (
        "workspace"  text        NOT NULL,
        "workflow"   text        NOT NULL,
        "secret"     text        NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("workspace", "workflow")
      )`);
    // The outbox row trigger. Depth and chain come from the writing transaction's settings (a workflow step
    // sets them): the dispatcher's loop guard reads them. Identical notifications in one transaction fold
    // into one, so a bulk write wakes the dispatcher once.
    await queryRunner.query(`
      CREATE FUNCTION "trellis"."workflow_event"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        actor text;
      BEGIN
        IF current_setting('trellis.workflow_events', true) = 'off' THEN RETURN NULL; END IF;
        actor := coalesce(nullif(current_setting('trellis.actor', true), ''),
                          CASE WHEN TG_OP = 'DELETE' THEN 'system:unknown' ELSE to_jsonb(NEW) ->> 'updated_by' END,
                          'system:unknown');
        INSERT INTO "trellis"."workflow_event" ("workspace", "table_name", "op", "old_row", "new_row", "actor", "source", "depth", "chain")
        VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME,
                CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
                CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END,
                CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END,
                actor,
                coalesce(nullif(current_setting('trellis.source', true), ''),
                         CASE split_part(actor, ':', 1) WHEN 'user' THEN 'ui' WHEN 'apiKey' THEN 'api' WHEN 'workflow' THEN 'workflow' ELSE 'system' END),
                coalesce(nullif(current_setting('trellis.workflow_depth', true), '')::integer, 0),
                coalesce(string_to_array(nullif(current_setting('trellis.workflow_chain', true), ''), ','), '{}'));
        PERFORM pg_notify('trellis_workflow', 'event');
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "trellis"."workflow_event"() CASCADE`);
    for (const table of ['workflow_secret', 'workflow_timer', 'workflow_schedule', 'workflow_version', 'workflow_step_run', 'workflow_run', 'workflow_event']) {
      await queryRunner.query(`DROP TABLE "trellis"."${table}"`);
    }
  }
}
