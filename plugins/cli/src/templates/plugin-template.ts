/**
 * The files of a new plugin (`trellis plugin new NAME`): a standalone ESM TypeScript package with a
 * definePlugin example of an operation and a workflow action, a jest test and a README.
 */


const packageJson = (name: string): string =>
  `${JSON.stringify(
    {
      name: `trellis-plugin-${name}`,
      version: '0.1.0',
      description: `Trellis plugin ${name}.`,
      type: 'module',
      main: 'dist/index.js',
      types: 'dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      files: ['dist'],
      keywords: ['trellis-plugin'],
      // How the server (plugins/ folder) and the studio build recognise a plugin package.
      trellis: { plugin: true },
      scripts: {
        build: 'tsc -p tsconfig.json',
        test: 'node --experimental-vm-modules node_modules/jest/bin/jest.js',
      },
      peerDependencies: { '@trellis/plugin-sdk': '^0.1.0' },
      devDependencies: { '@trellis/plugin-sdk': '^0.1.0', '@swc/jest': '^0.2.36', '@types/jest': '^29.5.0', jest: '^29.7.0', typescript: '^5.6.0' },
    },
    null,
    2,
  )}\n`;

const tsconfig = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      declaration: true,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
      types: ['node', 'jest'],
    },
    include: ['src'],
    exclude: ['src/**/*.test.ts'],
  },
  null,
  2,
)}\n`;

const jestConfig = `// ESM TypeScript tests through @swc/jest, like Trellis's own packages.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\\\.{1,2}/.*)\\\\.js$': '$1' },
  transform: { '^.+\\\\.ts$': ['@swc/jest', { module: { type: 'es6' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
};
`;

const indexTs = (name: string): string => `/**
 * ${name}: a Trellis plugin. Plugins run in the server process and are trusted code: review what you install.
 */
import { definePlugin, TransientActionError } from '@trellis/plugin-sdk';

export default definePlugin({
  name: '${name}',
  version: '0.1.0',
  description: 'What ${name} adds to Trellis.',

  /**
   * JSON Logic operations, usable in rules, formulas and workflow conditions (browser and server): pure functions
   * of their evaluated arguments, with a signature the rule checks and editors read.
   * In a rule: { "initials": [{ "var": "record.name" }] } gives "AC" for "Acme Corp".
   */
  operations: {
    initials: {
      evaluate: (text: unknown): string =>
        String(text ?? '')
          .split(/\\s+/)
          .filter((word) => word !== '')
          .map((word) => word.charAt(0).toUpperCase())
          .join(''),
      minArgs: 1,
      maxArgs: 1,
      result: 'string',
      description: 'The initials of the words of a text, e.g. "AC" for "Acme Corp".',
    },
  },

  /**
   * Workflow actions: a workflow's pluginAction step calls this one as '${name}.postToChat'. The server checks the
   * evaluated input against inputSchema before calling run; run's result is the step's output.
   */
  actions: {
    postToChat: {
      label: 'Post a message to a chat webhook',
      description: 'Sends { text } as JSON to an incoming-webhook URL (Slack, Teams, Mattermost…).',
      inputSchema: {
        type: 'object',
        properties: {
          url: { type: 'string', format: 'uri', description: 'Incoming webhook URL' },
          text: { type: 'string', description: 'Message text' },
        },
        required: ['url', 'text'],
      },
      async run(input, ctx) {
        const response = await fetch(String(input['url']), {
          method: 'POST',
          // The same key on every retry of this step, so the receiver can ignore duplicates.
          headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey },
          body: JSON.stringify({ text: String(input['text']) }),
          signal: ctx.signal,
        });
        // 5xx and 429 are worth retrying (with backoff); other failures stop the run with the message.
        if (response.status >= 500 || response.status === 429) throw new TransientActionError(\`chat webhook answered \${response.status}\`);
        if (!response.ok) throw new Error(\`chat webhook refused the message: HTTP \${response.status}\`);
        return { status: response.status };
      },
    },
  },
});
`;

const indexTest = (name: string): string => `import plugin from './index.js';

describe('${name}', () => {
  it('is a valid plugin named ${name}', () => {
    expect(plugin.name).toBe('${name}');
    expect(plugin.version).toMatch(/^\\d+\\.\\d+\\.\\d+/);
  });

  it('computes initials', () => {
    expect(plugin.operations.initials.evaluate('Acme corp')).toBe('AC');
    expect(plugin.operations.initials.evaluate(null)).toBe('');
  });

  it('declares the postToChat action with a JSON Schema input', () => {
    expect(plugin.actions.postToChat.inputSchema).toMatchObject({ type: 'object', required: ['url', 'text'] });
  });
});
`;

const readme = (name: string): string => `# ${name}

A Trellis plugin, created with \`trellis plugin new ${name}\`.

- \`src/index.ts\` declares it with \`definePlugin\` from \`@trellis/plugin-sdk\`:
  - an **operation** \`initials\` (JSON Logic: \`{ "initials": [{ "var": "name" }] }\`), usable in rules, formulas and
    workflow conditions;
  - a **workflow action** \`postToChat\` (a workflow step of type pluginAction with action \`${name}.postToChat\`).
- \`src/index.test.ts\` tests it: \`npm test\`.
- \`npm run build\` compiles to \`dist/\`.

Install: put this folder under the server's \`plugins/\` folder (or list the npm package in the server configuration)
and restart the server. A plugin that throws while loading is disabled with a log line; the server still starts.

Plugins run inside the server process with its privileges: they are trusted code.

Other extension points of \`definePlugin\`: \`fieldTypes\` (new field types: columns, GraphQL types, JSON Schema,
filter operators, how values read in words), \`hooks\` (before/after create, update, delete) and \`packs\` (template
pack folders shipped with the plugin). A field type's studio widget lives in a studio half
(\`defineStudioPlugin\` from \`@trellis/plugin-sdk/studio\`) named in package.json as
\`"trellis": { "plugin": true, "studio": "./studio/index.tsx" }\`; the studio build picks it up. See
plugins/plugin-geo in the Trellis repository for a complete example.
`;

export function pluginTemplateFiles(name: string): Record<string, string> {
  return {
    'package.json': packageJson(name),
    'tsconfig.json': tsconfig,
    'jest.config.cjs': jestConfig,
    'src/index.ts': indexTs(name),
    'src/index.test.ts': indexTest(name),
    'README.md': readme(name),
  };
}
