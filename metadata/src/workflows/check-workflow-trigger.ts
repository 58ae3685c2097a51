/** Semantic checks of a workflow's trigger: its entity and fields, the cron schedule and time zones. */
import { isRecord } from '../problems.js';
import { cronProblem, timeZoneProblem } from './cron.js';
import type { WorkflowCheck } from './workflow-check-context.js';
import { RECORD_TRIGGERS } from './workflow-scope.js';

/** Fields whose changes are not an update of the record's own row. */
const notWatchable = (type: string, cardinality: unknown): boolean => type === 'relation' && (cardinality === 'oneToMany' || cardinality === 'manyToMany');

function checkWatchedFields(w: WorkflowCheck, entity: string, fields: unknown): void {
  if (!Array.isArray(fields)) return;
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    const at = ['trigger', 'fields', i];
    if (!w.knownField(entity, field, at, true)) return;
    const def = w.field(entity, field);
    if (seen.has(field)) w.at(at, 'duplicate-field', `Workflow ${w.name} watches field ${field} more than once; keep one.`);
    else if (def && notWatchable(def.type, def.cardinality)) {
      w.at(at, 'field-not-watchable', `Field ${entity}.${field} is a ${def.cardinality} relation with no column of its own, so changing it is not an update of ${entity}; watch the relation field on the other side, or another field.`);
    }
    seen.add(field);
  });
}

const DATE_SYSTEM_FIELDS = new Set(['createdAt', 'updatedAt']);

function checkDateField(w: WorkflowCheck, entity: string, field: unknown): void {
  if (typeof field === 'string' && DATE_SYSTEM_FIELDS.has(field)) return;
  if (!w.knownField(entity, field, ['trigger', 'field'])) return;
  const def = w.field(entity, field)!;
  const type = def.type === 'formula' ? def.resultType : def.type;
  if (type === 'date' || type === 'dateTime') return;
  const dates = Object.entries(w.entity(entity)!.fields).filter(([, f]) => isRecord(f) && (f.type === 'date' || f.type === 'dateTime')).map(([n]) => n);
  const offer = dates.length ? `use one of ${dates.join(', ')}, or createdAt` : `${entity} has no date field yet: add one, or use createdAt`;
  w.at(['trigger', 'field'], 'not-a-date-field', `A date-relative workflow fires relative to a date, but ${entity}.${field} is a ${def.type} field — ${offer}.`);
}

function checkTimeZone(w: WorkflowCheck, timeZone: unknown): boolean {
  if (typeof timeZone !== 'string') return true;
  const problem = timeZoneProblem(timeZone);
  if (problem) w.at(['trigger', 'timeZone'], 'invalid-time-zone', `${problem}.`);
  return !problem;
}

export function checkTrigger(w: WorkflowCheck, trigger: unknown): void {
  if (!isRecord(trigger)) return;
  const type = String(trigger.type);
  if (RECORD_TRIGGERS.has(type)) {
    if (!w.knownEntity(trigger.entity, ['trigger', 'entity'])) return;
    const entity = trigger.entity as string;
    if (type === 'fieldChanged') checkWatchedFields(w, entity, trigger.fields);
    if (type === 'dateRelative') checkDateField(w, entity, trigger.field);
  }
  if (type === 'scheduled' || type === 'dateRelative') {
    const zoneOk = checkTimeZone(w, trigger.timeZone);
    if (type === 'scheduled' && typeof trigger.cron === 'string' && zoneOk) {
      const problem = cronProblem(trigger.cron, typeof trigger.timeZone === 'string' ? trigger.timeZone : undefined);
      if (problem) w.at(['trigger', 'cron'], 'invalid-cron', `${problem}.`);
    }
  }
}
