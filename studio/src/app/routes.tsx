/**
 * Every page of the app in one table: its path pattern, its title, what it renders and the capability it
 * needs. To add a page, add a line here (and a nav entry in navigation.ts).
 */
import { lazy, type ReactNode } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import type { Capabilities } from '../auth/session-context.js';
import { ListPage } from '../data/ListPage.js';
import { actionName, isPackAction } from '../packs/pack-list.js';
import type { RouteParams } from './route-match.js';
import type { Route } from './router.js';

// The list is the first page most people see; forms (@rjsf), the studio and the admin pages load on demand.
const RecordPage = lazy(() => import('../data/RecordPage.js').then((m) => ({ default: m.RecordPage })));
const EntitiesPage = lazy(() => import('../studio/EntitiesPage.js').then((m) => ({ default: m.EntitiesPage })));
const EntityDesigner = lazy(() => import('../studio/EntityDesigner.js').then((m) => ({ default: m.EntityDesigner })));
const PublishPage = lazy(() => import('../studio/PublishPage.js').then((m) => ({ default: m.PublishPage })));
const HistoryPage = lazy(() => import('../studio/HistoryPage.js').then((m) => ({ default: m.HistoryPage })));
const RolesPage = lazy(() => import('../studio/roles/RolesPage.js').then((m) => ({ default: m.RolesPage })));
const RoleEditor = lazy(() => import('../studio/roles/RoleEditor.js').then((m) => ({ default: m.RoleEditor })));
const UsersPage = lazy(() => import('../admin/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => import('../admin/UserPage.js').then((m) => ({ default: m.UserPage })));
const TeamsPage = lazy(() => import('../admin/TeamsPage.js').then((m) => ({ default: m.TeamsPage })));
const ApiKeysPage = lazy(() => import('../admin/ApiKeysPage.js').then((m) => ({ default: m.ApiKeysPage })));
const SecurityLogPage = lazy(() => import('../admin/SecurityLogPage.js').then((m) => ({ default: m.SecurityLogPage })));
const MailOutboxPage = lazy(() => import('../admin/MailOutboxPage.js').then((m) => ({ default: m.MailOutboxPage })));
const WorkflowsPage = lazy(() => import('../studio/workflows/WorkflowsPage.js').then((m) => ({ default: m.WorkflowsPage })));
const WorkflowEditor = lazy(() => import('../studio/workflows/WorkflowEditor.js').then((m) => ({ default: m.WorkflowEditor })));
const WorkflowRunsPage = lazy(() => import('../workflows-runs/WorkflowRunsPage.js').then((m) => ({ default: m.WorkflowRunsPage })));
const WorkflowRunPage = lazy(() => import('../workflows-runs/WorkflowRunPage.js').then((m) => ({ default: m.WorkflowRunPage })));
const PacksPage = lazy(() => import('../packs/PacksPage.js').then((m) => ({ default: m.PacksPage })));
const PackPreviewPage = lazy(() => import('../packs/PackPreviewPage.js').then((m) => ({ default: m.PackPreviewPage })));
const MyTasksPage = lazy(() => import('../inbox/MyTasksPage.js').then((m) => ({ default: m.MyTasksPage })));

export type Capability = Exclude<keyof Capabilities, 'roles'>;

export interface PageContext {
  params: RouteParams;
  route: Route;
  doc: MetadataDocument;
}

export interface PageRoute {
  /** Literal segments and `:params`, e.g. `data/:entity/:id`; the first matching line wins. */
  path: string;
  title: (page: PageContext) => string;
  render: (page: PageContext) => ReactNode;
  /** Without it the page says the person lacks access (the nav hides its link too). */
  requires?: Capability;
  /** Null when the route's entity (or other subject) does not exist: the app shows "Not found" with this text. */
  missing?: (page: PageContext) => string | null;
}

const entityMissing = ({ params, doc }: PageContext) =>
  doc.entities[params.entity] ? null : `There is no entity named “${params.entity}” in the published metadata.`;

export const ROUTES: PageRoute[] = [
  {
    path: 'data/:entity',
    missing: entityMissing,
    title: ({ params, doc }) => doc.entities[params.entity].pluralLabel,
    render: ({ params }) => <ListPage key={params.entity} entityName={params.entity} />,
  },
  {
    path: 'data/:entity/new',
    missing: entityMissing,
    title: ({ params, doc }) => `New ${doc.entities[params.entity].label.toLowerCase()}`,
    render: ({ params, route }) => <RecordPage key={`${params.entity}/new/${route.query.toString()}`} entityName={params.entity} prefill={route.query} />,
  },
  {
    path: 'data/:entity/:id',
    missing: entityMissing,
    title: ({ params, doc }) => doc.entities[params.entity].label,
    render: ({ params }) => <RecordPage key={`${params.entity}/${params.id}`} entityName={params.entity} id={params.id} />,
  },
  { path: 'studio/entities', requires: 'manageMetadata', title: () => 'Entities', render: () => <EntitiesPage /> },
  {
    path: 'studio/entities/:entity',
    requires: 'manageMetadata',
    title: ({ params }) => `${params.entity} · Entities`,
    render: ({ params, route }) => <EntityDesigner key={params.entity} entityName={params.entity} tab={route.query.get('tab') ?? 'fields'} />,
  },
  { path: 'studio/roles', requires: 'manageMetadata', title: () => 'Roles', render: () => <RolesPage /> },
  {
    path: 'studio/roles/:role',
    requires: 'manageMetadata',
    title: ({ params }) => `${params.role} · Roles`,
    render: ({ params }) => <RoleEditor key={params.role} roleName={params.role} />,
  },
  { path: 'studio/workflows', requires: 'manageMetadata', title: () => 'Workflows', render: () => <WorkflowsPage /> },
  {
    path: 'studio/workflows/:workflow',
    requires: 'manageMetadata',
    title: ({ params }) => `${params.workflow} · Workflows`,
    render: ({ params, route }) => <WorkflowEditor key={params.workflow} workflowName={params.workflow} tab={route.query.get('tab') ?? 'editor'} />,
  },
  { path: 'studio/runs', requires: 'manageMetadata', title: () => 'Workflow runs', render: () => <WorkflowRunsPage /> },
  // Open to everyone: the server shows a run to whoever may read its record (the toast of a manual button links here).
  { path: 'studio/runs/:id', title: () => 'Workflow run', render: ({ params }) => <WorkflowRunPage key={params.id} id={params.id} /> },
  { path: 'studio/packs', requires: 'manageMetadata', title: () => 'Packs', render: () => <PacksPage /> },
  {
    path: 'studio/packs/:pack/:action',
    requires: 'manageMetadata',
    missing: ({ params }) => (isPackAction(params.action) ? null : `“${params.action}” is not something a pack can do: install, upgrade or uninstall.`),
    title: ({ params }) => `${isPackAction(params.action) ? actionName(params.action, params.pack) : params.pack} · Packs`,
    render: ({ params }) => isPackAction(params.action) && <PackPreviewPage key={`${params.pack}/${params.action}`} name={params.pack} action={params.action} />,
  },
  { path: 'studio/publish', requires: 'manageMetadata', title: () => 'Publish', render: () => <PublishPage /> },
  { path: 'studio/history', requires: 'manageMetadata', title: () => 'History', render: () => <HistoryPage /> },
  { path: 'tasks', title: () => 'My tasks', render: () => <MyTasksPage /> },
  { path: 'admin/users', requires: 'manageUsers', title: () => 'Users', render: () => <UsersPage /> },
  { path: 'admin/users/:id', requires: 'manageUsers', title: () => 'User', render: ({ params }) => <UserPage key={params.id} id={params.id} /> },
  { path: 'admin/teams', requires: 'manageUsers', title: () => 'Teams', render: () => <TeamsPage /> },
  { path: 'admin/api-keys', requires: 'manageUsers', title: () => 'API keys', render: () => <ApiKeysPage /> },
  { path: 'admin/security-log', requires: 'manageUsers', title: () => 'Security log', render: () => <SecurityLogPage /> },
  { path: 'admin/mail-outbox', requires: 'manageUsers', title: () => 'Mail outbox', render: () => <MailOutboxPage /> },
];
