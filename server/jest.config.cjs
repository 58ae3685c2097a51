const preset = require('../plugins/sdk/jest-preset.cjs');

module.exports = {
  ...preset,
  roots: ['<rootDir>/src'],
  // Workspace packages from source, so tests never need a build first.
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@trellis/plugin-sdk$': '<rootDir>/../plugins/sdk/src/index.ts',
    '^@trellis/pack-starter-sales$': '<rootDir>/../plugins/starter-sales/src/index.ts',
  },
  // Integration tests boot real Postgres clusters.
  testTimeout: 60000,
};
