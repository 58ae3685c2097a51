const preset = require('../sdk/jest-preset.cjs');
module.exports = {
  ...preset,
  roots: ['<rootDir>/src'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@trellis/metadata$': '<rootDir>/../../metadata/src/index.ts',
    '^@trellis/runtime$': '<rootDir>/../../runtime/src/index.ts',
    '^@trellis/plugin-sdk$': '<rootDir>/../sdk/src/index.ts',
    '^@trellis/plugin-sdk/studio$': '<rootDir>/../sdk/src/studio.ts',
  },
};
