/**
 * The workflow actor's permissions in plain words: what the "Runs as" role may do with the records of each
 * entity the workflow reads or writes (from runtime's `resolveAccess`, the function the server enforces with),
 * and which steps that role would not allow.
 */
import { ADMIN_ROLE, type MetadataDocument, type WorkflowDefinition } from '@trellis/metadata';
import { resolveAccess, type ScopeGrant } from '@trellis/runtime';
import { scopeText } from '../roles/role-summary.js';
import { entityPlural } from './workflow-summary.js';
import { flattenSteps } from './workflow-paths.js';
import { triggerEntity } from './workflow-context.js';

export type Need = 'read' | 'create' | 'update' | 'transfer';

/** Per entity, what the workflow's steps need the actor to do, and which steps need it (by label). */
export function workflowNeeds(doc: MetadataDocument, def: WorkflowDefinition): Map<string, Map<Need, string[]>> {
  const needs = new Map<string, Map<Need, string[]>>();
  const add = (entity: string | undefined, need: Need, who: string) => {
    if (!entity) return;
    const byNeed = needs.get(entity) ?? new Map<Need, string[]>();
    byNeed.set(need, [...(byNeed.get(need) ?? []), who]);
    needs.set(entity, byNeed);
  };
  const entity = triggerEntity(def.trigger);
  if (entity) add(entity, 'read', 'the trigger');
  for (const { step } of flattenSteps(def.steps)) {
    const who = step.label?.trim() || step.key;
    if (step.type === 'updateRecord') add(entity, 'update', who);
    else if (step.type === 'assign') {
      add(entity, 'update', who);
      add(entity, 'transfer', who);
    } else if (step.type === 'createRecord') add(step.entity || undefined, 'create', who);
    else if (step.type === 'updateRelated' && entity && step.relation) {
      const target = doc.entities[entity]?.fields[step.relation]?.target;
      add(target, 'read', who);
      add(target, 'update', who);
    }
  }
  return needs;
}

function grantsText(doc: MetadataDocument, entity: string, grants: ScopeGrant[]): string {
  if (grants.length === 0) return 'none';
  if (grants.some((g) => g.scope === true)) return 'all records';
  return grants.map((g) => `where ${scopeText(doc, entity, g.scope).replace(/^./, (c) => c.toLowerCase())}`).join(', or ');
}

export interface EntityRights {
  entity: string;
  label: string;
  /** "Read all records; create; update where Owner is me; delete none". */
  text: string;
  /** "“Set stage” updates opportunities, which this role may not do." */
  missing: string[];
}

export interface RunAsSummary {
  admin: boolean;
  roleLabel: string;
  /** Known role (or admin)? */
  known: boolean;
  entities: EntityRights[];
}

const VERB: Record<Need, string> = { read: 'reads', create: 'creates', update: 'updates', transfer: 'hands over' };

export function runAsSummary(doc: MetadataDocument, def: WorkflowDefinition): RunAsSummary {
  const role = def.runAs || ADMIN_ROLE;
  const admin = role === ADMIN_ROLE;
  const known = admin || !!doc.roles?.[role];
  const roleLabel = admin ? 'Administrator' : (doc.roles?.[role]?.label ?? role);
  const needs = workflowNeeds(doc, def);
  const access = known ? resolveAccess(doc, { roles: [role] }) : undefined;
  const entities: EntityRights[] = [];
  for (const [entity, byNeed] of needs) {
    if (!doc.entities[entity]) continue;
    const a = access?.entities[entity];
    const plural = entityPlural(doc, entity).toLowerCase();
    const text = admin
      ? 'Every right on every record'
      : a
        ? `Read ${grantsText(doc, entity, a.read)}; ${a.create ? 'create' : 'no create'}; update ${grantsText(doc, entity, a.update)}; delete ${grantsText(doc, entity, a.delete)}${a.transfer ? '; transfer' : ''}`
        : 'No rights (unknown role)';
    const allowed: Record<Need, boolean> = {
      read: admin || (a?.read.length ?? 0) > 0,
      create: admin || a?.create === true,
      update: admin || (a?.update.length ?? 0) > 0,
      transfer: admin || a?.transfer === true,
    };
    const missing: string[] = [];
    for (const [need, who] of byNeed) {
      if (allowed[need]) continue;
      const subject = who.length === 1 && who[0] === 'the trigger' ? 'The workflow' : who.filter((w) => w !== 'the trigger').map((w) => `“${w}”`).join(', ');
      missing.push(`${subject} ${VERB[need]} ${need === 'transfer' ? `${plural} to other owners` : plural}, which ${roleLabel} may not do.`);
    }
    entities.push({ entity, label: entityPlural(doc, entity), text, missing });
  }
  return { admin, roleLabel, known, entities };
}
