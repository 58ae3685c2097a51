// Jest setup shared by every Trellis package and by plugins: ESM TypeScript through @swc/jest (Nest 12 is ESM-only;
// see shared STACK.md). It lives in the plugin SDK so plugin authors test their plugins exactly as Trellis does.
module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@trellis/metadata$': '<rootDir>/../metadata/src/index.ts',
    '^@trellis/runtime$': '<rootDir>/../runtime/src/index.ts',
  },
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', {
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true, decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      },
    }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
