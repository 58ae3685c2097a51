import { ownershipUpgradeSql } from './ownership-upgrade.js';

describe('ownershipUpgradeSql', () => {
  it('adds the owner and team columns and their indexes to every record table, idempotently', () => {
    const doc = { entities: { salesDeal: { label: 'D', pluralLabel: 'Ds', plural: 'salesDeals', fields: {} } } };
    expect(ownershipUpgradeSql('main', doc)).toEqual([
      'ALTER TABLE "main"."sales_deal" ADD COLUMN IF NOT EXISTS "owner_id" uuid REFERENCES "trellis"."user"("id") ON DELETE SET NULL, ' +
        'ADD COLUMN IF NOT EXISTS "team_id" uuid REFERENCES "trellis"."team"("id") ON DELETE SET NULL',
      'CREATE INDEX IF NOT EXISTS "sales_deal__owner_id_idx" ON "main"."sales_deal" ("owner_id")',
      'CREATE INDEX IF NOT EXISTS "sales_deal__team_id_idx" ON "main"."sales_deal" ("team_id")',
    ]);
  });
});
