/** The shell: sign-in gate, sidebar navigation, and the page of the current hash route (see routes.tsx). */
import { Suspense, useEffect } from 'react';
import { AuthGate } from '../auth/AuthGate.js';
import { useSession } from '../auth/session-context.js';
import { readableEntities } from '../data/access-document.js';
import { useAccess } from '../data/use-access.js';
import { ToastProvider } from '../ui/Toast.js';
import { ErrorBanner, EmptyState, Spinner } from '../ui/Feedback.js';
import { DraftProvider } from './draft-context.js';
import { MetadataProvider, useMetadata } from './metadata-context.js';
import { matchRoute } from './route-match.js';
import { navigate, useRoute, type Route } from './router.js';
import { ROUTES, type Capability } from './routes.js';
import { Sidebar } from './Sidebar.js';

export function App() {
  return (
    <ToastProvider>
      <AuthGate>
        <SignedInApp />
      </AuthGate>
    </ToastProvider>
  );
}

/** Remounted per user, so nothing loaded for one person is shown to the next. */
function SignedInApp() {
  const { user } = useSession();
  return (
    <MetadataProvider key={user.id}>
      <DraftProvider>
        <Shell />
      </DraftProvider>
    </MetadataProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { doc, current } = useMetadata();
  const match = matchRoute(ROUTES, route.segments);
  useEffect(() => {
    const page = match && { params: match.params, route, doc };
    const title = !page || !current ? 'Trellis' : match.entry.missing?.(page) ? 'Not found' : match.entry.title(page);
    document.title = `${title} · Trellis`;
  }, [match, route, doc, current]);
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

const CAPABILITY_NAMES: Record<Capability, string> = { admin: 'administer the workspace', manageMetadata: 'manage the metadata', manageUsers: 'manage users' };

function Page({ route }: { route: Route }) {
  const { current, error, loading, reload, doc } = useMetadata();
  const { me } = useSession();
  // The start page is the first entity the person may read.
  const readable = readableEntities(doc, useAccess());

  useEffect(() => {
    if (route.segments.length === 0 && current) {
      const first = readable.sort((x, y) => doc.entities[x].pluralLabel.localeCompare(doc.entities[y].pluralLabel))[0];
      if (first) navigate(`/data/${first}`, { replace: true });
      else if (me.manageMetadata) navigate('/studio/entities', { replace: true });
    }
  }, [route.segments.length, current, doc, me.manageMetadata, readable.join()]); // eslint-disable-line react-hooks/exhaustive-deps

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

  if (route.segments.length === 0) {
    return readable.length === 0 && !me.manageMetadata ? (
      <div className="page">
        <EmptyState title="Nothing here yet">An administrator has not set up any records for this workspace yet.</EmptyState>
      </div>
    ) : null;
  }
  const match = matchRoute(ROUTES, route.segments);
  if (!match) return <NotFound what="This page does not exist." />;
  const { entry, params } = match;
  if (entry.requires && !me[entry.requires]) {
    return (
      <div className="page">
        <EmptyState title="No access" action={<a className="btn" href="#/">Go to the start page</a>}>
          This page needs the permission to {CAPABILITY_NAMES[entry.requires]}. Ask an administrator if you need it.
        </EmptyState>
      </div>
    );
  }
  const page = { params, route, doc };
  const missing = entry.missing?.(page);
  if (missing) return <NotFound what={missing} />;
  return <>{entry.render(page)}</>;
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
