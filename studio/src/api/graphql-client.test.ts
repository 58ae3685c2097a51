import { createClient, GraphQLRequestError, onUnauthenticated, type Fetcher } from './graphql-client.js';

const respond = (body: unknown, status = 200): Fetcher => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The error a request fails with (fails the test when it succeeds). */
const failure = (request: Promise<unknown>): Promise<GraphQLRequestError> =>
  request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: GraphQLRequestError) => e,
  );

describe('GraphQL client', () => {
  it('posts the query and variables as JSON and returns data', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const client = createClient('/graphql', async (url, init) => {
      seen = { url, init };
      return new Response(JSON.stringify({ data: { ok: true } }));
    });
    await expect(client.request('{ ok }', { a: 1 })).resolves.toEqual({ ok: true });
    expect(seen!.url).toBe('/graphql');
    expect(seen!.init.method).toBe('POST');
    expect(JSON.parse(String(seen!.init.body))).toEqual({ query: '{ ok }', variables: { a: 1 } });
  });

  it('turns GraphQL errors into a typed error with code and field errors', async () => {
    const client = createClient(
      '/graphql',
      respond({
        data: null,
        errors: [
          {
            message: 'Validation failed',
            extensions: { code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'name', message: 'Name is required' }] },
          },
        ],
      }),
    );
    const error = await failure(client.request('mutation { x }'));
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([{ field: 'name', message: 'Name is required' }]);
  });

  it('carries metadata problems and the failed migration step', async () => {
    const problems = [{ path: '/entities/a', message: 'm', code: 'c' }];
    const metadata = (body: unknown) => createClient('/metadata', respond(body)).request('mutation { publish }');
    const invalid = await failure(metadata({ errors: [{ message: 'bad', extensions: { code: 'METADATA_INVALID', problems } }] }));
    expect(invalid.problems).toEqual(problems);
    const failed = await failure(metadata({ errors: [{ message: 'boom', extensions: { code: 'MIGRATION_FAILED', step: 'Add column x' } }] }));
    expect(failed.code).toBe('MIGRATION_FAILED');
    expect(failed.step).toBe('Add column x');
  });

  it('reports unreachable servers and non-JSON answers as NETWORK_ERROR', async () => {
    const unreachable: Fetcher = async () => {
      throw new TypeError('fetch failed');
    };
    const down = await failure(createClient('/graphql', unreachable).request('{ a }'));
    expect(down.code).toBe('NETWORK_ERROR');
    expect(down.message).toMatch(/Cannot reach the server/);
    const html = await failure(createClient('/graphql', respond('<html>', 502)).request('{ a }'));
    expect(html.code).toBe('NETWORK_ERROR');
    expect(html.message).toMatch(/502/);
  });
});

describe('GraphQL client: unauthenticated requests', () => {
  it('tells the app when a request is refused with UNAUTHENTICATED, then fails it', async () => {
    const seen: string[] = [];
    const stop = onUnauthenticated((e) => seen.push(e.code));
    try {
      const client = createClient('/graphql', respond({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }, 401));
      const error = await failure(client.request('{ a }'));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(seen).toEqual(['UNAUTHENTICATED']);
    } finally {
      stop();
    }
  });

  it('treats a 401 without a JSON body as unauthenticated too', async () => {
    const seen: string[] = [];
    const stop = onUnauthenticated((e) => seen.push(e.code));
    try {
      const error = await failure(createClient('/metadata', respond('Unauthorized', 401)).request('{ a }'));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(seen).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('does not call the listener for other errors, nor after unsubscribing', async () => {
    const seen: string[] = [];
    const stop = onUnauthenticated((e) => seen.push(e.code));
    await failure(createClient('/graphql', respond({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] })).request('{ a }'));
    stop();
    await failure(createClient('/graphql', respond({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)).request('{ a }'));
    expect(seen).toEqual([]);
  });
});
