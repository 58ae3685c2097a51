/** Record hooks a plugin registers (`definePlugin({ hooks })`): code run before or after a record write. */

export const HOOK_EVENTS = ['beforeCreate', 'beforeUpdate', 'beforeDelete', 'afterCreate', 'afterUpdate', 'afterDelete'] as const;
export type PluginHookEvent = (typeof HOOK_EVENTS)[number];

/** What a hook sees: the rule context of the write. */
export interface PluginHookContext {
  /** The entity written. */
  entity: string;
  /** The record as it will be (before-hooks) or was stored (after-hooks); for deletes, the deleted record. */
  record: Record<string, unknown>;
  /** The stored record before the write (null on create). */
  previous: Record<string, unknown> | null;
  /** The user writing, as rules see them. */
  user: Record<string, unknown>;
  /** The write's time, ISO 8601. */
  now: string;
}

/** A before-hook refuses the write by returning `{ reject: message }`; after-hooks' results are ignored. */
export type PluginHookResult = void | undefined | { reject: string };

export interface PluginHook {
  /** An entity name, or '*' for every entity. */
  entity: string;
  on: PluginHookEvent;
  run(ctx: PluginHookContext): PluginHookResult | Promise<PluginHookResult>;
}

export function hookProblems(hooks: PluginHook[] | undefined): string[] {
  if (hooks === undefined) return [];
  if (!Array.isArray(hooks)) return ['hooks must be an array of { entity, on, run }'];
  const problems: string[] = [];
  hooks.forEach((hook, i) => {
    if (typeof hook !== 'object' || hook === null) {
      problems.push(`hooks[${i}] must be an object { entity, on, run }`);
      return;
    }
    if (typeof hook.entity !== 'string' || !(hook.entity === '*' || /^[a-z][a-zA-Z0-9]*$/.test(hook.entity))) {
      problems.push(`hooks[${i}].entity must be an entity name or '*'`);
    }
    if (!(HOOK_EVENTS as readonly unknown[]).includes(hook.on)) {
      problems.push(`hooks[${i}].on ${JSON.stringify(hook.on)} must be one of ${HOOK_EVENTS.join(', ')}`);
    }
    if (typeof hook.run !== 'function') problems.push(`hooks[${i}].run must be a function`);
  });
  return problems;
}

/** A hook result's rejection message, if it rejects. */
export function hookRejection(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || !('reject' in result)) return undefined;
  const reject = (result as { reject: unknown }).reject;
  return typeof reject === 'string' && reject !== '' ? reject : 'Refused by a plugin hook';
}
