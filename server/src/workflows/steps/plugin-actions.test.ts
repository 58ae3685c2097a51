import type { PluginDefinition } from '@trellis/plugin-sdk';
import type { MetadataStoreService } from '../../metadata-store/metadata-store.service.js';
import { WorkflowActionRegistry } from './plugin-actions.js';

const store = { extendPublish: () => undefined } as unknown as MetadataStoreService;
const plugin = (name: string, inputSchema: Record<string, unknown> = { type: 'object' }): PluginDefinition => ({
  name,
  version: '1.0.0',
  actions: { ping: { label: 'Ping', inputSchema, run: () => 'pong' } },
});

describe('WorkflowActionRegistry', () => {
  it('registers the actions of the plugins it is given, by <plugin>.<action>', async () => {
    const registry = new WorkflowActionRegistry(store, [plugin('alpha'), plugin('beta')]);
    await registry.onModuleInit();
    expect(registry.keys()).toEqual(['alpha.ping', 'beta.ping']);
    expect(registry.get('alpha.ping')?.validate({})).toBe(true);
  });

  it('refuses a plugin loaded twice, an invalid definition and a schema that does not compile', () => {
    const registry = new WorkflowActionRegistry(store, []);
    registry.register(plugin('alpha'));
    expect(() => registry.register(plugin('alpha'))).toThrow('The workflow action alpha.ping is registered twice: load the plugin "alpha" once.');
    expect(() => registry.register({ ...plugin('Bad Name') })).toThrow(/Invalid plugin 'Bad Name'/);
    expect(() => registry.register(plugin('gamma', { type: 'object', properties: { n: { type: 'nonsense' } } }))).toThrow(
      /^The input schema of the workflow action gamma.ping is not a valid JSON Schema: /,
    );
  });
});
