/**
 * The workflow actions plugins register (`definePlugin({ actions })`), by `<plugin>.<action>`: from the plugins
 * the server loaded (plugins/plugin-loader.ts: AppModule.forRoot({ plugins }), TRELLIS_PLUGINS, plugins/*). Each action's input schema is compiled once (ajv); a publish is refused when a workflow names an
 * unknown action or gives inputs its schema rules out (see plugin-action-problems.ts).
 */
import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import type { JsonSchema } from '@trellis/metadata';
import { definePlugin, type PluginAction, type PluginDefinition } from '@trellis/plugin-sdk';
import { Ajv, type ValidateFunction } from 'ajv';
import { MetadataStoreService } from '../../metadata-store/metadata-store.service.js';
import { pluginActionProblems } from './plugin-action-problems.js';

/** The plugins the server loaded (plugins/plugin-loader.ts), the disabled ones left out. */
export const WORKFLOW_PLUGINS = Symbol('WORKFLOW_PLUGINS');

export interface RegisteredAction {
  /** `<plugin>.<action>` */
  key: string;
  plugin: string;
  action: PluginAction;
  /** The whole input, after its expressions are evaluated. */
  validate: ValidateFunction;
  /** Per property: a literal input value can be checked at publish. */
  propertyValidators: Map<string, ValidateFunction>;
}

/** A built-in step type or a plugin action, as the studio's step picker lists them. */
export interface WorkflowActionInfo {
  type: string;
  label: string;
  description?: string;
  plugin: string;
  schema: JsonSchema;
}

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });

@Injectable()
export class WorkflowActionRegistry implements OnModuleInit {
  private readonly logger = new Logger('WorkflowActions');
  private readonly actions = new Map<string, RegisteredAction>();

  constructor(
    private readonly store: MetadataStoreService,
    @Optional() @Inject(WORKFLOW_PLUGINS) private readonly plugins: PluginDefinition[] = [],
  ) {}

  async onModuleInit(): Promise<void> {
    for (const plugin of this.plugins ?? []) this.register(plugin);
    this.store.extendPublish({ check: (document) => pluginActionProblems(document, this) });
    if (this.actions.size > 0) this.logger.log(`workflow actions: ${[...this.actions.keys()].join(', ')}`);
  }

  /** Adds a plugin's actions; throws when its definition is invalid, an action is already registered or a schema does not compile. */
  register(plugin: PluginDefinition): void {
    definePlugin(plugin); // the SDK's checks, also for plugins built without it
    const compiled = compilePluginActions(plugin);
    for (const { key } of compiled) {
      if (this.actions.has(key)) throw new Error(`The workflow action ${key} is registered twice: load the plugin "${plugin.name}" once.`);
    }
    for (const action of compiled) this.actions.set(action.key, action);
  }

  get(key: string): RegisteredAction | undefined {
    return this.actions.get(key);
  }

  keys(): string[] {
    return [...this.actions.keys()].sort();
  }

  /** Every plugin action, for the studio (`workflowActions`). */
  list(): WorkflowActionInfo[] {
    return this.keys().map((key) => {
      const { plugin, action } = this.actions.get(key)!;
      return { type: key, label: action.label, ...(action.description ? { description: action.description } : {}), plugin, schema: action.inputSchema };
    });
  }
}

/** A plugin's actions with their compiled input schemas; throws when a schema does not compile. */
export function compilePluginActions(plugin: PluginDefinition): RegisteredAction[] {
  return Object.entries(plugin.actions ?? {}).map(([name, action]) => {
    const key = `${plugin.name}.${name}`;
    const propertyValidators = new Map<string, ValidateFunction>();
    try {
      const validate = ajv.compile(action.inputSchema);
      const properties = (action.inputSchema['properties'] ?? {}) as Record<string, JsonSchema>;
      for (const [property, schema] of Object.entries(properties)) propertyValidators.set(property, ajv.compile(schema));
      return { key, plugin: plugin.name, action, validate, propertyValidators };
    } catch (error) {
      throw new Error(`The input schema of the workflow action ${key} is not a valid JSON Schema: ${(error as Error).message}`);
    }
  });
}
