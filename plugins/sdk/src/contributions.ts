/**
 * The one way a plugin's shared contributions enter the process-wide registries, in the browser (studio) and
 * on the server alike: its field types (metadata's field-type registry) and its JSON Logic operations
 * (runtime's implementation and metadata's signature). All or nothing: on any clash nothing stays registered
 * and the error names the plugin already owning the name. Registering a plugin again (a second app in the same
 * process, a reload) first removes what it registered before.
 */
import { findFieldType, registerFieldType, registerOperationSignature, unregisterFieldType, unregisterOperationSignature, type FieldTypeDefinition } from '@trellis/metadata';
import { listOperations, registerOperation, unregisterOperation } from '@trellis/runtime';
import { operationDefinition, type PluginOperation } from './operations.js';

export interface PluginContributions {
  name: string;
  fieldTypes?: FieldTypeDefinition[];
  operations?: Record<string, PluginOperation>;
}

/** Which plugin registered each operation and field type (the registries are process-wide). */
const owners = new Map<string, string>();
/** Per plugin, how to remove what it registered. */
const registrations = new Map<string, () => void>();

/** Registers `plugin`'s field types and operations; returns the function that removes them again. */
export function registerContributions(plugin: PluginContributions): () => void {
  registrations.get(plugin.name)?.();
  const undo: Array<() => void> = [];
  let done = false;
  const rollback = () => {
    if (done) return;
    done = true;
    for (const step of undo.reverse()) step();
    if (registrations.get(plugin.name) === rollback) registrations.delete(plugin.name);
  };
  try {
    for (const type of plugin.fieldTypes ?? []) {
      const key = `fieldType:${type.name}`;
      const owner = findFieldType(type.name) ? owners.get(key) : undefined;
      if (owner !== undefined) throw new Error(`its field type "${type.name}" is already registered by the plugin "${owner}"`);
      if (findFieldType(type.name)) throw new Error(`its field type "${type.name}" has the name of a built-in type; choose another name`);
      registerFieldType(type);
      owners.set(key, plugin.name);
      undo.push(() => {
        unregisterFieldType(type.name);
        owners.delete(key);
      });
    }
    for (const [name, operation] of Object.entries(plugin.operations ?? {})) {
      const key = `operation:${name}`;
      const owner = listOperations().includes(name) ? owners.get(key) : undefined;
      if (owner !== undefined) throw new Error(`its operation "${name}" is already registered by the plugin "${owner}"`);
      const { evaluate, ...signature } = operationDefinition(name, operation);
      registerOperation(name, evaluate as (...args: unknown[]) => unknown);
      registerOperationSignature({ name, ...signature });
      owners.set(key, plugin.name);
      undo.push(() => {
        unregisterOperation(name);
        unregisterOperationSignature(name);
        owners.delete(key);
      });
    }
  } catch (error) {
    rollback();
    throw error;
  }
  registrations.set(plugin.name, rollback);
  return rollback;
}
