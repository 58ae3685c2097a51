/**
 * Whether a record write fires a record trigger. `fieldChanged` compares values like the rules' `changed`
 * (a re-sent stored value, `…Z` vs `….000Z`, a list in another order: no change).
 */
import type { WorkflowTrigger } from '@trellis/metadata';
import type { RecordValues } from '../rules/rule-context.js';
import { sameValue } from '../rules/values.js';

export type RecordOperation = 'create' | 'update' | 'delete';

const EVENT_OF = { recordCreated: 'create', recordUpdated: 'update', recordDeleted: 'delete' } as const;

/**
 * For `fieldChanged`: whether one of the listed fields differs between `record` and `previous` (update only).
 * A field absent from `record` was not written, so it did not change. Non-record triggers never match.
 */
export function recordEventMatches(trigger: WorkflowTrigger, op: RecordOperation, record: RecordValues | null, previous: RecordValues | null): boolean {
  switch (trigger.type) {
    case 'recordCreated':
    case 'recordUpdated':
    case 'recordDeleted':
      return EVENT_OF[trigger.type] === op;
    case 'fieldChanged':
      if (op !== 'update' || !record) return false;
      return trigger.fields.some((field) => Object.prototype.hasOwnProperty.call(record, field) && !sameValue(record[field], previous?.[field]));
    default:
      return false;
  }
}
