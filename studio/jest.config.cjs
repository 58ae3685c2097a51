// Unit tests of the studio's pure modules (query builders, document edits, formatting); node environment, no DOM.
const preset = require('../plugins/sdk/jest-preset.cjs');
module.exports = {
  ...preset,
  roots: ['<rootDir>/src', '<rootDir>/build'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { ...preset.moduleNameMapper, '^@trellis/plugin-sdk/studio$': '<rootDir>/../plugins/sdk/src/studio.ts' },
};
