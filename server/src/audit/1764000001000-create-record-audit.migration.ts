import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record history and manual sharing. Both point at a record's table by its OID, not its name: renaming an
 * entity (ALTER TABLE … RENAME) or moving it aside and back keeps the OID, so nothing is orphaned.
 *
 * History is written by a row trigger on every record table (audit/record-tables.ts): no write path —
 * API, bulk, workflow, import, a formula recompute — can forget it. The actor is `trellis.actor` when the
 * transaction set it (a delete statement does; so do writes that recompute other records' formulas and
 * roll-ups, and a publish), else the row's `updated_by`.
 */
export class CreateRecordAudit1764000001000 implements MigrationInterface {
  name = 'CreateRecordAudit1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "trellis"."record_history" (
        "id"        bigserial   PRIMARY KEY,
        "table_oid" oid         NOT NULL,
        "record_id" uuid        NOT NULL,
        "action"    text        NOT NULL CHECK ("action" IN ('create', 'update', 'delete')),
        "actor"     text        NOT NULL,
        "source"    text        NOT NULL,
        "at"        timestamptz NOT NULL DEFAULT clock_timestamp(),
        "changes"   jsonb       NOT NULL  -- { column: [old, new] }
      )`);
    await queryRunner.query(`CREATE INDEX "record_history_record" ON "trellis"."record_history" ("table_oid", "record_id", "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "record_history_at" ON "trellis"."record_history" ("at")`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."record_share" (
        "id"         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        "table_oid"  oid         NOT NULL,
        "record_id"  uuid        NOT NULL,
        "user_id"    uuid        REFERENCES "trellis"."user" ("id") ON DELETE CASCADE,
        "team_id"    uuid        REFERENCES "trellis"."team" ("id") ON DELETE CASCADE,
        "access"     text        NOT NULL CHECK ("access" IN ('read', 'edit')),
        "created_by" text        NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "record_share_one_grantee" CHECK (("user_id" IS NULL) <> ("team_id" IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "record_share_user" ON "trellis"."record_share" ("table_oid", "record_id", "user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "record_share_team" ON "trellis"."record_share" ("table_oid", "record_id", "team_id") WHERE "team_id" IS NOT NULL`);
    // A write that would leave a record outside the writer's read scope raises this (SQLSTATE TR403) from
    // inside the write's own statement, so the write and the check are one atomic step.
    await queryRunner.query(`
      CREATE FUNCTION "trellis"."permission_denied"(message text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'TR403', MESSAGE = message;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "trellis"."record_history"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
        changes jsonb;
        actor text;
        source text := nullif(current_setting('trellis.source', true), '');
      BEGIN
        IF current_setting('trellis.history', true) = 'off' THEN RETURN NULL; END IF;
        SELECT jsonb_object_agg(k, jsonb_build_array(old_row -> k, new_row -> k)) INTO changes
          FROM (SELECT jsonb_object_keys(old_row || new_row) AS k) keys
         WHERE k NOT IN ('id', 'created_at', 'updated_at', 'created_by', 'updated_by')
           AND (old_row -> k) IS DISTINCT FROM (new_row -> k)
           AND NOT (TG_OP <> 'UPDATE' AND coalesce(old_row -> k, new_row -> k) = 'null'::jsonb);
        IF TG_OP = 'UPDATE' AND changes IS NULL THEN RETURN NULL; END IF;
        actor := coalesce(nullif(current_setting('trellis.actor', true), ''),
                          CASE WHEN TG_OP = 'DELETE' THEN 'system:unknown' ELSE new_row ->> 'updated_by' END);
        IF source IS NULL THEN
          source := CASE split_part(actor, ':', 1) WHEN 'user' THEN 'ui' WHEN 'apiKey' THEN 'api' WHEN 'workflow' THEN 'workflow' ELSE 'system' END;
        END IF;
        INSERT INTO "trellis"."record_history" ("table_oid", "record_id", "action", "actor", "source", "changes")
        VALUES (TG_RELID, ((CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END) ->> 'id')::uuid,
                CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
                actor, source, coalesce(changes, '{}'::jsonb));
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "trellis"."record_history"() CASCADE`);
    await queryRunner.query(`DROP FUNCTION "trellis"."permission_denied"(text)`);
    await queryRunner.query(`DROP TABLE "trellis"."record_share"`);
    await queryRunner.query(`DROP TABLE "trellis"."record_history"`);
  }
}
