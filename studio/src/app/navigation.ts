/**
 * The fixed sections of the sidebar (the "Data" section lists the entities and is built in Sidebar.tsx).
 * A section or an item that needs a capability is hidden from people without it.
 */
import type { Capabilities } from '../auth/session-context.js';
import type { IconName } from '../ui/Icon.js';
import type { Capability } from './routes.js';

export interface NavItemEntry {
  to: string;
  icon: IconName;
  label: string;
  requires?: Capability;
  /** Shows the "unpublished changes" dot (Publish). */
  draftBadge?: boolean;
}

export interface NavSection {
  id: string;
  heading: string;
  requires?: Capability;
  items: NavItemEntry[];
}

/** Links for every signed-in person, above the data (no heading). */
export const PERSONAL_ITEMS: NavItemEntry[] = [{ to: '/tasks', icon: 'tasks', label: 'My tasks' }];

export const NAV_SECTIONS: NavSection[] = [
  {
    id: 'studio',
    heading: 'Studio',
    requires: 'manageMetadata',
    items: [
      { to: '/studio/entities', icon: 'layers', label: 'Entities' },
      { to: '/studio/roles', icon: 'badge', label: 'Roles' },
      { to: '/studio/workflows', icon: 'workflow', label: 'Workflows' },
      { to: '/studio/runs', icon: 'activity', label: 'Workflow runs' },
      { to: '/studio/packs', icon: 'database', label: 'Packs' },
      { to: '/studio/publish', icon: 'upload', label: 'Publish', draftBadge: true },
      { to: '/studio/history', icon: 'history', label: 'History' },
    ],
  },
  {
    id: 'admin',
    heading: 'Administration',
    requires: 'manageUsers',
    items: [
      { to: '/admin/users', icon: 'users', label: 'Users' },
      { to: '/admin/teams', icon: 'team', label: 'Teams' },
      { to: '/admin/api-keys', icon: 'key', label: 'API keys' },
      { to: '/admin/security-log', icon: 'shield', label: 'Security log' },
      { to: '/admin/mail-outbox', icon: 'mail', label: 'Mail outbox' },
    ],
  },
];

/** The sections and items `me` may see; sections left empty are dropped. */
export function visibleSections(sections: NavSection[], me: Capabilities): NavSection[] {
  const allowed = (requires?: Capability) => !requires || me[requires];
  return sections
    .filter((s) => allowed(s.requires))
    .map((s) => ({ ...s, items: s.items.filter((i) => allowed(i.requires)) }))
    .filter((s) => s.items.length > 0);
}

/** Whether the nav link `to` is the current page or one of its sub-pages (`/admin/users/42` → Users). */
export function isActive(to: string, segments: string[]): boolean {
  const target = to.split('/').filter(Boolean);
  return target.every((part, i) => segments[i] === part);
}
