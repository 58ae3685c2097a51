import { capabilitiesFromRoles } from '../auth/session-context.js';
import { isActive, NAV_SECTIONS, PERSONAL_ITEMS, visibleSections } from './navigation.js';

const headings = (me: Parameters<typeof visibleSections>[1]) => visibleSections(NAV_SECTIONS, me).map((s) => s.heading);

describe('sidebar sections', () => {
  it('shows the studio and the administration to an administrator', () => {
    expect(headings(capabilitiesFromRoles(['admin']))).toEqual(['Studio', 'Administration']);
  });

  it('hides the studio from users who may not manage metadata, and the administration from those who may not manage users', () => {
    expect(headings({ admin: false, manageMetadata: false, manageUsers: false, roles: ['salesRep'] })).toEqual([]);
    expect(headings({ admin: false, manageMetadata: true, manageUsers: false, roles: ['designer'] })).toEqual(['Studio']);
    expect(headings({ admin: false, manageMetadata: false, manageUsers: true, roles: ['hr'] })).toEqual(['Administration']);
  });

  it('lists the administration pages', () => {
    const admin = visibleSections(NAV_SECTIONS, capabilitiesFromRoles(['admin'])).find((s) => s.id === 'admin')!;
    expect(admin.items.map((i) => i.label)).toEqual(['Users', 'Teams', 'API keys', 'Security log', 'Mail outbox']);
  });

  it('lists the studio pages, workflows and their runs included', () => {
    const studio = visibleSections(NAV_SECTIONS, capabilitiesFromRoles(['admin'])).find((s) => s.id === 'studio')!;
    expect(studio.items.map((i) => i.label)).toEqual(['Entities', 'Roles', 'Workflows', 'Workflow runs', 'Packs', 'Publish', 'History']);
  });

  it('gives every signed-in person "My tasks", needing no capability', () => {
    expect(PERSONAL_ITEMS.map((i) => [i.to, i.label, i.requires])).toEqual([['/tasks', 'My tasks', undefined]]);
  });

  it('marks a link active on its page and its sub-pages only', () => {
    expect(isActive('/admin/users', ['admin', 'users'])).toBe(true);
    expect(isActive('/admin/users', ['admin', 'users', 'u1'])).toBe(true);
    expect(isActive('/admin/users', ['admin', 'teams'])).toBe(false);
    expect(isActive('/data/company', ['data', 'companyType'])).toBe(false);
  });
});
