import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tasks, in-app notifications and mail delivery state (STEPS helper fills this in; see /tmp/issue5/contract.md). */
export class CreateInbox1765000001000 implements MigrationInterface {
  name = 'CreateInbox1765000001000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
