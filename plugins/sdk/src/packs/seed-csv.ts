/**
 * Seed CSV files: header = field names of the entity; one record per row; empty cell = field not set.
 * A relation column holds the target's natural key: header `company` matches the target's display field,
 * `company.email` names the key field; manyToMany cells list several keys as `a|b`. Values become
 * `{ "$lookup": { "<key>": value } }`, as JSON seed files and the server's seeding take them.
 */
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { parse } from 'csv-parse/sync';
import { isSeedLookup, type SeedRecord } from '../seed.js';
import { displayFieldOf } from './display-field.js';
import type { PackProblem } from './pack-problem.js';
import { formatCell, joinMulti, parseCell, splitMulti, UNSEEDABLE_TYPES, type CellResult } from './seed-values.js';

export interface SeedCsvSource {
  /** The file's path inside the pack, for problems, e.g. `seed/02-person.csv`. */
  file: string;
  entity: string;
  /** The document the entity and its relation targets are in. */
  document: MetadataDocument;
}

type Column = { field: string; definition: FieldDefinition; lookup?: { key: string; keyField?: FieldDefinition; many: boolean } };

/** Reads one seed CSV; every problem names file:line:column and what to fix. */
export function parseSeedCsv(text: string, source: SeedCsvSource): { records: SeedRecord[]; problems: PackProblem[] } {
  const { file, entity, document } = source;
  const problems: PackProblem[] = [];
  const definition = document.entities[entity];
  if (!definition) {
    return { records: [], problems: [{ file, message: `entity "${entity}" is not in the pack's metadata; name the file <NN>-<entity>.csv after one of: ${Object.keys(document.entities).join(', ')}` }] };
  }
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, { info: true, relax_column_count: true, bom: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { records: [], problems: [{ file, ...(e.lines ? { line: e.lines } : {}), message: `is not valid CSV (${e.message}); check the quotes of that row` }] };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], problems: [{ file, line: 1, message: 'is empty; the first line must name the fields, e.g. name,website' }] };
  const columns = header.record.map((name, i) => readColumn(name, definition, entity, document, (message) => problems.push({ file, line: header.info.lines, column: i + 1, message })));
  header.record.forEach((name, i) => {
    if (header.record.indexOf(name) !== i) problems.push({ file, line: header.info.lines, column: i + 1, message: `column "${name}" appears twice; keep one` });
  });
  const records: SeedRecord[] = [];
  let previousEnd = header.info.lines;
  for (const row of body) {
    const line = previousEnd + 1;
    previousEnd = row.info.lines;
    if (row.record.length === 1 && row.record[0] === '') continue; // blank line
    if (row.record.length !== columns.length) {
      problems.push({ file, line, message: `has ${row.record.length} cells but the header names ${columns.length} columns; add or remove commas (quote cells that contain one)` });
      continue;
    }
    const record: SeedRecord = {};
    row.record.forEach((cell, i) => {
      const column = columns[i];
      if (!column || cell === '') return;
      const result = readValue(column, cell);
      if ('error' in result) problems.push({ file, line, column: i + 1, message: `${column.field}: ${result.error}` });
      else record[column.field] = result.value;
    });
    records.push(record);
  }
  return { records, problems };
}

function readColumn(name: string, entity: EntityDefinition, entityName: string, document: MetadataDocument, report: (message: string) => void): Column | undefined {
  const [field, key, ...more] = name.split('.');
  const definition = field === undefined ? undefined : entity.fields[field];
  if (!definition || field === undefined) {
    report(`"${name}" is not a field of ${entityName}; use its field names: ${Object.keys(entity.fields).join(', ')}`);
    return undefined;
  }
  if (UNSEEDABLE_TYPES.includes(definition.type)) {
    report(`"${field}" is a ${definition.type} field, set by the system; remove the column`);
    return undefined;
  }
  if (definition.type !== 'relation') {
    if (key !== undefined) report(`"${name}": only relation columns name a key field after a "."; use "${field}"`);
    return key === undefined ? { field, definition } : undefined;
  }
  if (definition.cardinality === 'oneToMany') {
    report(`"${field}" lists ${definition.target} records pointing here; set the relation on the ${definition.target} side (its "${definition.inverse}" column) and remove this one`);
    return undefined;
  }
  const target = definition.target ? document.entities[definition.target] : undefined;
  if (more.length > 0) {
    report(`"${name}": name one key field, e.g. "${field}.name"`);
    return undefined;
  }
  if (!target) {
    if (key === undefined) report(`"${field}" points at ${definition.target}, which is not in this pack; name its key field in the header, e.g. "${field}.name"`);
    return key === undefined ? undefined : { field, definition, lookup: { key, many: definition.cardinality === 'manyToMany' } };
  }
  const keyName = key ?? displayFieldOf(target);
  const keyField = keyName === undefined ? undefined : target.fields[keyName];
  if (!keyField || keyName === undefined) {
    report(`"${name}": ${definition.target} has no field "${keyName}"; name a key field of ${definition.target}: ${Object.keys(target.fields).join(', ')}`);
    return undefined;
  }
  return { field, definition, lookup: { key: keyName, keyField, many: definition.cardinality === 'manyToMany' } };
}

function readValue(column: Column, cell: string): CellResult {
  const { lookup } = column;
  if (!lookup) return parseCell(column.definition, cell);
  const one = (text: string): CellResult => {
    const parsed = lookup.keyField ? parseCell(lookup.keyField, text) : { value: text };
    return 'error' in parsed ? { error: `key ${lookup.key} ${parsed.error}` } : { value: { $lookup: { [lookup.key]: parsed.value } } };
  };
  if (!lookup.many) return one(cell);
  const values: unknown[] = [];
  for (const item of splitMulti(cell)) {
    const result = one(item);
    if ('error' in result) return result;
    values.push(result.value);
  }
  return { value: values };
}

/** A relation value's single lookup key and its value, or undefined when it is not a one-key lookup. */
function lookupKey(value: unknown): [string, unknown] | undefined {
  if (!isSeedLookup(value)) return undefined;
  const entries = Object.entries(value.$lookup);
  return entries.length === 1 ? entries[0] : undefined;
}

/**
 * The CSV text of an entity's seed records, or null when some value has no CSV form that reads back identically
 * (nulls, empty strings, lookups by several keys or by different keys in one column…): write JSON then.
 */
export function formatSeedCsv(document: MetadataDocument, entity: string, records: SeedRecord[]): string | null {
  const definition = document.entities[entity];
  if (!definition) return null;
  const used = new Set(records.flatMap((r) => Object.keys(r)));
  const fields = Object.keys(definition.fields).filter((f) => used.has(f));
  if (fields.length !== used.size || fields.length === 0) return null;
  const header: string[] = [];
  const cells: string[][] = records.map(() => []);
  for (const field of fields) {
    const column = formatColumn(document, definition.fields[field]!, records.map((r) => r[field]));
    if (!column) return null;
    header.push(column.key === undefined ? field : column.default ? field : `${field}.${column.key}`);
    column.cells.forEach((cell, i) => cells[i]!.push(cell));
  }
  return [header, ...cells].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

function formatColumn(document: MetadataDocument, field: FieldDefinition, values: unknown[]): { cells: string[]; key?: string; default?: boolean } | null {
  if (UNSEEDABLE_TYPES.includes(field.type)) return null;
  if (field.type !== 'relation') {
    const cells = values.map((v) => (v === undefined ? '' : formatCell(field, v)));
    return cells.every((c): c is string => c !== null) ? { cells } : null;
  }
  if (field.cardinality === 'oneToMany') return null;
  const target = field.target ? document.entities[field.target] : undefined;
  const keys = new Set<string>();
  const cells: string[] = [];
  for (const value of values) {
    if (value === undefined) {
      cells.push('');
      continue;
    }
    const items = field.cardinality === 'manyToMany' ? (Array.isArray(value) && value.length > 0 ? value : null) : [value];
    if (!items) return null;
    const texts: string[] = [];
    for (const item of items) {
      const entry = lookupKey(item);
      if (!entry) return null;
      keys.add(entry[0]);
      const keyField = target?.fields[entry[0]];
      const text = keyField ? formatCell(keyField, entry[1]) : typeof entry[1] === 'string' && entry[1] !== '' ? entry[1] : null;
      if (text === null || (field.cardinality === 'manyToMany' && keyField?.type === 'multiSelect')) return null;
      texts.push(text);
    }
    cells.push(field.cardinality === 'manyToMany' ? joinMulti(texts) : texts[0]!);
  }
  if (keys.size > 1) return null;
  const key = [...keys][0];
  return { cells, key, default: key !== undefined && target !== undefined && displayFieldOf(target) === key };
}

const quote = (cell: string): string => (/[",\n\r]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);
