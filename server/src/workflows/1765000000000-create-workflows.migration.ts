import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workflow runs and their durable queue (ENGINE helper fills this in; see /tmp/issue5/contract.md). */
export class CreateWorkflows1765000000000 implements MigrationInterface {
  name = 'CreateWorkflows1765000000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
