/**
 * Plan steps for relations and indexes: FK constraints of manyToOne fields (after every table exists),
 * junction tables of manyToMany relations (created, renamed when their owner's name or ownership changes,
 * moved aside when both sides are gone, renamed back when a set-aside one comes back), FK indexes and unique indexes.
 */
import { tableName } from './naming.js';
import type { PlanContext } from './plan-context.js';
import { fieldRecovery, restorableJunction } from './plan-restore.js';
import { droppedName, quoteIdent } from './sql.js';
import { foreignKeyOf, junctionModels, uniqueIndexOf, type ForeignKeyModel, type JunctionModel } from './storage.js';

const addFkSql = (ctx: PlanContext, fk: ForeignKeyModel): string =>
  `ALTER TABLE ${ctx.q(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.constraint)} FOREIGN KEY (${quoteIdent(fk.column)}) ` +
  `REFERENCES ${ctx.q(fk.targetTable)} (${quoteIdent('id')}) ON DELETE ${fk.onDelete}`;

/** Clears restored links to records that no longer exist, so the FK can be added again. */
const clearDanglingSql = (ctx: PlanContext, fk: ForeignKeyModel): string =>
  `UPDATE ${ctx.q(fk.table)} AS r SET ${quoteIdent(fk.column)} = NULL WHERE r.${quoteIdent(fk.column)} IS NOT NULL ` +
  `AND NOT EXISTS (SELECT 1 FROM ${ctx.q(fk.targetTable)} AS t WHERE t.${quoteIdent('id')} = r.${quoteIdent(fk.column)})`;

/** FKs of new manyToOne fields, and FKs whose onDelete changed (dropped and added again). */
export function planForeignKeys(ctx: PlanContext): void {
  for (const [entity, field, def] of ctx.newFields()) {
    const fk = foreignKeyOf(entity, field, def);
    if (!fk) continue;
    const restored = fieldRecovery(ctx, entity, field, def).restored;
    ctx.add('foreignKey', {
      kind: 'addForeignKey',
      entity,
      field,
      description:
        `Link ${entity}.${field} to ${def.target} (foreign key "${fk.constraint}", on delete ${fk.onDelete.toLowerCase()}` +
        `${restored ? '; restored links to records that no longer exist are cleared' : ''})`,
      destructive: false,
      sql: restored ? [clearDanglingSql(ctx, fk), addFkSql(ctx, fk)] : [addFkSql(ctx, fk)],
    });
  }
  for (const [entity] of ctx.persistingEntities()) {
    for (const [field, , fromDef, toDef] of ctx.persistingFields(entity)) {
      const before = foreignKeyOf(entity, field, fromDef);
      const after = foreignKeyOf(entity, field, toDef);
      if (!before || !after || before.onDelete === after.onDelete) continue;
      ctx.add('foreignKey', {
        kind: 'addForeignKey',
        entity,
        field,
        description: `Change on delete of ${entity}.${field} to ${after.onDelete.toLowerCase()} (foreign key "${after.constraint}" recreated)`,
        destructive: false,
        sql: [`ALTER TABLE ${ctx.q(after.table)} DROP CONSTRAINT ${quoteIdent(before.constraint)}`, addFkSql(ctx, after)],
      });
    }
  }
}

/** Indexes of new manyToOne columns and of fields that became unique; drops of unique indexes no longer wanted. */
export function planIndexes(ctx: PlanContext): void {
  const createUnique = (entity: string, field: string, index: { name: string; column: string }) =>
    ctx.add('index', {
      kind: 'createIndex',
      entity,
      field,
      description: `Add unique index "${index.name}" on ${entity}.${field}`,
      destructive: false,
      sql: [`CREATE UNIQUE INDEX ${quoteIdent(index.name)} ON ${ctx.q(tableName(entity))} (${quoteIdent(index.column)})`],
    });
  for (const [entity, field, def] of ctx.newFields()) {
    const fk = foreignKeyOf(entity, field, def);
    if (fk) {
      ctx.add('index', {
        kind: 'createIndex',
        entity,
        field,
        description: `Index column ${quoteIdent(fk.column)} of ${fk.table}`,
        destructive: false,
        sql: [`CREATE INDEX ${quoteIdent(fk.index)} ON ${ctx.q(fk.table)} (${quoteIdent(fk.column)})`],
      });
    }
    const unique = uniqueIndexOf(entity, field, def);
    if (unique) createUnique(entity, field, unique);
  }
  for (const [entity] of ctx.persistingEntities()) {
    for (const [field, , fromDef, toDef] of ctx.persistingFields(entity)) {
      if (fromDef.unique === true && toDef.unique === true) continue;
      const added = uniqueIndexOf(entity, field, toDef);
      if (added) createUnique(entity, field, added);
      const removed = uniqueIndexOf(entity, field, fromDef);
      if (removed) {
        ctx.add('drop', {
          kind: 'dropIndex',
          entity,
          field,
          description: `Drop unique index "${removed.name}" of ${entity}.${field} (duplicates are allowed from now on)`,
          destructive: false,
          sql: [`DROP INDEX IF EXISTS ${ctx.q(removed.name)}`],
        });
      }
    }
  }
}

const junctionRef = (ctx: PlanContext, table: string) => `REFERENCES ${ctx.q(table)} (${quoteIdent('id')}) ON DELETE CASCADE`;

function createJunctionSql(ctx: PlanContext, j: JunctionModel): string[] {
  const ref = (table: string) => junctionRef(ctx, table);
  return [
    `CREATE TABLE ${ctx.q(j.table)} (${quoteIdent('source_id')} uuid NOT NULL, ${quoteIdent('target_id')} uuid NOT NULL, ` +
      `PRIMARY KEY (${quoteIdent('source_id')}, ${quoteIdent('target_id')}), ` +
      `CONSTRAINT ${quoteIdent(j.sourceFk)} FOREIGN KEY (${quoteIdent('source_id')}) ${ref(j.sourceTable)}, ` +
      `CONSTRAINT ${quoteIdent(j.targetFk)} FOREIGN KEY (${quoteIdent('target_id')}) ${ref(j.targetTable)})`,
    `CREATE INDEX ${quoteIdent(j.targetIndex)} ON ${ctx.q(j.table)} (${quoteIdent('target_id')})`,
  ];
}

/** SQL renaming a set-aside junction table back: links to records gone meanwhile removed, FKs and index added again. */
function restoreJunctionSql(ctx: PlanContext, aside: string, j: JunctionModel): string[] {
  const t = ctx.q(j.table);
  const [source, target, id] = [quoteIdent('source_id'), quoteIdent('target_id'), quoteIdent('id')];
  return [
    `ALTER TABLE ${ctx.q(aside)} RENAME TO ${quoteIdent(j.table)}`,
    `DELETE FROM ${t} AS l WHERE NOT EXISTS (SELECT 1 FROM ${ctx.q(j.sourceTable)} AS s WHERE s.${id} = l.${source}) ` +
      `OR NOT EXISTS (SELECT 1 FROM ${ctx.q(j.targetTable)} AS t WHERE t.${id} = l.${target})`,
    `ALTER TABLE ${t} ADD CONSTRAINT ${quoteIdent(j.sourceFk)} FOREIGN KEY (${source}) ${junctionRef(ctx, j.sourceTable)}, ` +
      `ADD CONSTRAINT ${quoteIdent(j.targetFk)} FOREIGN KEY (${target}) ${junctionRef(ctx, j.targetTable)}`,
    `CREATE INDEX ${quoteIdent(j.targetIndex)} ON ${t} (${target})`,
  ];
}

/** SQL turning junction `a` (as `from` has it) into `b`: rename, and swap source/target when ownership moved. */
function transformJunctionSql(ctx: PlanContext, a: JunctionModel, b: JunctionModel, swap: boolean): string[] {
  const t = ctx.q(b.table);
  const sql = a.table === b.table ? [] : [`ALTER TABLE ${ctx.q(a.table)} RENAME TO ${quoteIdent(b.table)}`];
  const renameConstraint = (x: string, y: string) => `ALTER TABLE ${t} RENAME CONSTRAINT ${quoteIdent(x)} TO ${quoteIdent(y)}`;
  if (!swap) {
    if (a.sourceFk !== b.sourceFk) sql.push(renameConstraint(a.sourceFk, b.sourceFk), renameConstraint(a.targetFk, b.targetFk));
    if (a.targetIndex !== b.targetIndex) sql.push(`ALTER INDEX ${ctx.q(a.targetIndex)} RENAME TO ${quoteIdent(b.targetIndex)}`);
    return sql;
  }
  const renameColumn = (x: string, y: string) => `ALTER TABLE ${t} RENAME COLUMN ${quoteIdent(x)} TO ${quoteIdent(y)}`;
  sql.push(
    renameColumn('source_id', '__swap_id'),
    renameColumn('target_id', 'source_id'),
    renameColumn('__swap_id', 'target_id'),
    renameConstraint(a.sourceFk, '__swap_fkey'),
    renameConstraint(a.targetFk, b.sourceFk),
    renameConstraint('__swap_fkey', b.targetFk),
    `DROP INDEX IF EXISTS ${ctx.q(a.targetIndex)}`,
    `CREATE INDEX ${quoteIdent(b.targetIndex)} ON ${t} (${quoteIdent('target_id')})`,
  );
  return sql;
}

/** `entity.field` of `from` → its name in `to`, for persisting relation fields. */
function keyTranslation(ctx: PlanContext): Map<string, string> {
  const map = new Map<string, string>();
  for (const [entity, fromEntity] of ctx.persistingEntities()) {
    for (const [field, old] of ctx.persistingFields(entity)) map.set(`${fromEntity}.${old}`, `${entity}.${field}`);
  }
  return map;
}

/**
 * Pairs each junction of `to` with the junction of `from` that stored the same relation: first by the same owner
 * field, then by a shared other side (an inverse added or removed).
 */
function matchJunctions(ctx: PlanContext, before: JunctionModel[], after: JunctionModel[]): Map<JunctionModel, JunctionModel> {
  const translate = keyTranslation(ctx);
  const sides = (j: JunctionModel, rename: (k: string) => string | undefined) =>
    [j.ownerKey, j.inverseKey].map((k) => (k === undefined ? undefined : rename(k))).filter((k): k is string => k !== undefined);
  const matches = new Map<JunctionModel, JunctionModel>();
  const taken = new Set<JunctionModel>();
  const pass = (accept: (a: JunctionModel, j: JunctionModel) => boolean) => {
    for (const j of after.filter((x) => !matches.has(x))) {
      const old = before.find((a) => !taken.has(a) && accept(a, j));
      if (old) {
        matches.set(j, old);
        taken.add(old);
      }
    }
  };
  pass((a, j) => translate.get(a.ownerKey) === j.ownerKey);
  pass((a, j) => sides(a, (k) => translate.get(k)).some((k) => sides(j, (x) => x).includes(k)));
  return matches;
}

/** Junction tables: create (or restore) new ones, rename (and re-own) kept ones, move aside the ones no relation uses. */
export function planJunctions(ctx: PlanContext): void {
  const translate = keyTranslation(ctx);
  const before = junctionModels(ctx.from);
  const after = junctionModels(ctx.to);
  const matches = matchJunctions(ctx, before, after);
  for (const j of after) {
    const old = matches.get(j);
    const what = `${j.ownerKey}${j.inverseKey ? ` ↔ ${j.inverseKey}` : ''}`;
    const aside = old ? undefined : restorableJunction(ctx, j.table);
    if (aside) {
      ctx.add('junction', {
        kind: 'renameTable',
        entity: j.ownerEntity,
        field: j.ownerField,
        description: `Restore junction table "${j.table}" for ${what} from the table set aside in version ${aside.version} (links kept; links to records that no longer exist are removed)`,
        destructive: false,
        sql: restoreJunctionSql(ctx, aside.name, j),
      });
      continue;
    }
    if (!old) {
      ctx.add('junction', {
        kind: 'createJunctionTable',
        entity: j.ownerEntity,
        field: j.ownerField,
        description: `Create junction table "${j.table}" for ${what}`,
        destructive: false,
        sql: createJunctionSql(ctx, j),
      });
      continue;
    }
    // A side both versions share decides whether source_id still holds the owner's ids.
    const sides = [j.ownerKey, j.inverseKey];
    const shared = [old.ownerKey, old.inverseKey].find((k) => k !== undefined && sides.includes(translate.get(k)))!;
    const swap = (old.ownerKey === shared) !== (j.ownerKey === translate.get(shared));
    const sql = transformJunctionSql(ctx, old, j, swap);
    if (sql.length === 0) continue;
    ctx.add('rename', {
      kind: 'renameTable',
      entity: j.ownerEntity,
      field: j.ownerField,
      description: `Rename junction table "${old.table}" to "${j.table}" for ${what}${swap ? ' (source and target columns swapped to the new owner)' : ''} (data kept)`,
      destructive: false,
      sql,
    });
  }
  const kept = new Set(matches.values());
  for (const old of before.filter((a) => !kept.has(a))) {
    const aside = droppedName(ctx.options.version, old.table);
    ctx.add('drop', {
      kind: 'dropJunctionTable',
      entity: old.ownerEntity,
      field: old.ownerField,
      description: `Remove the junction table of ${old.ownerKey}: moved aside as ${aside} (data kept for undo)`,
      destructive: true,
      sql: [
        `ALTER TABLE ${ctx.q(old.table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(old.sourceFk)}, DROP CONSTRAINT IF EXISTS ${quoteIdent(old.targetFk)}`,
        `DROP INDEX IF EXISTS ${ctx.q(old.targetIndex)}`,
        `ALTER TABLE ${ctx.q(old.table)} RENAME TO ${quoteIdent(aside)}`,
      ],
    });
  }
}
