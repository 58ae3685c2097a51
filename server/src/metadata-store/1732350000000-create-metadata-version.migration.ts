import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the platform schema `trellis` and the table of published metadata versions. */
export class CreateMetadataVersion1732350000000 implements MigrationInterface {
  name = 'CreateMetadataVersion1732350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "trellis"`);
    await queryRunner.query(`
      CREATE TABLE "trellis"."metadata_version" (
        "workspace"  text        NOT NULL,
        "version"    integer     NOT NULL,
        "document"   json        NOT NULL, -- json, not jsonb: key order is meaningful (field order in the designer)
        "author"     text        NOT NULL,
        "message"    text,
        "changes"    jsonb       NOT NULL,
        "plan"       jsonb       NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "metadata_version_pkey" PRIMARY KEY ("workspace", "version"),
        CONSTRAINT "metadata_version_positive" CHECK ("version" > 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "trellis"."metadata_version"`);
  }
}
