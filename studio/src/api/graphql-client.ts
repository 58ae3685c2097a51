/**
 * A minimal GraphQL-over-HTTP client. Errors become `GraphQLRequestError`s that carry the server's
 * `extensions.code` and the structured details Trellis puts next to it (field errors, metadata problems,
 * the failed migration step), so the UI can show them where they belong.
 */

export interface FieldError {
  field: string;
  message: string;
  rule?: string;
  index?: number;
}

export interface MetadataProblem {
  path: string;
  message: string;
  code: string;
}

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    fieldErrors?: FieldError[];
    problems?: MetadataProblem[];
    step?: string;
    [key: string]: unknown;
  };
}

export class GraphQLRequestError extends Error {
  /** `extensions.code` of the first error (`VALIDATION_FAILED`, `VERSION_CONFLICT`, …), or `NETWORK_ERROR`. */
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly problems: MetadataProblem[];
  /** For `MIGRATION_FAILED`: the description of the step that failed. */
  readonly step?: string;
  readonly errors: GraphQLErrorPayload[];

  constructor(errors: GraphQLErrorPayload[], fallbackCode = 'INTERNAL_SERVER_ERROR') {
    super(errors.map((e) => e.message).join('\n') || 'Request failed');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    const first = errors[0]?.extensions ?? {};
    this.code = first.code ?? fallbackCode;
    this.fieldErrors = errors.flatMap((e) => e.extensions?.fieldErrors ?? []);
    this.problems = errors.flatMap((e) => e.extensions?.problems ?? []);
    this.step = typeof first.step === 'string' ? first.step : undefined;
  }
}

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

type UnauthenticatedListener = (error: GraphQLRequestError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Calls `listener` whenever a request is refused with 401 / UNAUTHENTICATED (the session expired or was
 * revoked), so the app can show the sign-in page from wherever the request was made. Returns the unsubscribe.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function refused(error: GraphQLRequestError): GraphQLRequestError {
  for (const listener of unauthenticatedListeners) listener(error);
  return error;
}

export interface GraphQLClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A client for one endpoint (`/graphql` for records, `/metadata` for the metadata API). */
export function createClient(endpoint: string, fetcher: Fetcher = (i, init) => fetch(i, init)): GraphQLClient {
  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      let response: Response;
      try {
        response = await fetcher(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
      } catch (cause) {
        throw new GraphQLRequestError(
          [{ message: `Cannot reach the server (${(cause as Error).message})` }],
          'NETWORK_ERROR',
        );
      }
      let body: { data?: T | null; errors?: GraphQLErrorPayload[] };
      try {
        body = await response.json();
      } catch {
        if (response.status === 401) throw refused(new GraphQLRequestError([{ message: 'Sign in to continue' }], 'UNAUTHENTICATED'));
        throw new GraphQLRequestError(
          [{ message: `The server answered ${response.status} ${response.statusText} without JSON` }],
          'NETWORK_ERROR',
        );
      }
      if (response.status === 401 || body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        throw refused(new GraphQLRequestError(body.errors?.length ? body.errors : [{ message: 'Sign in to continue' }], 'UNAUTHENTICATED'));
      }
      if (body.errors?.length) throw new GraphQLRequestError(body.errors);
      if (body.data == null) throw new GraphQLRequestError([{ message: 'The server returned no data' }]);
      return body.data;
    },
  };
}

export const recordsClient = createClient('/graphql');
export const metadataClient = createClient('/metadata');
