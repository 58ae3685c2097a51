const preset = require('../../plugins/sdk/jest-preset.cjs');
module.exports = { ...preset, rootDir: __dirname, roots: ['<rootDir>/src'], testTimeout: 120000,
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' } };
