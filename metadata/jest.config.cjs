module.exports = { ...require('../plugins/sdk/jest-preset.cjs'), roots: ['<rootDir>/src'] };
