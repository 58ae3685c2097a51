/**
 * The record hooks plugins register (`definePlugin({ hooks })`), from the plugins the server loaded
 * (plugin-loader.ts: AppModule.forRoot({ plugins }), TRELLIS_PLUGINS, plugins/*). RecordService runs before-hooks
 * inside the write (after before-save workflows, before validation rules): a `{ reject }` refuses the write with
 * VALIDATION_FAILED naming the plugin. After-hooks run once the write returns (after its commit when the service
 * owns the transaction); their errors are logged and never fail the write. Plugins run in-process: trusted code.
 */
import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { hookRejection, type PluginDefinition, type PluginHook, type PluginHookEvent } from '@trellis/plugin-sdk';
import { RECORD_FIELD } from '@trellis/runtime';
import type { Actor } from '../common/request-context.js';
import { validationFailed, type RecordFieldError } from '../records/record-errors.js';
import { ruleUser } from '../records/record-rules.js';
import { WORKFLOW_PLUGINS } from '../workflows/steps/plugin-actions.js';

type Values = Record<string, unknown>;

interface RegisteredHook {
  plugin: string;
  hook: PluginHook;
}

export interface HookWrite {
  entity: string;
  record: Values;
  previous: Values | null;
  actor: Actor;
  now: Date;
}

@Injectable()
export class PluginHooks implements OnModuleInit {
  private readonly logger = new Logger('PluginHooks');
  private readonly hooks: RegisteredHook[] = [];

  constructor(@Optional() @Inject(WORKFLOW_PLUGINS) private readonly plugins: PluginDefinition[] = []) {}

  onModuleInit(): void {
    for (const plugin of this.plugins ?? []) this.register(plugin);
  }

  register(plugin: PluginDefinition): void {
    for (const hook of plugin.hooks ?? []) this.hooks.push({ plugin: plugin.name, hook });
  }

  /** Whether any hook runs on this entity for one of these events (the write path loads the stored record only then). */
  has(entity: string, ...events: PluginHookEvent[]): boolean {
    return this.hooks.some(({ hook }) => events.includes(hook.on) && (hook.entity === '*' || hook.entity === entity));
  }

  /** Runs the before-hooks of `event` in registration order; throws VALIDATION_FAILED at the first rejection (or hook error). */
  async before(event: 'beforeCreate' | 'beforeUpdate' | 'beforeDelete', write: HookWrite, index?: number): Promise<void> {
    for (const { plugin, hook } of this.matching(event, write.entity)) {
      let message: string | undefined;
      try {
        message = hookRejection(await hook.run(context(write)));
      } catch (error) {
        message = `its ${event} hook failed: ${(error as Error)?.message ?? String(error)}`;
      }
      if (message !== undefined) {
        const error: RecordFieldError = { field: RECORD_FIELD, message: `Plugin "${plugin}": ${message}`, rule: `plugin:${plugin}` };
        throw validationFailed([index === undefined ? error : { ...error, index }]);
      }
    }
  }

  /** Runs the after-hooks of `event`; a hook's error is logged, never thrown. */
  async after(event: 'afterCreate' | 'afterUpdate' | 'afterDelete', write: HookWrite): Promise<void> {
    for (const { plugin, hook } of this.matching(event, write.entity)) {
      try {
        await hook.run(context(write));
      } catch (error) {
        this.logger.error(`Plugin "${plugin}" ${event} hook on ${write.entity} failed: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }

  private matching(event: PluginHookEvent, entity: string): RegisteredHook[] {
    return this.hooks.filter(({ hook }) => hook.on === event && (hook.entity === '*' || hook.entity === entity));
  }
}

function context(write: HookWrite) {
  return {
    entity: write.entity,
    record: write.record,
    previous: write.previous,
    user: ruleUser(write.actor) as unknown as Values,
    now: write.now.toISOString(),
  };
}
