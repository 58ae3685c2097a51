/**
 * For the merge's property tests: a realistic installed pack (the sales document with rules, form conditions and
 * tabs, a view, formulas, a roll-up, a role and a workflow) and edits that keep it valid, as a pack author or a
 * customer would make them. An edit is `[op, a, b]` (small integers pick what and how, so fast-check shrinks
 * them); `side` prefixes the names an edit adds, so the two sides never add the same name. Deletions and
 * renames are side-specific and touch fields the other side never references anew — a structural merge cannot
 * make valid a document in which one side removed what the other started to use (see merge-documents.ts).
 */
import { rulesDocument } from '../rules/rules-document.fixture.js';
import type { EntityDefinition, FieldDefinition, FormSection, MetadataDocument } from '../types.js';
import type { CreateTaskStep } from '../workflows/types.js';
import { workflowsDocument } from '../workflows/workflows.fixture.js';
import { renameField } from './rename-component.js';

export type Side = 'pack' | 'my';
export type Edit = [op: number, a: number, b: number];
type Op = (doc: MetadataDocument, side: Side, a: number, b: number) => MetadataDocument | void;

export function installedPack(): MetadataDocument {
  const doc = rulesDocument();
  const { roles, workflows } = workflowsDocument();
  return { ...doc, roles, workflows };
}

const pick = <T>(items: T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);
const rotate = <T>(items: T[], by: number): T[] => (items.length < 2 ? items : [...items.slice(by % items.length), ...items.slice(0, by % items.length)]);
const entities = (doc: MetadataDocument): [string, EntityDefinition][] => Object.entries(doc.entities);
const withName = (doc: MetadataDocument) => entities(doc).filter(([, e]) => e.fields.name !== undefined);
const formSections = (doc: MetadataDocument): FormSection[] => entities(doc).flatMap(([, e]) => e.layouts?.form?.sections ?? []);
const selectFields = (doc: MetadataDocument): FieldDefinition[] =>
  entities(doc).flatMap(([, e]) => Object.values(e.fields).filter((f) => f.type === 'select'));

function withoutField(doc: MetadataDocument, entity: string, field: string): void {
  const def = doc.entities[entity];
  if (!def?.fields[field]) return;
  delete def.fields[field];
  for (const section of def.layouts?.form?.sections ?? []) section.fields = section.fields.filter((f) => f !== field);
  if (def.layouts?.list) def.layouts.list.columns = def.layouts.list.columns.filter((f) => f !== field);
}

function withRenamedField(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  if (!doc.entities[entity]?.fields[from]) return doc;
  const next = renameField(doc, entity, from, to);
  next.entities[entity]!.fields[to]!.renamedFrom = from;
  return next;
}

const OPS: Op[] = [
  (doc, _side, a, b) => {
    const [, e] = pick(entities(doc), a)!;
    const field = pick(Object.values(e.fields), b);
    if (field) field.label = `Label ${b % 3}`;
  },
  (doc, _side, a, b) => {
    const field = pick(entities(doc).flatMap(([, e]) => Object.values(e.fields)), a);
    if (field) field.description = `About ${b % 2}`;
  },
  (doc, side, a, b) => {
    const [, e] = pick(entities(doc), a)!;
    const name = `${side}Field${b % 2}`;
    if (e.fields[name]) return;
    e.fields[name] = { type: pick(['text', 'integer', 'date', 'boolean'], a)!, label: `Field ${b}` };
    const section = pick(e.layouts?.form?.sections ?? [], b);
    section?.fields.splice(a % (section.fields.length + 1), 0, name);
    e.layouts?.list?.columns.splice(b % (e.layouts.list.columns.length + 1), 0, name);
  },
  (doc, side, a, b) => {
    const options = pick(selectFields(doc), a)?.options;
    if (options && !options.some((o) => o.value === `${side}${b % 2}`)) options.splice(a % (options.length + 1), 0, { value: `${side}${b % 2}`, label: `Option ${b}` });
  },
  (doc, _side, a, b) => {
    const option = pick(pick(selectFields(doc), a)?.options ?? [], b);
    if (option) option.label = `Choice ${b % 3}`;
  },
  (doc, _side, a, b) => {
    const field = pick(selectFields(doc), a);
    if (field?.options) field.options = rotate(field.options, 1 + b);
  },
  (doc, _side, a, b) => {
    const section = pick(formSections(doc), a);
    if (section) section.fields = rotate(section.fields, 1 + b);
  },
  (doc, _side, a, b) => {
    const sections = pick(entities(doc).map(([, e]) => e.layouts?.form?.sections ?? []).filter((s) => s.length > 1), a);
    if (!sections) return;
    const [from, to] = [sections[b % sections.length]!, sections[(b + 1) % sections.length]!];
    const field = pick(from.fields, a);
    if (!field) return;
    from.fields = from.fields.filter((f) => f !== field);
    to.fields.splice(b % (to.fields.length + 1), 0, field);
  },
  (doc, _side, a, b) => {
    const section = pick(formSections(doc), a);
    if (section && section.fields.length > 1) section.fields.splice(b % section.fields.length, 1);
  },
  (doc, side, a, b) => {
    const [, e] = pick(withName(doc), a)!;
    e.rules = { ...e.rules, [`${side}Rule${b % 2}`]: { invalidWhen: { '==': [{ var: 'record.name' }, `x${b % 3}`] }, message: `Name cannot be x${b % 3}`, fields: ['name'] } };
  },
  (doc, _side, a, b) => {
    const rule = pick(entities(doc).flatMap(([, e]) => Object.values(e.rules ?? {})), a);
    if (rule) Object.assign(rule, b % 2 === 0 ? { message: `Refused ${b % 3}` } : { active: b % 4 === 1 });
  },
  (doc, side, a, b) => {
    const [, e] = pick(withName(doc), a)!;
    e.views = { ...e.views, [`${side}View${b % 2}`]: { label: `View ${b}`, filter: { '!=': [{ var: 'record.name' }, ''] }, columns: ['name'] } };
  },
  (doc, side, a, b) => {
    const steps = doc.workflows!.followUp!.steps;
    const key = `${side}Step${b % 2}`;
    if (!steps.some((s) => s.key === key)) steps.splice(a % (steps.length + 1), 0, { key, type: 'createTask', title: `Step ${b}` });
  },
  (doc, _side, _a, b) => {
    const task = doc.workflows!.followUp!.steps.find((s) => s.key === 'makeTask') as CreateTaskStep | undefined;
    if (task) task.title = `Follow up ${b % 3}`;
  },
  (doc, _side, a) => {
    doc.workflows!.followUp!.condition = { '==': [{ var: 'record.stage' }, pick(['won', 'lost'], a)] };
  },
  (doc, _side, a, b) => {
    const permission = doc.roles!.salesManager!.entities!.opportunity!;
    if (a % 2 === 0) permission[pick(['create', 'transfer'] as const, b)!] = true;
    else permission.fields = { ...permission.fields, [pick(['amount', 'closeDate'], b)!]: 'readOnly' };
  },
  (doc, side, a) => {
    const name = `${side}Thing${a % 2}`;
    doc.entities[name] ??= { label: 'Thing', pluralLabel: 'Things', plural: `${name}s`, fields: { name: { type: 'text', label: 'Name' } } };
  },
  (doc, _side, a, b) => {
    const list = pick(entities(doc).flatMap(([, e]) => (e.layouts?.list ? [e.layouts.list] : [])), a);
    if (list) list.columns = rotate(list.columns, 1 + b);
  },
  // Side-specific removals and renames.
  (doc, side) => (side === 'pack' ? withoutField(doc, 'company', 'website') : withoutField(doc, 'contact', 'phone')),
  (doc, side) => (side === 'pack' ? withRenamedField(doc, 'company', 'employees', 'headcount') : withRenamedField(doc, 'contact', 'firstName', 'givenName')),
];

export const EDIT_KINDS = OPS.length;

/** The installed pack with `edits` made by `side`. */
export function applyEdits(base: MetadataDocument, side: Side, edits: Edit[]): MetadataDocument {
  let doc = structuredClone(base);
  for (const [op, a, b] of edits) doc = OPS[op % OPS.length]!(doc, side, a, b) ?? doc;
  return doc;
}
