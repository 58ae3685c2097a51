/**
 * The browser half of a plugin: what the studio bundle picks up from a plugin package whose package.json names
 * it (`"trellis": { "plugin": true, "studio": "./src/studio.tsx" }`). It repeats the plugin's shared parts (field
 * types, operations: pure code, so the forms validate and compute like the server) and adds React widgets by
 * the name a field type's `widget` says. Import only browser-safe modules from here (no node:*).
 */
import type { FieldDefinition, FieldTypeDefinition } from '@trellis/metadata';
import { PLUGIN_NAME } from './define-plugin.js';
import { operationProblems, type PluginOperation } from './operations.js';

/** What the record form gives a plugin widget; the form draws the label, help text and errors around it. */
export interface FieldWidgetProps {
  /** The input's id: give it to the first input so the label points at it. */
  id: string;
  label: string;
  field: FieldDefinition;
  value: unknown;
  /** null clears the value. */
  onChange(value: unknown): void;
  /** Call when focus leaves the widget: the form validates the field then. */
  onBlur(): void;
  disabled: boolean;
  invalid: boolean;
  /** ids of the help text and errors, for aria-describedby. */
  describedBy?: string;
}

/** A React function component (typed loosely so the SDK does not depend on React). */
export type FieldWidget = (props: FieldWidgetProps) => unknown;

export interface StudioPluginDefinition {
  name: string;
  fieldTypes?: FieldTypeDefinition[];
  operations?: Record<string, PluginOperation>;
  /** Widgets by the name field types give in `widget`. */
  widgets?: Record<string, FieldWidget>;
}

/** Declares a plugin's studio half; throws listing every problem, like definePlugin. */
export function defineStudioPlugin<T extends StudioPluginDefinition>(def: T): T {
  const problems: string[] = [];
  if (typeof def?.name !== 'string' || !PLUGIN_NAME.test(def.name)) problems.push(`name ${JSON.stringify(def?.name)} must be the plugin's name (lowercase letters, digits and hyphens)`);
  problems.push(...operationProblems(def?.operations));
  for (const [name, widget] of Object.entries(def?.widgets ?? {})) {
    if (typeof widget !== 'function') problems.push(`widgets.${name} must be a React component (a function)`);
    // A plugin adds widgets; it does not replace how every field of a built-in type is edited.
    if (BUILT_IN_WIDGETS.includes(name)) problems.push(`widgets.${name}: "${name}" is a widget of the studio itself; give the plugin's widget another name`);
  }
  const widgetNames = new Set(Object.keys(def?.widgets ?? {}));
  for (const type of def?.fieldTypes ?? []) {
    if (typeof type?.widget === 'string' && !widgetNames.has(type.widget) && !BUILT_IN_WIDGETS.includes(type.widget)) {
      problems.push(`field type "${type.name}" names the widget "${type.widget}", which neither this plugin nor the studio provides: add it to widgets`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid studio plugin '${String(def?.name)}':\n- ${problems.join('\n- ')}`);
  return def;
}

/** Widgets the studio itself draws (a plugin type may reuse one, e.g. `number`). */
export const BUILT_IN_WIDGETS: readonly string[] = [
  'text', 'textarea', 'number', 'percent', 'currency', 'checkbox', 'date', 'dateTime', 'select', 'multiSelect',
  'rating', 'duration', 'richText', 'json', 'relation', 'email', 'url', 'phone', 'autoNumber', 'formula', 'rollup',
];

export { registerContributions, type PluginContributions } from './contributions.js';
export { operationDefinition, type PluginOperation, type PluginOperationDefinition } from './operations.js';
