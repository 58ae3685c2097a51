module.exports = require('../sdk/jest-plugin-preset.cjs');
