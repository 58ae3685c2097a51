/** Semantic check: entity, plural and field names, and `renamedFrom` references. */
import { checkName } from './names.js';
import { entityEntries, fieldEntries, pointer, type DocumentCheck, type Report } from './problems.js';
import type { MetadataDocument } from './types.js';

/** Reports an invalid name; `subject` contains `{}` where the quoted name goes. */
function checkNameAt(report: Report, path: string, subject: string, name: unknown): void {
  if (typeof name !== 'string') return;
  const issue = checkName(name);
  if (issue) report(path, issue.code, `${subject.replace('{}', `"${name}"`)} ${issue.reason}.`);
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function checkPlurals(doc: MetadataDocument, report: Report): void {
  const pluralOwner = new Map<string, string>();
  for (const [entity, def] of entityEntries(doc)) {
    const plural = def.plural;
    if (typeof plural !== 'string') continue;
    const path = pointer('entities', entity, 'plural');
    checkNameAt(report, path, `Plural {} of entity ${entity}`, plural);
    if (plural === entity) {
      report(path, 'plural-same-as-name', `Entity ${entity} has plural "${plural}", the same as its name; the list and single queries need different names (e.g. "${entity}List").`);
    } else if (doc.entities[plural] !== undefined) {
      report(path, 'plural-conflicts-with-entity', `Plural "${plural}" of entity ${entity} is the name of another entity; choose another plural or rename that entity.`);
    }
    const owner = pluralOwner.get(plural);
    if (owner !== undefined) {
      report(path, 'duplicate-plural', `Entity ${entity} has plural "${plural}", already the plural of entity ${owner}; plurals must be unique.`);
    } else {
      pluralOwner.set(plural, entity);
    }
  }
}

function checkRenamedFrom(report: Report, basePath: string[], kind: string, items: [string, { renamedFrom?: unknown }][]): void {
  const names = new Set(items.map(([name]) => name));
  const claimed = new Map<string, string>();
  for (const [name, def] of items) {
    const from = def.renamedFrom;
    if (typeof from !== 'string') continue;
    const path = pointer(...basePath, name, 'renamedFrom');
    checkNameAt(report, path, `renamedFrom {} of ${kind} ${name}`, from);
    if (names.has(from)) {
      report(path, 'renamed-from-exists', `${capitalize(kind)} ${name} says it was renamed from "${from}", but a ${kind} "${from}" is still in the document; remove "renamedFrom" or the other ${kind}.`);
    }
    const other = claimed.get(from);
    if (other !== undefined) {
      report(path, 'duplicate-renamed-from', `${capitalize(kind)} ${other} and ${kind} ${name} both say they were renamed from "${from}"; keep "renamedFrom" on one of them.`);
    } else {
      claimed.set(from, name);
    }
  }
}

export const checkNames: DocumentCheck = (doc, report) => {
  const entities = entityEntries(doc);
  for (const [entity, def] of entities) {
    checkNameAt(report, pointer('entities', entity), 'Entity name {}', entity);
    for (const [field] of Object.entries(def.fields)) {
      checkNameAt(report, pointer('entities', entity, 'fields', field), `Field name {} on entity ${entity}`, field);
    }
    checkRenamedFrom(report, ['entities', entity, 'fields'], 'field', fieldEntries(def));
  }
  checkPlurals(doc, report);
  checkRenamedFrom(report, ['entities'], 'entity', entities);
};
