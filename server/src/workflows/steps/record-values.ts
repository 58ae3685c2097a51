/**
 * Record reads for steps, on the step's client: the trigger record's values as expressions see them
 * (manyToOne as the related id), and what a dry run checks instead of writing.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { compileRecordValidator, normalizeRecordValues, withDefaultValues, type RecordValues } from '@trellis/runtime';
import type { Queryable } from '../../records/record.service.js';
import { entityOf, type DataModel } from '../../records/data-model.js';
import { readRecordValues as readValues } from '../record-values.js';
import { withoutOwnership } from '../../permissions/ownership.js';
import type { StepExecution } from '../step-executor.js';
import { StepError } from './step-error.js';

/** The stored record in the workflow context's shape (the engine's reader: the same values triggers see), or null. */
export function readRecordValues(client: Queryable, model: DataModel, entity: string, id: string): Promise<RecordValues | null> {
  return readValues(client, entityOf(model, entity), id);
}

/**
 * A dry run writes nothing, but it can still tell whether the values would pass the field checks: the same
 * validator the write runs first (rules and permissions are only known by writing).
 */
export function checkValuesForDryRun(execution: StepExecution, document: MetadataDocument, entity: string, values: Record<string, unknown>, mode: 'create' | 'update'): void {
  const complete = mode === 'create' ? withDefaultValues(document, entity, values) : values;
  const errors = compileRecordValidator(document, entity)(withoutOwnership(normalizeRecordValues(document, entity, complete)), { mode });
  if (errors.length > 0) {
    throw new StepError(execution.step, `the values would be refused — ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, { field: 'values' });
  }
}
