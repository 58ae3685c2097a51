import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { columnsOf } from '../testing/db-snapshot.js';
import { crmDocument, crmDocumentV2 } from '../testing/fixtures.js';
import { TEST_ADMIN_NAME, withTestApp, type TestApp } from '../testing/test-app.js';

const VERSION_FIELDS = 'version document author authorName message createdAt changes plan';

describe('/metadata API over HTTP', () => {
  let t: TestApp;
  let studioDir: string;

  beforeAll(async () => {
    studioDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-studio-'));
    await writeFile(path.join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>');
    await writeFile(path.join(studioDir, 'app.js'), 'console.log(1)');
    t = await withTestApp(undefined, { studioDir });
  });

  afterAll(async () => {
    await t?.close();
    await rm(studioDir, { recursive: true, force: true });
  });

  it('serves version 0 as the current metadata of an empty workspace', async () => {
    const res = await t.metadata(`{ currentMetadata { ${VERSION_FIELDS} } metadataVersions { version } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      currentMetadata: { version: 0, document: { entities: {} }, changes: [], plan: { steps: [], destructive: false } },
      metadataVersions: [],
    });
  });

  it('validates, previews and publishes a document, creating its tables', async () => {
    const validation = await t.metadata(`query($d: JSON!) { validateMetadata(document: $d) { path message code } }`, { d: crmDocument() });
    expect(validation.data).toEqual({ validateMetadata: [] });

    const preview = await t.metadata<{ previewMetadata: { valid: boolean; baseVersion: number; steps: { description: string; sql: string[] }[] } }>(
      `query($d: JSON!) { previewMetadata(document: $d) { valid problems { path } baseVersion destructive changes steps { kind entity field description destructive sql } } }`,
      { d: crmDocument() },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewMetadata).toMatchObject({ valid: true, baseVersion: 0 });
    expect(preview.data!.previewMetadata.steps.length).toBeGreaterThan(0);

    const published = await t.metadata(
      `mutation($d: JSON!, $m: String, $b: Int) { publishMetadata(document: $d, message: $m, baseVersion: $b) { ${VERSION_FIELDS} } }`,
      { d: crmDocument(), m: 'Add companies and deals', b: 0 },
    );
    expect(published.errors).toBeUndefined();
    expect(published.data).toMatchObject({
      publishMetadata: { version: 1, author: `user:${t.admin.id}`, authorName: TEST_ADMIN_NAME, message: 'Add companies and deals', document: crmDocument() },
    });
    expect(await columnsOf(t.pool, 'deal')).toEqual(expect.arrayContaining(['title', 'amount', 'amount_currency', 'company_id']));

    const current = await t.metadata(`{ currentMetadata { version createdAt } metadataVersion(version: 1) { message } }`);
    expect(current.data).toMatchObject({ currentMetadata: { version: 1 }, metadataVersion: { message: 'Add companies and deals' } });
    expect(Number.isNaN(Date.parse((current.data as { currentMetadata: { createdAt: string } }).currentMetadata.createdAt))).toBe(false);
  });

  it('answers a stale publish with VERSION_CONFLICT', async () => {
    const res = await t.metadata(`mutation($d: JSON!) { publishMetadata(document: $d, baseVersion: 0) { version } }`, { d: crmDocumentV2() });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
  });

  it('answers an invalid document with METADATA_INVALID listing every problem', async () => {
    const bad = { entities: { deal: { label: 'Deal', pluralLabel: 'Deals', plural: 'deals', fields: { a: { type: 'nope', label: 'A' }, b: { type: 'relation', label: 'B', target: 'ghost', cardinality: 'manyToOne' } } } } };
    const res = await t.metadata(`mutation($d: JSON!) { publishMetadata(document: $d) { version } }`, { d: bad });
    const error = res.errors?.[0];
    expect(error?.extensions?.['code']).toBe('METADATA_INVALID');
    const problems = error?.extensions?.['problems'] as { path: string }[];
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['/entities/deal/fields/a/type']));
    expect(problems.some((p) => p.path.startsWith('/entities/deal/fields/b'))).toBe(true);
    expect(error?.extensions?.['stacktrace']).toBeUndefined();
  });

  it('reverts to an earlier version as a new version and lists the history newest first', async () => {
    await t.metadata(`mutation($d: JSON!) { publishMetadata(document: $d, baseVersion: 1) { version } }`, { d: crmDocumentV2() });
    const reverted = await t.metadata(`mutation { revertMetadata(version: 1, message: "back") { version message document } }`);
    expect(reverted.errors).toBeUndefined();
    expect(reverted.data).toMatchObject({ revertMetadata: { version: 3, message: 'back', document: crmDocument() } });

    const history = await t.metadata<{ metadataVersions: { version: number; changes: unknown[] }[] }>(`{ metadataVersions(limit: 2) { version changes } }`);
    expect(history.data!.metadataVersions.map((v) => v.version)).toEqual([3, 2]);
    expect(history.data!.metadataVersions[0]!.changes.length).toBeGreaterThan(0);
    const missing = await t.metadata(`{ metadataVersion(version: 99) { version } }`);
    expect(missing.data).toEqual({ metadataVersion: null });
  });

  it('answers /health with the current metadata version', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', metadataVersion: expect.any(Number) });
  });

  it('serves the studio with SPA fallback, but not for API paths', async () => {
    const asset = await fetch(`${t.baseUrl}/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const route = await fetch(`${t.baseUrl}/entities/deal/records`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Studio</title>');
    const api = await fetch(`${t.baseUrl}/health/nope`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
  });
});
