/** JSON Schema of `document.roles`: roles by name, each with capabilities and per-entity permissions. */
import type { JsonSchema } from '../field-types/field-type.js';

const SCOPE = (what: string): JsonSchema => ({
  anyOf: [{ type: 'boolean' }, { type: 'object' }],
  description: `${what}: true = every record, false (or absent) = none, or a JSON Logic condition over { record, user }, e.g. {"==": [{"var": "record.owner"}, {"var": "user.id"}]}.`,
});

export const ENTITY_PERMISSION_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Entity permission',
  description: 'What users holding the role may do with records of this entity.',
  additionalProperties: false,
  properties: {
    read: SCOPE('Records the role may read'),
    create: { type: 'boolean', description: 'Whether the role may create records.' },
    update: SCOPE('Records the role may update (only those it can also read)'),
    delete: SCOPE('Records the role may delete (only those it can also read)'),
    transfer: { type: 'boolean', description: 'Whether a write may leave a record outside the role’s read scope, e.g. hand it to another owner (default false).' },
    fields: {
      type: 'object',
      description: 'Field name → "hidden" (never shown or returned) or "readOnly" (shown, not writable); fields not listed are editable.',
      additionalProperties: { enum: ['hidden', 'readOnly'] },
    },
  },
};

export const ROLE_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Role',
  description: 'A set of permissions given to users and API keys. The built-in role "admin" may do everything.',
  required: ['label'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1, description: 'Name shown to people, e.g. "Sales rep".' },
    description: { type: 'string', description: 'Who the role is for.' },
    manageMetadata: { type: 'boolean', description: 'May edit and publish metadata (entities, fields, rules, roles…).' },
    manageUsers: { type: 'boolean', description: 'May manage users, teams, role assignments and API keys, and read the security log.' },
    entities: {
      type: 'object',
      description: 'Permissions per entity name; entities not listed cannot be accessed at all.',
      additionalProperties: { $ref: '#/definitions/entityPermission' },
    },
  },
};
