/**
 * `ownershipUpgradeSql(schema, doc)`: the statements that give the record tables of a workspace created before
 * record ownership existed their `owner_id` / `team_id` columns (FKs to the platform users and teams) and indexes.
 * Idempotent (IF NOT EXISTS), so the server may run it at every start or publish; tables created by a plan
 * since have them already.
 */
import { tableName } from './naming.js';
import { qualifiedName, quoteIdent } from './sql.js';
import { OWNERSHIP_COLUMNS } from './storage.js';
import type { MetadataDocument } from './types.js';

export function ownershipUpgradeSql(schema: string, doc: MetadataDocument): string[] {
  return Object.keys(doc.entities)
    .sort()
    .flatMap((entity) => {
      const table = tableName(entity);
      const t = qualifiedName(schema, table);
      return [
        `ALTER TABLE ${t} ${OWNERSHIP_COLUMNS.map((c) => `ADD COLUMN IF NOT EXISTS ${quoteIdent(c.column)} ${c.sqlType}`).join(', ')}`,
        ...OWNERSHIP_COLUMNS.map((c) => `CREATE INDEX IF NOT EXISTS ${quoteIdent(c.index(table))} ON ${t} (${quoteIdent(c.column)})`),
      ];
    });
}
