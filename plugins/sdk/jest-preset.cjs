// Jest setup shared by every Trellis package and by plugins: ESM TypeScript through @swc/jest (Nest 12 is ESM-only;
// see shared STACK.md). It lives in the plugin SDK so plugin authors test their plugins exactly as Trellis does.

// ESM-only packages reached through require() from CommonJS ones (sanitize-html → htmlparser2 and its DOM helpers,
// used by @trellis/runtime's rich-text sanitizer). Node 20 loads them natively (require(esm)); jest can only do so on
// Node 24.9+, so below that they are compiled to CommonJS.
const ESM_REQUIRED_FROM_CJS = '(htmlparser2|domhandler|domutils|entities|dom-serializer|domelementtype)';

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@trellis/metadata$': '<rootDir>/../metadata/src/index.ts',
    '^@trellis/runtime$': '<rootDir>/../runtime/src/index.ts',
  },
  transform: {
    [`/node_modules/${ESM_REQUIRED_FROM_CJS}/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2022' } }],
    '^.+\\.(t|j)sx?$': ['@swc/jest', {
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true, decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      },
    }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_REQUIRED_FROM_CJS}/)`],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
