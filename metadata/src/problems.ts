/**
 * Building blocks of document validation: JSON-pointer paths, a problem collector, and safe iteration
 * over a document that may be structurally broken (semantic checks run even when the schema failed).
 */
import type { EntityDefinition, FieldDefinition, MetadataDocument, MetadataProblem } from './types.js';
import { describeStep } from './workflows/step-names.js';

/** JSON pointer from path segments (`~` → `~0`, `/` → `~1`). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Segments of a JSON pointer. */
export function segmentsOf(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Entities that are objects with an object `fields` map, in document order. */
export function entityEntries(doc: unknown): [string, EntityDefinition][] {
  if (!isRecord(doc) || !isRecord(doc.entities)) return [];
  return Object.entries(doc.entities).filter(
    (entry): entry is [string, EntityDefinition] => isRecord(entry[1]) && isRecord(entry[1].fields),
  );
}

/** Fields that are objects with a string `type`, in document order. */
export function fieldEntries(entity: EntityDefinition): [string, FieldDefinition][] {
  return Object.entries(entity.fields).filter(
    (entry): entry is [string, FieldDefinition] => isRecord(entry[1]) && typeof entry[1].type === 'string',
  );
}

/** The document's entities map, or an empty one when the document is broken. */
export const entitiesOf = (doc: unknown): Record<string, EntityDefinition> =>
  Object.fromEntries(entityEntries(doc));

export type Report = (path: string, code: string, message: string) => void;

/** A semantic check: looks at the (possibly broken) document and reports problems. */
export type DocumentCheck = (doc: MetadataDocument, report: Report) => void;

/**
 * Human location of a path: `field opportunity.amount`, `entity opportunity`, `the layouts of entity company`,
 * `role salesRep`, `step "makeTask" of workflow "followUp"`. Given the document, steps are named by label or key.
 */
export function describeLocation(path: string, doc?: unknown): string {
  const s = segmentsOf(path);
  if (s[0] === 'roles' && s[1] !== undefined) {
    return s[2] === 'entities' && s[3] !== undefined ? `the ${s[3]} permissions of role ${s[1]}` : `role ${s[1]}`;
  }
  if (s[0] === 'workflows' && s[1] !== undefined) return describeWorkflowLocation(s, doc);
  if (s[0] === 'translations' && s[1] !== undefined) return s[2] === undefined ? `the ${s[1]} translations` : `the ${s[1]} translation of ${s[2]}`;
  if (s[0] !== 'entities' || s[1] === undefined) return s.length ? `"${s.join('.')}"` : 'the document';
  if (s[2] === 'fields' && s[3] !== undefined) return `field ${s[1]}.${s[3]}`;
  if (s[2] === 'layouts') return `the layouts of entity ${s[1]}`;
  if (s[2] === 'rules' && s[3] !== undefined) return `rule ${s[3]} of entity ${s[1]}`;
  if (s[2] === 'views' && s[3] !== undefined) return `view ${s[3]} of entity ${s[1]}`;
  return `entity ${s[1]}`;
}

/** `workflow "followUp"`, `the trigger of workflow "followUp"`, `step "makeTask" of workflow "followUp"`. */
function describeWorkflowLocation(s: string[], doc: unknown): string {
  const workflow = `workflow ${JSON.stringify(s[1])}`;
  if (s[2] === 'trigger') return `the trigger of ${workflow}`;
  if (s[2] !== 'steps' || s[3] === undefined || !/^\d+$/.test(s[3])) return workflow;
  const at = [s[3]];
  for (let i = 4; i + 1 < s.length && (s[i] === 'then' || s[i] === 'else') && /^\d+$/.test(s[i + 1]!); i += 2) at.push(s[i]!, s[i + 1]!);
  const workflows = isRecord(doc) && isRecord(doc.workflows) ? doc.workflows : {};
  const def = Object.hasOwn(workflows, s[1]!) ? workflows[s[1]!] : undefined;
  return `${describeStep(isRecord(def) ? def.steps : undefined, at)} of ${workflow}`;
}

export function sortProblems(problems: MetadataProblem[]): MetadataProblem[] {
  return [...problems].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
