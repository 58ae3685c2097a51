import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing/run-cli.js';
import { destructivePreview, editedDocument, preview, serverDocument } from '../testing/fixtures.js';
import { startStubServer, StubGraphQLError, type StubServer } from '../testing/stub-server.js';

let server: StubServer;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startStubServer({
    currentMetadata: () => ({ version: 7, document: serverDocument }),
    previewMetadata: () => preview(),
    publishMetadata: () => ({ version: 8, message: 'm' }),
  });
  dir = await mkdtemp(join(tmpdir(), 'trellis-cli-'));
  env = { TRELLIS_URL: server.url, TRELLIS_API_KEY: 'trk_test' };
  await writeFile(join(dir, 'doc.json'), JSON.stringify(editedDocument));
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env, cwd: dir });

describe('trellis metadata pull', () => {
  it('writes the current document to --out, authenticating with the API key', async () => {
    const result = await cli('metadata', 'pull', '--out', 'metadata.json');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Wrote version 7 of http:\/\/127\.0\.0\.1:\d+ to metadata\.json/);
    expect(JSON.parse(await readFile(join(dir, 'metadata.json'), 'utf8'))).toEqual(serverDocument);
    expect(server.requests[0]).toMatchObject({ field: 'currentMetadata', authorization: 'Bearer trk_test' });
  });

  it('prefers --url and --api-key over the environment', async () => {
    const result = await runCli(['metadata', 'pull', '--url', server.url, '--api-key', 'trk_flag'], { env: { TRELLIS_URL: 'http://127.0.0.1:9' }, cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual(serverDocument);
    expect(server.requests[0]!.authorization).toBe('Bearer trk_flag');
  });

  it("reports the server's UNAUTHENTICATED error with how to fix it", async () => {
    server.handlers['currentMetadata'] = () => {
      throw new StubGraphQLError('Sign in first', { code: 'UNAUTHENTICATED' });
    };
    const result = await cli('metadata', 'pull');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/currentMetadata failed \(UNAUTHENTICATED\): Sign in first/);
    expect(result.err).toMatch(/Fix: pass an API key with --api-key/);
  });
});

describe('trellis metadata diff', () => {
  it('lists the changes from the server to the file, one readable line each', async () => {
    const result = await cli('metadata', 'diff', 'doc.json');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        'Changes from the server (version 7) to doc.json:',
        '  ~ field company.name: label "Name" → "Company name"',
        '  + field company.website',
        '  - field company.size',
        '  + entity ticket',
        '4 change(s).',
        '',
      ].join('\n'),
    );
  });

  it('says when there is no difference', async () => {
    await writeFile(join(dir, 'same.json'), JSON.stringify(serverDocument));
    expect((await cli('metadata', 'diff', 'same.json')).out).toBe('No differences between the server (version 7) and same.json.\n');
  });

  it('points at the line of a JSON syntax error', async () => {
    await writeFile(join(dir, 'broken.json'), '{\n  "entities": {\n    "a": 1,\n  }\n}');
    const result = await cli('metadata', 'diff', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/broken\.json:4:3: not valid JSON/);
  });

  it('refuses a file that is not a document', async () => {
    await writeFile(join(dir, 'list.json'), '[]');
    const result = await cli('metadata', 'diff', 'list.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/list\.json: not a metadata document \(expected an object with an "entities" object at \/entities\)/);
  });

  it('names a missing file', async () => {
    const result = await cli('metadata', 'diff', 'nope.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Cannot read nope\.json: no such file/);
  });
});

describe('trellis metadata plan', () => {
  it("prints the server's steps, flagging destructive ones", async () => {
    server.handlers['previewMetadata'] = () => destructivePreview();
    const result = await cli('metadata', 'plan', 'doc.json');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/1\. Add column website to company/);
    expect(result.out).toMatch(/2\. \[DESTRUCTIVE\] Drop column size of company/);
    expect(result.out).toMatch(/2 step\(s\), 1 destructive/);
    expect(server.requests.find((r) => r.field === 'previewMetadata')!.variables['document']).toEqual(editedDocument);
  });

  it('lists the problems of an invalid document with their paths (exit 1)', async () => {
    server.handlers['previewMetadata'] = () =>
      preview({ valid: false, steps: [], problems: [{ path: '/entities/ticket/fields/title/type', message: 'unknown field type "txt"', code: 'UNKNOWN_FIELD_TYPE' }] });
    const result = await cli('metadata', 'plan', 'doc.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/doc\.json is not a valid metadata document \(1 problem\(s\)\)/);
    expect(result.err).toMatch(/\/entities\/ticket\/fields\/title\/type: unknown field type "txt" \[UNKNOWN_FIELD_TYPE\]/);
  });
});

describe('trellis metadata apply', () => {
  it("publishes on top of the preview's version", async () => {
    const result = await cli('metadata', 'apply', 'doc.json', '-m', 'Add tickets');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\[1\/2\] Planning doc\.json…\n\[2\/2\] Publishing on top of version 7…/);
    expect(result.out).toMatch(/Published version 8/);
    const publish = server.requests.find((r) => r.field === 'publishMetadata')!;
    expect(publish.variables).toEqual({ document: editedDocument, message: 'Add tickets', baseVersion: 7 });
  });

  it('refuses a destructive plan without --yes (exit 2) and publishes nothing', async () => {
    server.handlers['previewMetadata'] = () => destructivePreview();
    const result = await cli('metadata', 'apply', 'doc.json');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/The plan for doc\.json is destructive/);
    expect(result.err).toMatch(/\[DESTRUCTIVE\] Drop column size/);
    expect(result.err).toMatch(/run again with --yes/);
    expect(server.requests.some((r) => r.field === 'publishMetadata')).toBe(false);
  });

  it('applies a destructive plan with --yes', async () => {
    server.handlers['previewMetadata'] = () => destructivePreview();
    expect((await cli('metadata', 'apply', 'doc.json', '--yes')).code).toBe(0);
    expect(server.requests.some((r) => r.field === 'publishMetadata')).toBe(true);
  });

  it('refuses when the server moved past --base-version', async () => {
    const result = await cli('metadata', 'apply', 'doc.json', '--base-version', '5');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/The server is at version 7, not 5/);
  });

  it('does nothing when the server already matches', async () => {
    server.handlers['previewMetadata'] = () => preview({ steps: [], changes: [] });
    const result = await cli('metadata', 'apply', 'doc.json');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Nothing to apply: the server \(version 7\) already matches doc\.json/);
    expect(server.requests.some((r) => r.field === 'publishMetadata')).toBe(false);
  });

  it("shows a publish error's code, problems and fix", async () => {
    server.handlers['publishMetadata'] = () => {
      throw new StubGraphQLError('The metadata document is invalid: /entities/ticket: bad', {
        code: 'METADATA_INVALID',
        problems: [{ path: '/entities/ticket', message: 'bad', code: 'X' }],
      });
    };
    const result = await cli('metadata', 'apply', 'doc.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/publishMetadata failed \(METADATA_INVALID\)/);
    expect(result.err).toMatch(/\n {2}\/entities\/ticket: bad \[X\]/);
    expect(result.err).toMatch(/Fix: correct the document at the paths listed above/);
  });
});
