/** What every command gets: output, the resolved server options and a GraphQL client. */
import { GraphQLClient } from './api.js';
import type { CliIo } from './io.js';

export const DEFAULT_URL = 'http://localhost:3000';

export interface GlobalOptions {
  url?: string;
  apiKey?: string;
}

export interface CommandContext {
  io: CliIo;
  url: string;
  client: GraphQLClient;
}

/** --url / TRELLIS_URL / http://localhost:3000; --api-key / TRELLIS_API_KEY. */
export function commandContext(io: CliIo, options: GlobalOptions): CommandContext {
  const url = options.url ?? io.env['TRELLIS_URL'] ?? DEFAULT_URL;
  const apiKey = options.apiKey ?? io.env['TRELLIS_API_KEY'];
  return { io, url, client: new GraphQLClient({ url, apiKey: apiKey || undefined }) };
}
