/**
 * Before-save workflows on the write path: evaluated on the record about to be stored (after defaults, before
 * validation rules), inside the write's transaction for updates (the stored record is read locked first).
 * Their `updateRecord` values join the write; a `failWithMessage` refuses it like a validation rule would.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { applyBeforeSave, applyChanges, buildRuleContext, compileRecordValidator, normalizeRecordValues, RECORD_FIELD, type RecordValues } from '@trellis/runtime';
import type { Actor } from '../common/request-context.js';
import { validationFailed, type RecordFieldError } from './record-errors.js';
import { ruleUser } from './record-rules.js';

type Operation = 'create' | 'update';

const TRIGGERS: Record<Operation, ReadonlySet<string>> = {
  create: new Set(['recordCreated']),
  update: new Set(['recordUpdated', 'fieldChanged']),
};

const cache = new WeakMap<MetadataDocument, Map<string, boolean>>();

/** Whether `entity` has an active before-save workflow for this kind of write (memoised per document). */
export function hasBeforeSaveWorkflows(doc: MetadataDocument, entity: string, op: Operation): boolean {
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  const key = `${op}:${entity}`;
  let found = byKey.get(key);
  if (found === undefined) {
    found = Object.values(doc.workflows ?? {}).some(
      (w) => w.active !== false && w.timing === 'beforeSave' && 'entity' in w.trigger && w.trigger.entity === entity && TRIGGERS[op].has(w.trigger.type),
    );
    byKey.set(key, found);
  }
  return found;
}

/**
 * The write's values with what before-save workflows set, or the errors refusing the write: a workflow's
 * `failWithMessage`, or a value it set that is not valid for its field.
 * `data`: the values written (create: the complete new record; update: the changes); `previous`: the stored record.
 */
export function withBeforeSave(
  doc: MetadataDocument,
  entity: string,
  op: Operation,
  data: RecordValues,
  previous: RecordValues | null,
  actor: Actor,
  now: Date,
): { data: RecordValues; errors: RecordFieldError[] } {
  const record = previous ? applyChanges(previous, data) : data;
  const { changes, failures } = applyBeforeSave(doc, entity, op, buildRuleContext({ record, previous, user: ruleUser(actor), now }));
  const errors: RecordFieldError[] = failures.flatMap((f) =>
    (f.fields?.length ? f.fields : [RECORD_FIELD]).map((field) => ({ field, message: f.message, rule: `workflow:${f.workflow}` })),
  );
  if (errors.length > 0) return { data, errors };
  if (Object.keys(changes).length === 0) return { data, errors };
  const normalized = normalizeRecordValues(doc, entity, changes);
  const valueErrors = compileRecordValidator(doc, entity)(normalized, { mode: 'update' });
  const invalid = valueErrors.map((e) => ({ ...e, message: `${e.message} (set by a before-save workflow)` }));
  return { data: { ...data, ...normalized }, errors: invalid };
}

/** `withBeforeSave` for one write: its values, or VALIDATION_FAILED. */
export function beforeSaveOrThrow(...args: Parameters<typeof withBeforeSave>): RecordValues {
  const { data, errors } = withBeforeSave(...args);
  if (errors.length > 0) throw validationFailed(errors);
  return data;
}
