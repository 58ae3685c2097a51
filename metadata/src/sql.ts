/**
 * SQL text helpers shared by the migration plan and the server: identifier quoting and the names
 * of constraints, indexes and moved-aside objects. Every identifier goes through `quoteIdent`.
 */
import { MAX_IDENTIFIER_LENGTH } from './naming.js';

/** `"name"` with inner double quotes doubled, so any string is a safe identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."name"` */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `'text'` with inner single quotes doubled. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** FNV-1a 32-bit hash in base 36: short, stable across runs and platforms. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * `name` if it fits Postgres's 63-byte limit, else its first 55 characters, `_` and a hash of the whole name,
 * so long generated names stay distinct instead of being silently truncated by Postgres.
 */
export function fitIdentifier(name: string): string {
  if (name.length <= MAX_IDENTIFIER_LENGTH) return name;
  const hash = shortHash(name);
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1)}_${hash}`;
}

/** Name of the FK constraint on `table.column`. (`__` cannot occur in table or column names, so names are unique.) */
export const foreignKeyName = (table: string, column: string): string => fitIdentifier(`${table}__${column}_fkey`);

/** Name of the plain index on `table.column` (manyToOne FK columns). */
export const indexName = (table: string, column: string): string => fitIdentifier(`${table}__${column}_idx`);

/** Name of the unique index behind `unique: true`. */
export const uniqueIndexName = (table: string, column: string): string => fitIdentifier(`${table}__${column}_key`);

/** Prefix of every moved-aside column and table name. */
export const DROPPED_PREFIX = '__dropped_v';

/** Name a removed column or table is renamed to, kept for undo: `__dropped_v7_notes`. */
export const droppedName = (version: number, name: string): string => fitIdentifier(`${DROPPED_PREFIX}${version}_${name}`);

/**
 * The version in which `original` was moved aside as `asideName` (`__dropped_v7_notes`, `notes` → 7), or
 * undefined when `asideName` is not a moved-aside name of `original`. Checked against `droppedName`, so
 * shortened (hashed) long names are recognised too.
 */
export function setAsideVersion(asideName: string, original: string): number | undefined {
  const match = /^__dropped_v([1-9][0-9]*)_/.exec(asideName);
  if (!match) return undefined;
  const version = Number(match[1]);
  return droppedName(version, original) === asideName ? version : undefined;
}
