export { run, main } from './main.js';
export { buildProgram } from './program.js';
export { CliError, EXIT_OK, EXIT_ERROR, EXIT_DECISION } from './cli-error.js';
export { GraphQLClient, ApiError } from './api.js';
export type { CliIo } from './io.js';
