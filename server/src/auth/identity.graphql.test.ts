/**
 * Identity in the /metadata API on a real server: capabilities, the user directory, user and team
 * management, API keys, the security log and the outbox.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { SecurityLogService } from './security-log.service.js';
import { crmDocument } from '../testing/fixtures.js';
import { withTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/** crmDocument with two roles: a metadata manager and a plain sales rep. */
function documentWithRoles(): MetadataDocument {
  return {
    ...crmDocument(),
    roles: {
      designer: { label: 'Designer', manageMetadata: true },
      userManager: { label: 'User manager', manageUsers: true },
      salesRep: { label: 'Sales rep', entities: { deal: { read: true, create: true } } },
    },
  } as MetadataDocument;
}

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];

describe('identity in /metadata', () => {
  let t: TestApp;
  let rep: { id: string; client: TestClient };
  let designer: { id: string; client: TestClient };
  let manager: { id: string; client: TestClient };

  beforeAll(async () => {
    t = await withTestApp(documentWithRoles());
    rep = await t.createUser({ email: 'rep@trellis.test', name: 'Rita Rep', roles: ['salesRep'], attributes: { region: 'EMEA' } });
    designer = await t.createUser({ email: 'designer@trellis.test', name: 'Dora Designer', roles: ['designer'] });
    manager = await t.createUser({ email: 'manager@trellis.test', name: 'Max Manager', roles: ['userManager'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells each user who they are and what they may do', async () => {
    expect((await t.metadata('{ me { user { email roles } admin manageMetadata manageUsers } }')).data).toEqual({
      me: { user: { email: 'admin@trellis.test', roles: ['admin'] }, admin: true, manageMetadata: true, manageUsers: true },
    });
    expect((await rep.client.metadata('{ me { user { email roles attributes } admin manageMetadata manageUsers } }')).data).toEqual({
      me: { user: { email: 'rep@trellis.test', roles: ['salesRep'], attributes: { region: 'EMEA' } }, admin: false, manageMetadata: false, manageUsers: false },
    });
    expect((await designer.client.metadata('{ me { manageMetadata manageUsers } }')).data).toEqual({ me: { manageMetadata: true, manageUsers: false } });
  });

  it('lets every signed-in user read the current document, but only metadata managers validate, preview and publish', async () => {
    expect((await rep.client.metadata('{ currentMetadata { version } }')).data).toEqual({ currentMetadata: { version: 1 } });
    const doc = documentWithRoles();
    const publish = `mutation($d: JSON!) { publishMetadata(document: $d, message: "x") { version } }`;
    const refused = await rep.client.metadata(publish, { d: doc });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/manageMetadata/);
    expect(code(await rep.client.metadata(`query($d: JSON!) { previewMetadata(document: $d) { valid } }`, { d: doc }))).toBe('FORBIDDEN');
    expect(code(await rep.client.metadata(`query($d: JSON!) { validateMetadata(document: $d) { path } }`, { d: doc }))).toBe('FORBIDDEN');
    expect(code(await rep.client.metadata(`mutation { revertMetadata(version: 1) { version } }`))).toBe('FORBIDDEN');
    const published = await designer.client.metadata(publish, { d: doc });
    expect(published).toEqual({ data: { publishMetadata: { version: 2 } } });
  });

  it('shows the user directory to everyone, with roles, attributes and sign-in data only to user managers', async () => {
    const query = '{ users { email name roles attributes lastSignInAt lockedUntil } }';
    const forRep = (await rep.client.metadata<{ users: Record<string, unknown>[] }>(query)).data!.users;
    expect(forRep.find((u) => u['email'] === 'rep@trellis.test')).toEqual({
      email: 'rep@trellis.test', name: 'Rita Rep', roles: null, attributes: null, lastSignInAt: null, lockedUntil: null,
    });
    const forManager = (await manager.client.metadata<{ users: Record<string, unknown>[] }>(query)).data!.users;
    expect(forManager.find((u) => u['email'] === 'rep@trellis.test')).toMatchObject({ roles: ['salesRep'], attributes: { region: 'EMEA' } });
    expect(forManager.find((u) => u['email'] === 'rep@trellis.test')!['lastSignInAt']).toEqual(expect.any(String));
  });

  it('refuses user management, API keys, the log and the outbox without manageUsers', async () => {
    for (const op of [
      'mutation { createUser(input: { email: "x@trellis.test", name: "X" }) { id } }',
      `mutation { updateUser(id: "${rep.id}", input: { name: "Hacked" }) { id } }`,
      `mutation { unlockUser(id: "${rep.id}") { id } }`,
      'mutation { createTeam(input: { name: "T" }) { id } }',
      'mutation { createApiKey(input: { name: "k", role: "salesRep" }) { secret } }',
      '{ apiKeys { id } }',
      '{ securityLog { id } }',
      '{ mailOutbox { id } }',
    ]) {
      const res = await designer.client.metadata(op);
      expect([op, code(res)]).toEqual([op, 'FORBIDDEN']);
      expect(res.errors?.[0]?.message).toMatch(/manageUsers/);
    }
  });

  it('checks role names against the document, and lets only admins hand out admin', async () => {
    const unknown = await t.metadata(`mutation { createUser(input: { email: "u1@trellis.test", name: "U", roles: ["wizard"], password: "a-fine-passphrase-11" }) { id } }`);
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toBe('Unknown role wizard: the roles are admin, designer, userManager, salesRep.');
    const escalate = await manager.client.metadata(`mutation { updateUser(id: "${manager.id}", input: { roles: ["admin"] }) { id } }`);
    expect(code(escalate)).toBe('FORBIDDEN');
    const key = await manager.client.metadata(`mutation { createApiKey(input: { name: "root", role: "admin" }) { secret } }`);
    expect(code(key)).toBe('FORBIDDEN');
    const granted = await manager.client.metadata<{ updateUser: { roles: string[] } }>(
      `mutation { updateUser(id: "${rep.id}", input: { roles: ["salesRep", "designer"] }) { roles } }`,
    );
    expect(granted.data).toEqual({ updateUser: { roles: ['designer', 'salesRep'] } });
    await t.metadata(`mutation { updateUser(id: "${rep.id}", input: { roles: ["salesRep"] }) { roles } }`);
    await t.app.get(SecurityLogService).flush();
    const { rows } = await t.pool.query(`SELECT detail FROM trellis.security_event WHERE kind = 'roles-changed' AND user_id = $1 ORDER BY id`, [rep.id]);
    expect(rows.map((r) => r.detail.to)).toEqual([['designer', 'salesRep'], ['salesRep']]);
  });

  it('keeps one active administrator', async () => {
    const res = await t.metadata(`mutation { updateUser(id: "${t.admin.id}", input: { active: false }) { id } }`);
    expect(res.errors?.[0]?.message).toBe('At least one active user must keep the admin role.');
  });

  it('invites a user created without a password: a reset link in the outbox', async () => {
    const created = await manager.client.metadata<{ createUser: { id: string; email: string } }>(
      `mutation { createUser(input: { email: "New.Hire@Trellis.test", name: "New Hire", roles: ["salesRep"], timeZone: "Europe/Berlin", locale: "de-DE" }) { id email timeZone locale } }`,
    );
    expect(created.data?.createUser).toMatchObject({ email: 'new.hire@trellis.test', timeZone: 'Europe/Berlin', locale: 'de-DE' });
    const outbox = await manager.client.metadata<{ mailOutbox: { to: string; subject: string; body: string }[] }>('{ mailOutbox(first: 1) { to subject body createdAt } }');
    expect(outbox.data!.mailOutbox[0]).toMatchObject({ to: 'new.hire@trellis.test', subject: 'You are invited to Trellis' });
    expect(outbox.data!.mailOutbox[0]!.body).toMatch(/#\/reset-password\?token=[\w-]{43}/);
    const bad = await t.metadata(`mutation { createUser(input: { email: "tz@trellis.test", name: "Tz", timeZone: "Mars/Olympus" }) { id } }`);
    expect(bad.errors?.[0]?.message).toMatch(/Unknown time zone "Mars\/Olympus"/);
  });

  it('signs a deactivated user out at once, even with a cached session', async () => {
    const victim = await t.createUser({ email: 'leaver@trellis.test', name: 'Leaver', roles: ['salesRep'] });
    expect((await victim.client.metadata('{ me { admin } }')).data).toEqual({ me: { admin: false } }); // cached now
    const res = await manager.client.metadata(`mutation { updateUser(id: "${victim.id}", input: { active: false }) { active } }`);
    expect(res.data).toEqual({ updateUser: { active: false } });
    expect(code(await victim.client.metadata('{ me { admin } }'))).toBe('UNAUTHENTICATED');
    const { rows } = await t.pool.query(`SELECT count(*)::int AS open FROM trellis.session WHERE user_id = $1 AND revoked_at IS NULL`, [victim.id]);
    expect(rows[0].open).toBe(0);
    const events = await manager.client.metadata<{ securityLog: { kind: string; userId: string }[] }>(
      `query($u: ID) { securityLog(userId: $u, kind: "user-deactivated") { kind userId detail } }`,
      { u: victim.id },
    );
    expect(events.data!.securityLog).toHaveLength(1);
  });

  it('applies role changes to a signed-in user at once', async () => {
    const user = await t.createUser({ email: 'promoted@trellis.test', name: 'Promoted', roles: ['salesRep'] });
    expect((await user.client.metadata('{ me { manageMetadata } }')).data).toEqual({ me: { manageMetadata: false } });
    await t.metadata(`mutation { updateUser(id: "${user.id}", input: { roles: ["designer"] }) { id } }`);
    expect((await user.client.metadata('{ me { manageMetadata } }')).data).toEqual({ me: { manageMetadata: true } });
  });

  it('manages teams: members, manager, and the teams of users', async () => {
    const created = await manager.client.metadata<{ createTeam: { id: string } }>(
      `mutation($m: [ID!]) { createTeam(input: { name: "EMEA", managerId: "${manager.id}", memberIds: $m }) { id name manager { email } members { email } } }`,
      { m: [rep.id] },
    );
    const teamId = created.data!.createTeam.id;
    expect(created.data!.createTeam).toMatchObject({ name: 'EMEA', manager: { email: 'manager@trellis.test' }, members: [{ email: 'rep@trellis.test' }] });
    expect(code(await t.metadata('mutation { createTeam(input: { name: "EMEA" }) { id } }'))).toBe('BAD_USER_INPUT');
    const me = await rep.client.metadata('{ me { user { teams { name } } } }');
    expect(me.data).toEqual({ me: { user: { teams: [{ name: 'EMEA' }] } } }); // the actor's teams followed at once
    const renamed = await t.metadata(`mutation($m: [ID!]) { updateTeam(id: "${teamId}", input: { name: "Europe", memberIds: $m }) { name members { email } } }`, {
      m: [rep.id, designer.id],
    });
    expect(renamed.data).toEqual({ updateTeam: { name: 'Europe', members: expect.arrayContaining([{ email: 'rep@trellis.test' }, { email: 'designer@trellis.test' }]) } });
    expect((await rep.client.metadata('{ teams { name } }')).data).toEqual({ teams: [{ name: 'Europe' }] });
    expect((await t.metadata(`mutation { deleteTeam(id: "${teamId}") }`)).data).toEqual({ deleteTeam: true });
    expect((await rep.client.metadata('{ me { user { teams { name } } } }')).data).toEqual({ me: { user: { teams: [] } } });
  });

  it('creates an API key shown once, uses it as its role, records its use at most once a minute, and revokes it', async () => {
    const created = await manager.client.metadata<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string; role: string } } }>(
      `mutation { createApiKey(input: { name: "ETL", role: "salesRep" }) { secret apiKey { id name prefix role createdBy { email } lastUsedAt revokedAt } } }`,
    );
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^trk_[\w-]{43}$/);
    expect(apiKey).toMatchObject({ prefix: secret.slice(0, 8), role: 'salesRep', createdBy: { email: 'manager@trellis.test' }, lastUsedAt: null });
    const { rows } = await t.pool.query(`SELECT secret_hash FROM trellis.api_key WHERE id = $1`, [apiKey.id]);
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].secret_hash).not.toContain(secret.slice(4));

    const withKey = (query: string, key = secret) =>
      t.fetch('/metadata', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query }) });
    for (let i = 0; i < 3; i++) expect(await (await withKey('{ me { user { email } manageUsers } }')).json()).toEqual({ data: { me: { user: { email: 'manager@trellis.test' }, manageUsers: false } } });
    await t.app.get(SecurityLogService).flush();
    const used = await t.pool.query(`SELECT count(*)::int AS n FROM trellis.security_event WHERE kind = 'api-key-used' AND api_key_id = $1`, [apiKey.id]);
    expect(used.rows[0].n).toBe(1);
    const lastUsed = await t.pool.query(`SELECT last_used_at FROM trellis.api_key WHERE id = $1`, [apiKey.id]);
    expect(lastUsed.rows[0].last_used_at).toBeInstanceOf(Date);

    const wrong = await withKey('{ me { admin } }', secret.slice(0, -2) + 'xx');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const revoked = await manager.client.metadata<{ revokeApiKey: { revokedAt: string } }>(`mutation { revokeApiKey(id: "${apiKey.id}") { revokedAt } }`);
    expect(revoked.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await withKey('{ me { admin } }')).status).toBe(401);
    const listed = await manager.client.metadata<{ apiKeys: { id: string; lastUsedAt: string | null; revokedAt: string | null }[] }>('{ apiKeys { id lastUsedAt revokedAt } }');
    expect(listed.data!.apiKeys.find((k) => k.id === apiKey.id)).toMatchObject({ lastUsedAt: expect.any(String), revokedAt: expect.any(String) });
  });

  it('refuses an expired API key', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await t.metadata<{ createApiKey: { secret: string } }>(`mutation($e: DateTime) { createApiKey(input: { name: "short", role: "salesRep", expiresAt: $e }) { secret } }`, {
      e: expiresAt,
    });
    const secret = created.data!.createApiKey.secret;
    const ask = () => t.fetch('/metadata', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{"query":"{ me { admin } }"}' });
    expect((await ask()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));
    expect((await ask()).status).toBe(401);
  });

  it('pages the security log backwards and filters it by kind', async () => {
    const page = await t.metadata<{ securityLog: { id: string; kind: string }[] }>('{ securityLog(first: 3) { id kind at } }');
    const ids = page.data!.securityLog.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const older = await t.metadata<{ securityLog: { id: string }[] }>(`{ securityLog(first: 3, before: "${ids[2]}") { id } }`);
    expect(Number(older.data!.securityLog[0]!.id)).toBeLessThan(ids[2]!);
    const signIns = await t.metadata<{ securityLog: { kind: string }[] }>('{ securityLog(kind: "sign-in") { kind } }');
    expect(new Set(signIns.data!.securityLog.map((e) => e.kind))).toEqual(new Set(['sign-in']));
    for (const kind of ['first-run', 'user-created', 'user-updated', 'api-key-created', 'api-key-revoked']) {
      const res = await t.metadata<{ securityLog: unknown[] }>(`{ securityLog(kind: "${kind}", first: 1) { id } }`);
      expect([kind, res.data!.securityLog.length]).toEqual([kind, 1]);
    }
  });
});
