/** A trigger of a given type to start from, keeping the entity when switching between record triggers. */
import type { MetadataDocument, WorkflowTrigger } from '@trellis/metadata';
import type { TriggerType } from './step-kinds.js';

/** The date and dateTime fields of an entity (what a date-relative trigger can count from). */
export function dateFields(doc: MetadataDocument, entity: string): string[] {
  return Object.entries(doc.entities[entity]?.fields ?? {})
    .filter(([, f]) => f.type === 'date' || f.type === 'dateTime')
    .map(([name]) => name);
}

export function defaultTrigger(doc: MetadataDocument, type: TriggerType, entity: string): WorkflowTrigger {
  switch (type) {
    case 'recordCreated':
    case 'recordUpdated':
    case 'recordDeleted':
      return { type, entity };
    case 'fieldChanged':
      return { type, entity, fields: [] };
    case 'dateRelative':
      return { type, entity, field: dateFields(doc, entity)[0] ?? '', offset: { amount: 1, unit: 'days' }, direction: 'before' };
    case 'scheduled':
      return { type, cron: '0 9 * * *' };
    case 'manual':
      return { type, entity };
    case 'webhook':
      return { type };
  }
}

/** The trigger after choosing another type: same entity when both have one. */
export function switchTriggerType(doc: MetadataDocument, current: WorkflowTrigger, type: TriggerType, fallbackEntity: string): WorkflowTrigger {
  const entity = 'entity' in current && current.entity ? current.entity : fallbackEntity;
  return defaultTrigger(doc, type, entity);
}

/** The trigger with another entity: fields that belonged to the old one are cleared. */
export function switchTriggerEntity(doc: MetadataDocument, current: WorkflowTrigger, entity: string): WorkflowTrigger {
  if (!('entity' in current)) return current;
  if (current.type === 'fieldChanged') return { ...current, entity, fields: [] };
  if (current.type === 'dateRelative') return { ...current, entity, field: dateFields(doc, entity)[0] ?? '' };
  return { ...current, entity };
}
