/** The shell: sidebar navigation, and the page for the current hash route. */
import { lazy, Suspense, useEffect } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import { MetadataProvider, useMetadata } from './metadata-context.js';
import { DraftProvider } from './draft-context.js';
import { navigate, useRoute, type Route } from './router.js';
import { Sidebar } from './Sidebar.js';
import { ToastProvider } from '../ui/Toast.js';
import { ErrorBanner, EmptyState, Spinner } from '../ui/Feedback.js';
import { ListPage } from '../data/ListPage.js';

// The list is the first page most people see; forms (@rjsf) and the studio load on demand.
const RecordPage = lazy(() => import('../data/RecordPage.js').then((m) => ({ default: m.RecordPage })));
const EntitiesPage = lazy(() => import('../studio/EntitiesPage.js').then((m) => ({ default: m.EntitiesPage })));
const EntityDesigner = lazy(() => import('../studio/EntityDesigner.js').then((m) => ({ default: m.EntityDesigner })));
const PublishPage = lazy(() => import('../studio/PublishPage.js').then((m) => ({ default: m.PublishPage })));
const HistoryPage = lazy(() => import('../studio/HistoryPage.js').then((m) => ({ default: m.HistoryPage })));

export function App() {
  return (
    <ToastProvider>
      <MetadataProvider>
        <DraftProvider>
          <Shell />
        </DraftProvider>
      </MetadataProvider>
    </ToastProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { doc } = useMetadata();
  useEffect(() => {
    document.title = `${pageTitle(route, doc)} · Trellis`;
  }, [route, doc]);
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Sidebar route={route} />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<div className="page"><Spinner /></div>}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const { current, error, loading, reload, doc } = useMetadata();
  const [area, a, b] = route.segments;

  useEffect(() => {
    if (route.segments.length === 0 && current) {
      const first = Object.entries(doc.entities).sort(([, x], [, y]) => x.pluralLabel.localeCompare(y.pluralLabel))[0]?.[0];
      navigate(first ? `/data/${first}` : '/studio/entities', { replace: true });
    }
  }, [route.segments.length, current, doc]);

  if (!current) {
    if (error) {
      return (
        <div className="page">
          <ErrorBanner title="Cannot load the workspace metadata" onRetry={() => void reload()}>
            {error.message}
          </ErrorBanner>
        </div>
      );
    }
    return <div className="page">{loading && <Spinner label="Loading workspace" />}</div>;
  }

  if (area === 'data' && a) {
    if (!doc.entities[a]) return <NotFound what={`There is no entity named “${a}” in the published metadata.`} />;
    if (b === 'new') return <RecordPage key={`${a}/new/${route.query.toString()}`} entityName={a} prefill={route.query} />;
    if (b) return <RecordPage key={`${a}/${b}`} entityName={a} id={b} />;
    return <ListPage key={a} entityName={a} />;
  }
  if (area === 'studio') {
    if (a === 'entities' && b) return <EntityDesigner key={b} entityName={b} tab={route.query.get('tab') ?? 'fields'} />;
    if (a === 'entities') return <EntitiesPage />;
    if (a === 'publish') return <PublishPage />;
    if (a === 'history') return <HistoryPage />;
  }
  if (route.segments.length === 0) return null;
  return <NotFound what="This page does not exist." />;
}

function pageTitle(route: Route, doc: MetadataDocument): string {
  const [area, a, b] = route.segments;
  if (area === 'data' && a) {
    const entity = doc.entities[a];
    if (!entity) return 'Not found';
    if (b === 'new') return `New ${entity.label.toLowerCase()}`;
    return b ? entity.label : entity.pluralLabel;
  }
  if (area === 'studio') {
    if (a === 'entities') return b ? `${b} · Entities` : 'Entities';
    if (a === 'publish') return 'Publish';
    if (a === 'history') return 'History';
  }
  return 'Trellis';
}

function NotFound({ what }: { what: string }) {
  return (
    <div className="page">
      <EmptyState title="Not found" action={<a className="btn" href="#/">Go to the start page</a>}>
        {what}
      </EmptyState>
    </div>
  );
}

