// Unit tests of the studio's pure modules (query builders, document edits, formatting); node environment, no DOM.
module.exports = { ...require('../plugins/sdk/jest-preset.cjs'), roots: ['<rootDir>/src'], testMatch: ['**/*.test.ts'] };
