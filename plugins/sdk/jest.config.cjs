module.exports = require('./jest-plugin-preset.cjs');
