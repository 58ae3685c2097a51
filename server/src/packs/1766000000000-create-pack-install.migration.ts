import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The packs installed in each workspace: one row per (workspace, pack) with the version, its manifest and the pack's
 * document as installed — the base of the 3-way merge when the pack is upgraded, and what an uninstall removes.
 */
export class CreatePackInstall1766000000000 implements MigrationInterface {
  name = 'CreatePackInstall1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "trellis"."pack_install" (
        "workspace"    text        NOT NULL,
        "pack"         text        NOT NULL,
        "version"      text        NOT NULL,
        "manifest"     jsonb       NOT NULL,
        "document"     jsonb       NOT NULL,
        "installed_at" timestamptz NOT NULL DEFAULT now(),
        "installed_by" text        NOT NULL,
        PRIMARY KEY ("workspace", "pack")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "trellis"."pack_install"`);
  }
}
