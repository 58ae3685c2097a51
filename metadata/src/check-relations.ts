/** Semantic check: relation targets, cardinalities and inverses (the rules in the contract). */
import { entityEntries, fieldEntries, pointer, type DocumentCheck, type Report } from './problems.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from './types.js';

const CARDINALITIES = ['manyToOne', 'oneToMany', 'manyToMany'];

function checkInverse(doc: MetadataDocument, report: Report, entity: string, fieldName: string, field: FieldDefinition): void {
  const path = pointer('entities', entity, 'fields', fieldName, 'inverse');
  const name = `${entity}.${fieldName}`;
  const target = doc.entities[field.target!]!;
  if (field.inverse === undefined) {
    if (field.cardinality === 'oneToMany') {
      report(path, 'missing-inverse', `oneToMany field ${name} needs "inverse": the manyToOne field on ${field.target} that points back to ${entity} (it holds the foreign key).`);
    }
    return;
  }
  if (typeof field.inverse !== 'string') return;
  const other = target.fields?.[field.inverse] as FieldDefinition | undefined;
  const expected = field.cardinality === 'manyToMany' ? 'manyToMany' : field.cardinality === 'oneToMany' ? 'manyToOne' : 'oneToMany';
  const where = `${field.target}.${field.inverse}`;
  if (!other) {
    report(path, 'invalid-inverse', `Inverse of ${name} names ${where}, which does not exist; add a ${expected} relation field "${field.inverse}" on ${field.target} targeting ${entity}, or fix "inverse".`);
    return;
  }
  if (other.type !== 'relation' || other.cardinality !== expected || other.target !== entity) {
    report(path, 'invalid-inverse', `Inverse of ${name} must be a ${expected} relation on ${field.target} with target "${entity}", but ${where} is not.`);
    return;
  }
  // A manyToOne may leave out its inverse; every other declared inverse must point back at this field.
  const mustPointBack = field.cardinality !== 'oneToMany' || other.inverse !== undefined;
  if (mustPointBack && other.inverse !== fieldName) {
    report(path, 'invalid-inverse', `Inverse of ${name} is ${where}, but ${where} has inverse "${other.inverse ?? ''}"; set "inverse": "${fieldName}" on ${where}.`);
  }
}

function checkRelation(doc: MetadataDocument, report: Report, entity: string, fieldName: string, field: FieldDefinition): void {
  const base = ['entities', entity, 'fields', fieldName];
  const name = `${entity}.${fieldName}`;
  if (field.cardinality === undefined) {
    report(pointer(...base, 'cardinality'), 'missing-cardinality', `Relation ${name} needs "cardinality": "manyToOne" (each record links to one ${typeof field.target === 'string' ? field.target : 'target'}), "oneToMany" or "manyToMany".`);
  } else if (!CARDINALITIES.includes(field.cardinality)) {
    return; // reported structurally
  }
  if (field.onDelete !== undefined && field.cardinality !== 'manyToOne') {
    report(pointer(...base, 'onDelete'), 'on-delete-not-applicable', `"onDelete" only applies to manyToOne relations; remove it from ${name}.`);
  }
  if (field.required === true && field.cardinality === 'oneToMany') {
    report(pointer(...base, 'required'), 'required-not-supported', `oneToMany field ${name} is not writable and cannot be required; make the inverse manyToOne required instead.`);
  }
  if (typeof field.target !== 'string') return;
  if (!doc.entities[field.target] || typeof doc.entities[field.target] !== 'object') {
    const known = Object.keys(doc.entities).join(', ');
    report(pointer(...base, 'target'), 'unknown-target', `Relation ${name} targets "${field.target}", which is not an entity of this document (entities: ${known}); fix the target or add the entity.`);
    return;
  }
  if (field.cardinality !== undefined) checkInverse(doc, report, entity, fieldName, field);
}

/** Two oneToMany fields may not claim the same manyToOne as their inverse. */
function checkSharedInverses(report: Report, entities: [string, EntityDefinition][]): void {
  const claimed = new Map<string, string>();
  for (const [entity, def] of entities) {
    for (const [fieldName, field] of fieldEntries(def)) {
      if (field.type !== 'relation' || field.cardinality !== 'oneToMany' || typeof field.inverse !== 'string') continue;
      const key = `${String(field.target)}.${field.inverse}`;
      const other = claimed.get(key);
      if (other !== undefined) {
        report(pointer('entities', entity, 'fields', fieldName, 'inverse'), 'duplicate-inverse', `${entity}.${fieldName} and ${other} both use ${key} as inverse; a manyToOne has at most one oneToMany side.`);
      } else {
        claimed.set(key, `${entity}.${fieldName}`);
      }
    }
  }
}

export const checkRelations: DocumentCheck = (doc, report) => {
  const entities = entityEntries(doc);
  for (const [entity, def] of entities) {
    for (const [fieldName, field] of fieldEntries(def)) {
      if (field.type === 'relation') checkRelation(doc, report, entity, fieldName, field);
    }
  }
  checkSharedInverses(report, entities);
};
