/**
 * A small GraphQL client for the server's /metadata API. Errors come back as `CliError`s that say what the
 * server answered (its code and problems with their JSON paths) and how to fix the usual causes.
 */
import { CliError, EXIT_DECISION, EXIT_ERROR } from './cli-error.js';

/** Server refusals that wait for a person's decision: exit code 2, like the CLI's own checks. */
const DECISION_CODES = new Set(['PACK_CONFLICTS', 'PACK_CLASHES']);

export interface ApiOptions {
  /** Server base URL, e.g. http://localhost:3000. */
  url: string;
  /** `trk_…` API key, sent as a Bearer token. */
  apiKey?: string;
}

export interface ServerProblem {
  path?: string;
  message: string;
  code?: string;
}

interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; problems?: ServerProblem[]; step?: unknown; [key: string]: unknown };
}

/** A GraphQL error from the server, kept as data for commands that react to a code (e.g. PACK_CONFLICTS). */
export class ApiError extends CliError {
  readonly code: string;
  /** The server's own message, without the operation and code. */
  readonly serverMessage: string;
  readonly problems: ServerProblem[];
  readonly extensions: Record<string, unknown>;

  constructor(operation: string, error: GraphQLErrorBody) {
    const code = error.extensions?.code ?? 'ERROR';
    const problems = Array.isArray(error.extensions?.problems) ? error.extensions.problems : [];
    super(`${operation} failed (${code}): ${error.message}`, {
      details: [
        ...problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}${p.code ? ` [${p.code}]` : ''}`),
        ...pathItems(error.extensions?.['conflicts']),
        ...pathItems(error.extensions?.['clashes']),
      ],
      hint: hintFor(code),
      exitCode: DECISION_CODES.has(code) ? EXIT_DECISION : EXIT_ERROR,
    });
    this.code = code;
    this.serverMessage = error.message;
    this.problems = problems;
    this.extensions = error.extensions ?? {};
  }
}

/** The `{ path, message }` items some errors carry (PACK_CONFLICTS' conflicts, PACK_CLASHES' clashes). */
function pathItems(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: { path?: unknown; message?: unknown }) =>
    typeof item?.path === 'string' ? [`${item.path}${typeof item.message === 'string' ? `: ${item.message}` : ''}`] : [],
  );
}

function hintFor(code: string): string | undefined {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'pass an API key with --api-key trk_… or set TRELLIS_API_KEY (create one in the studio under Settings → API keys).';
    case 'FORBIDDEN':
      return "use an API key whose role has the manageMetadata capability.";
    case 'VERSION_CONFLICT':
      return 'someone published in the meantime: pull again (trellis metadata pull), re-apply your change and retry.';
    case 'METADATA_INVALID':
      return 'correct the document at the paths listed above, then retry.';
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'the server does not know this operation: it is probably older than this CLI; update the server.';
    case 'PACK_CONFLICTS':
      return 'decide every conflict: --decisions FILE, --take-mine or --take-pack.';
    case 'PACK_CLASHES':
      return 'choose for every clash: --keep-mine, --take-pack or --choices FILE.';
    case 'PACK_NOT_FOUND':
      return 'see the packs the server offers with `trellis pack list`; add a pack folder to plugins/ or TRELLIS_PACK_DIRS on the server.';
    case 'PACK_ALREADY_INSTALLED':
      return 'use `trellis pack upgrade NAME` to move to a newer version.';
    case 'PACK_NOT_INSTALLED':
      return 'install it first with `trellis pack install NAME`.';
    case 'PACK_EXPORT_INVALID':
      return 'add what the chosen components refer to (--entities, --workflows), or export everything.';
    case 'PACK_REQUIRED':
      return 'uninstall the packs that depend on it first.';
    default:
      return undefined;
  }
}

export class GraphQLClient {
  constructor(private readonly options: ApiOptions) {}

  get endpoint(): string {
    return `${this.options.url.replace(/\/+$/, '')}/metadata`;
  }

  /** Runs one operation; `name` names it in errors (e.g. "publishMetadata"). */
  async request<T>(name: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers['authorization'] = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(`Cannot reach the Trellis server at ${this.endpoint} (${cause}).`, {
        hint: 'start the server, or point at it with --url or TRELLIS_URL (default http://localhost:3000).',
      });
    }
    const text = await response.text();
    let body: { data?: T | null; errors?: GraphQLErrorBody[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new CliError(`${name} failed: ${this.endpoint} answered HTTP ${response.status} with something other than GraphQL JSON: ${text.slice(0, 200)}`, {
        hint: 'check that --url points at a Trellis server.',
      });
    }
    const first = body.errors?.[0];
    if (first) throw new ApiError(name, first);
    if (!response.ok || body.data == null) {
      throw new CliError(`${name} failed: HTTP ${response.status} without data from ${this.endpoint}.`);
    }
    return body.data;
  }
}
