// The jest config of a package under plugins/ (the SDK, packs, example plugins): the shared preset, with the
// workspace packages mapped to their sources two folders up, so tests need no build first.
const preset = require('./jest-preset.cjs');

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
