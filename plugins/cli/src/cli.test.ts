import { runCli } from './testing/run-cli.js';

describe('trellis (arguments and exit codes)', () => {
  it('prints help with exit code 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Usage: trellis/);
    expect(result.out).toMatch(/pack\s+list, install, upgrade/);
    expect(result.out).toMatch(/Exit codes: 0 ok, 1 error, 2 a decision is needed/);
  });

  it('prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, out: '0.1.0\n' });
  });

  it('exits 1 with the usage hint on a missing argument', async () => {
    const result = await runCli(['pack', 'upgrade']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/missing required argument 'name'/);
    expect(result.err).toMatch(/run with --help/);
  });

  it('exits 1 on an unknown command or option', async () => {
    expect((await runCli(['pack', 'frobnicate'])).code).toBe(1);
    const unknown = await runCli(['metadata', 'pull', '--bogus']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown option '--bogus'/);
  });

  it('requires --version and --out for pack export', async () => {
    const result = await runCli(['pack', 'export', 'mine', '--out', 'x']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/required option '--version <semver>' not specified/);
  });

  it('refuses a non-numeric --base-version', async () => {
    const result = await runCli(['metadata', 'apply', 'doc.json', '--base-version', 'latest']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/expected a version number/);
  });

  it('says which server it cannot reach and how to point at another', async () => {
    const result = await runCli(['metadata', 'pull', '--url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Cannot reach the Trellis server at http:\/\/127\.0\.0\.1:9\/metadata/);
    expect(result.err).toMatch(/Fix: start the server, or point at it with --url or TRELLIS_URL/);
  });
});
