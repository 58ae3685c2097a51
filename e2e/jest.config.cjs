// Browser and HTTP end-to-end tests: the built server in a child process, driven through Debian's chromium.
module.exports = {
  ...require('../plugins/sdk/jest-preset.cjs'),
  roots: ['<rootDir>/src'],
  testTimeout: 120000,
};
