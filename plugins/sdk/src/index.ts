export { definePlugin, PluginDefinitionError, PLUGIN_NAME, SEMVER } from './define-plugin.js';
export type { PluginDefinition } from './define-plugin.js';
export { operationDefinition } from './operations.js';
export type { PluginOperation, PluginOperationDefinition } from './operations.js';
export { registerContributions } from './contributions.js';
export type { PluginContributions } from './contributions.js';
export { defineStudioPlugin, BUILT_IN_WIDGETS } from './studio.js';
export type { FieldWidget, FieldWidgetProps, StudioPluginDefinition } from './studio.js';
export { isSeedLookup } from './seed.js';
export type { SeedData, SeedEntityRecords, SeedRecord, SeedLookup } from './seed.js';
export { TransientActionError, ACTION_NAME } from './actions.js';
export type { PluginAction, PluginActionContext } from './actions.js';
export { HOOK_EVENTS, hookRejection } from './hooks.js';
export type { PluginHook, PluginHookContext, PluginHookEvent, PluginHookResult } from './hooks.js';
// Plugin packages and pack folders (Node only: they read files).
export { findPluginPackages, pluginPackageIn, pluginPackageNames, resolvePluginPackage } from './plugin-packages.js';
export type { PluginPackage } from './plugin-packages.js';
export * from './packs/index.js';
export type { PackManifest } from '@trellis/metadata';
