/**
 * What the workflow checks share: the document, the reporter, dangling-field messages, and lookups of
 * entities, fields and roles with "did you mean" and rename hints.
 */
import { findFieldType } from '../field-types/registry.js';
import { SYSTEM_FIELDS } from '../naming.js';
import { entitiesOf, isRecord, pointer, type Report } from '../problems.js';
import { DanglingMessages } from '../rules/dangling.js';
import { didYouMean } from '../rules/suggest.js';
import { ADMIN_ROLE, type EntityDefinition, type FieldDefinition, type MetadataDocument } from '../types.js';

export class WorkflowCheck {
  readonly dangling: DanglingMessages;
  readonly entities: Record<string, EntityDefinition>;
  constructor(
    readonly doc: MetadataDocument,
    readonly report: Report,
    /** The workflow's name. */
    readonly name: string,
  ) {
    this.dangling = new DanglingMessages(doc);
    this.entities = entitiesOf(doc);
  }

  /** Reports at `/workflows/<name>/…segments`. */
  at(segments: (string | number)[], code: string, message: string): void {
    this.report(pointer('workflows', this.name, ...segments), code, message);
  }

  entity(name: string): EntityDefinition | undefined {
    return Object.hasOwn(this.entities, name) ? this.entities[name] : undefined;
  }

  field(entity: string, name: string): FieldDefinition | undefined {
    const fields = this.entity(entity)?.fields;
    const field = fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
    return isRecord(field) && typeof field.type === 'string' ? field : undefined;
  }

  /** Checks that `entity` exists; reports at `segments` otherwise. */
  knownEntity(entity: unknown, segments: (string | number)[]): entity is string {
    if (typeof entity !== 'string') return false;
    if (this.entity(entity)) return true;
    const renamed = Object.entries(this.entities).find(([, def]) => def.renamedFrom === entity)?.[0];
    const message =
      renamed !== undefined
        ? `Workflow ${this.name} names entity ${entity}, which was renamed to ${renamed} (renamedFrom) — use "${renamed}": renameEntityInWorkflows(doc, "${entity}", "${renamed}") does it, as the studio does when you rename an entity.`
        : `Workflow ${this.name} names entity "${entity}", which does not exist${didYouMean(entity, Object.keys(this.entities))} — choose one of ${Object.keys(this.entities).join(', ') || '(no entities yet)'}.`;
    this.at(segments, 'unknown-entity', message);
    return false;
  }

  /** Checks that `field` is a field of `entity` (system fields when `system`); reports the dangling message otherwise. */
  knownField(entity: string, field: unknown, segments: (string | number)[], system = false): field is string {
    if (typeof field !== 'string') return false;
    if (this.field(entity, field) || (system && (SYSTEM_FIELDS as readonly string[]).includes(field))) return true;
    this.at(segments, 'unknown-field', this.dangling.message(entity, field));
    return false;
  }

  /** Checks that `role` is `admin` or a role of the document. */
  knownRole(role: unknown, segments: (string | number)[]): void {
    if (typeof role !== 'string' || role === ADMIN_ROLE || (isRecord(this.doc.roles) && Object.hasOwn(this.doc.roles, role))) return;
    const roles = [ADMIN_ROLE, ...Object.keys(this.doc.roles ?? {})];
    this.at(segments, 'unknown-role', `Workflow ${this.name} names role "${role}", which does not exist${didYouMean(role, roles)} — use one of ${roles.join(', ')}, or add the role.`);
  }
}

/** Whether a record write may set this field (not derived: formulas, roll-ups, auto-numbers, oneToMany). */
export function isWritableField(field: FieldDefinition): boolean {
  try {
    return findFieldType(field.type)?.jsonSchema(field).readOnly !== true;
  } catch {
    return true; // a broken definition is reported by the field checks
  }
}
