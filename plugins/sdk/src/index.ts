export { definePlugin, PluginDefinitionError, PLUGIN_NAME, SEMVER } from './define-plugin.js';
export type { PluginDefinition, PluginOperation } from './define-plugin.js';
export { isSeedLookup } from './seed.js';
export type { SeedData, SeedEntityRecords, SeedRecord, SeedLookup } from './seed.js';
export { TransientActionError, ACTION_NAME } from './actions.js';
export type { PluginAction, PluginActionContext } from './actions.js';
export { HOOK_EVENTS, hookRejection } from './hooks.js';
export type { PluginHook, PluginHookContext, PluginHookEvent, PluginHookResult } from './hooks.js';
// Pack folders (Node only: they read and write files).
export * from './packs/index.js';
export type { PackManifest } from '@trellis/metadata';
