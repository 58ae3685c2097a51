import type { MetadataDocument } from '@trellis/metadata';
import type { AdminUser } from './admin-api.js';
import { attributesToRows, parseAttributeValue, rowsToAttributes } from './attribute-rows.js';
import { expiryToIso, keyState } from './key-expiry.js';
import { splitLinks } from './mail-links.js';
import { roleKnown, roleLabel, roleOptions } from './role-options.js';
import { describeDetail, eventKindLabel } from './security-events.js';
import { hasProblems, userChanges, userToForm } from './user-form.js';
import { isLocked, userStatus } from './user-status.js';

const doc = {
  entities: {},
  roles: { salesRep: { label: 'Sales rep', description: 'Own deals' }, auditor: { label: 'Auditor' } },
} as MetadataDocument;

const user: AdminUser = {
  id: 'u1',
  email: 'ada@x.io',
  name: 'Ada',
  locale: 'en-US',
  timeZone: 'UTC',
  active: true,
  roles: ['salesRep'],
  teams: [{ id: 't1', name: 'EMEA' }],
  attributes: { region: 'EMEA', quota: 5 },
  lastSignInAt: null,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('role options', () => {
  it('offers the built-in administrator first, then the document’s roles by label', () => {
    expect(roleOptions(doc).map((r) => r.label)).toEqual(['Administrator', 'Auditor', 'Sales rep']);
    expect(roleOptions({ entities: {} }).map((r) => r.name)).toEqual(['admin']);
  });

  it('labels roles, and shows a removed role by its name as unknown', () => {
    expect(roleLabel('salesRep', doc)).toBe('Sales rep');
    expect(roleLabel('admin', doc)).toBe('Administrator');
    expect(roleLabel('gone', doc)).toBe('gone');
    expect(roleKnown('gone', doc)).toBe(false);
  });
});

describe('attribute rows', () => {
  it('round-trips attributes, typing JSON-looking values and keeping the rest as text', () => {
    const rows = attributesToRows({ region: 'EMEA', quota: 5, tags: ['a'], vip: true });
    expect(rows).toEqual([
      { key: 'region', value: 'EMEA' },
      { key: 'quota', value: '5' },
      { key: 'tags', value: '["a"]' },
      { key: 'vip', value: 'true' },
    ]);
    expect(rowsToAttributes(rows).attributes).toEqual({ region: 'EMEA', quota: 5, tags: ['a'], vip: true });
    expect(parseAttributeValue('EMEA north')).toBe('EMEA north');
    expect(parseAttributeValue('[broken')).toBe('[broken');
  });

  it('skips blank rows and reports keyless, malformed and duplicate keys by row', () => {
    const { attributes, problems } = rowsToAttributes([
      { key: '', value: '' },
      { key: '', value: 'x' },
      { key: '1st', value: 'x' },
      { key: 'region', value: 'a' },
      { key: 'region', value: 'b' },
    ]);
    expect(attributes).toEqual({ region: 'a' });
    expect(Object.keys(problems).map(Number)).toEqual([1, 2, 4]);
    expect(problems[4]).toMatch(/used twice/);
  });
});

describe('user form', () => {
  it('sends nothing when nothing changed, whatever the order of roles', () => {
    const form = userToForm({ ...user, roles: ['salesRep', 'auditor'] });
    form.roles.reverse();
    expect(userChanges({ ...user, roles: ['salesRep', 'auditor'] }, form).input).toEqual({});
  });

  it('sends only the changed fields', () => {
    const form = { ...userToForm(user), name: ' Ada L. ', roles: ['auditor'], teamIds: [], attributes: [{ key: 'region', value: 'APAC' }] };
    expect(userChanges(user, form).input).toEqual({ name: 'Ada L.', roles: ['auditor'], teamIds: [], attributes: { region: 'APAC' } });
  });

  it('blocks saving without a name or with bad attribute rows', () => {
    expect(hasProblems(userChanges(user, { ...userToForm(user), name: ' ' }).problems)).toBe(true);
    expect(hasProblems(userChanges(user, { ...userToForm(user), attributes: [{ key: '', value: 'x' }] }).problems)).toBe(true);
    expect(hasProblems(userChanges(user, userToForm(user)).problems)).toBe(false);
  });
});

describe('user status', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('is deactivated, locked until a future time, or active', () => {
    expect(userStatus({ active: false, lockedUntil: null }, now)).toEqual({ kind: 'inactive' });
    expect(userStatus({ active: true, lockedUntil: '2026-01-01T12:03:30Z' }, now)).toEqual({ kind: 'locked', minutesLeft: 4 });
    expect(userStatus({ active: true, lockedUntil: '2026-01-01T11:00:00Z' }, now)).toEqual({ kind: 'active' });
    expect(isLocked({ active: false, lockedUntil: '2026-01-01T12:03:30Z' }, now)).toBe(true);
  });
});

describe('API key expiry', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('turns the choices into an ISO time, null for never', () => {
    expect(expiryToIso('never', '', now)).toEqual({ iso: null });
    expect(expiryToIso('30', '', now)).toEqual({ iso: '2026-01-31T00:00:00.000Z' });
    expect(expiryToIso('date', '2026-03-01', now)).toEqual({ iso: '2026-03-01T23:59:59.000Z' });
  });

  it('refuses a missing or past date', () => {
    expect(expiryToIso('date', '', now)).toHaveProperty('error');
    expect(expiryToIso('date', '2025-12-31', now)).toEqual({ error: 'The expiry date must be in the future.' });
  });

  it('tells active, expired and revoked keys apart', () => {
    expect(keyState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(keyState({ revokedAt: null, expiresAt: '2025-06-01T00:00:00Z' }, now)).toBe('expired');
    expect(keyState({ revokedAt: '2025-06-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe('revoked');
  });
});

describe('mail links and security events', () => {
  it('finds the links of a mail body, without trailing punctuation', () => {
    const parts = splitLinks('Choose it here:\n\nhttp://localhost:3000/#/reset-password?token=abc.\n');
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual(['http://localhost:3000/#/reset-password?token=abc']);
    expect(parts.map((p) => p.text).join('')).toBe('Choose it here:\n\nhttp://localhost:3000/#/reset-password?token=abc.\n');
  });

  it('names event kinds and summarises details', () => {
    expect(eventKindLabel('locked-out')).toBe('Locked out');
    expect(eventKindLabel('something-new')).toBe('something-new');
    expect(describeDetail({ roles: ['admin', 'salesRep'], name: 'CI', empty: null })).toBe('roles: admin, salesRep · name: CI');
    expect(describeDetail(null)).toBe('');
  });
});
