/** A first condition to edit: the rules builder's own starting row (as a new validation rule starts). */
import type { EntityDefinition, JsonLogic } from '@trellis/metadata';
import { newCondition, toJsonLogic } from '../rules/visual-rule.js';

export function starterCondition(entity: EntityDefinition, previous = true): JsonLogic {
  const row = newCondition(entity, { previous });
  return (row ? toJsonLogic({ kind: 'group', combinator: 'all', items: [row] }, entity) : undefined) ?? true;
}
