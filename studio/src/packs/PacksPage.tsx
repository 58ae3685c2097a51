/**
 * Studio → Packs: the template packs installed in this workspace (version, origin, what they brought, "Upgrade to
 * x.y.z" when the folders hold a newer version) and the packs available to install. Every action opens its preview;
 * "Export as pack" downloads the workspace (or chosen entities and workflows) as a pack folder.
 */
import { useState } from 'react';
import { useDraft } from '../app/draft-context.js';
import { navigate } from '../app/router.js';
import { fetchComponentOrigins, fetchPacks, type PackInfo } from '../api/packs-api.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { ExportPackDialog } from './ExportPackDialog.js';
import { actionName, dependencyList, dependents, packLabel, splitPacks, type PackAction } from './pack-list.js';
import { componentsByPack, pathInWords, plural } from './pack-words.js';
import '../styles/packs.css';

export function PacksPage() {
  const packs = useAsync(fetchPacks, []);
  const origins = useAsync(fetchComponentOrigins, []);
  const { dirty } = useDraft();
  const { installed, available } = splitPacks(packs.data ?? []);
  const components = componentsByPack(origins.data ?? {});
  const [exporting, setExporting] = useState(false);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Packs</h1>
          <p className="page-subtitle">
            Template packs bring entities, layouts, rules, workflows, roles and seed data. Upgrades merge the pack's changes with your edits; you decide where
            both changed the same thing.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => setExporting(true)}>
            <Icon name="share" /> Export as pack
          </button>
        </div>
      </header>
      <ExportPackDialog open={exporting} onClose={() => setExporting(false)} />

      {dirty && (
        <div className="banner banner-warning" role="status">
          <Icon name="warning" />
          <div className="banner-text">
            Your draft has unpublished changes. Installing, upgrading or uninstalling a pack publishes a new version; your draft stays and is checked
            against it when you publish.
          </div>
        </div>
      )}

      {packs.loading && !packs.data && <Spinner label="Loading packs" />}
      {packs.error && (
        <ErrorBanner title="Cannot load the packs" onRetry={packs.reload}>
          {packs.error.message}
        </ErrorBanner>
      )}

      {packs.data && (
        <div className="stack">
          <section aria-labelledby="packs-installed-title" className="stack">
            <h2 id="packs-installed-title">
              Installed <span className="count">{installed.length}</span>
            </h2>
            {installed.length === 0 ? (
              <EmptyState title="No packs installed">Install one of the packs below to start from a ready-made model.</EmptyState>
            ) : (
              <ul className="pack-list" aria-label="Installed packs">
                {installed.map((p) => (
                  <PackCard key={p.name} pack={p} all={packs.data!} components={components.get(p.name) ?? []} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="packs-available-title" className="stack">
            <h2 id="packs-available-title">
              Available <span className="count">{available.length}</span>
            </h2>
            {available.length === 0 ? (
              <EmptyState title="No other packs available">
                Packs are folders with a <code>trellis-pack.json</code> under <code>plugins/</code> or in the folders listed in <code>TRELLIS_PACK_DIRS</code>.
              </EmptyState>
            ) : (
              <ul className="pack-list" aria-label="Available packs">
                {available.map((p) => (
                  <PackCard key={p.name} pack={p} all={packs.data!} components={[]} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function PackCard({ pack, all, components }: { pack: PackInfo; all: PackInfo[]; components: string[] }) {
  const label = packLabel(pack);
  const installed = pack.installedVersion != null;
  const deps = dependencyList(pack.dependencies);
  const usedBy = dependents(all, pack.name).map(packLabel);
  const open = (action: PackAction) => navigate(`/studio/packs/${encodeURIComponent(pack.name)}/${action}`);
  const titleId = `pack-${pack.name}`;
  return (
    <li className="card pack-card" aria-labelledby={titleId}>
      <div className="pack-card-main">
        <h3 id={titleId} className="pack-title">
          {label}
          {installed ? <span className="badge badge-green">{pack.installedVersion}</span> : <span className="badge">{pack.version}</span>}
          {pack.upgradeAvailable && <span className="badge badge-amber">{pack.version} available</span>}
        </h3>
        {pack.description && <p className="pack-description">{pack.description}</p>}
        <dl className="pack-facts">
          <div>
            <dt>Name</dt>
            <dd>
              <code>{pack.name}</code>
            </dd>
          </div>
          <div>
            <dt>{installed ? 'Installed version' : 'Version'}</dt>
            <dd>{installed ? pack.installedVersion : pack.version}</dd>
          </div>
          <div>
            <dt>Origin</dt>
            <dd>
              <code>{pack.origin}</code>
            </dd>
          </div>
          {deps.length > 0 && (
            <div>
              <dt>Depends on</dt>
              <dd>{deps.join(', ')}</dd>
            </div>
          )}
          {installed && usedBy.length > 0 && (
            <div>
              <dt>Needed by</dt>
              <dd>{usedBy.join(', ')}</dd>
            </div>
          )}
        </dl>
        {installed && components.length > 0 && <Components pointers={components} />}
      </div>
      <div className="pack-actions">
        {installed ? (
          <>
            {pack.upgradeAvailable && (
              <button type="button" className="btn btn-primary" aria-label={actionName('upgrade', label)} onClick={() => open('upgrade')}>
                <Icon name="upload" /> Upgrade to {pack.version}
              </button>
            )}
            <button type="button" className="btn" aria-label={actionName('uninstall', label)} onClick={() => open('uninstall')}>
              <Icon name="trash" /> Uninstall
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" aria-label={actionName('install', label)} onClick={() => open('install')}>
            <Icon name="plus" /> Install
          </button>
        )}
      </div>
    </li>
  );
}

function Components({ pointers }: { pointers: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="pack-components" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{plural(pointers.length, 'component')} from this pack</summary>
      {open && (
        <ul>
          {pointers.map((p) => (
            <li key={p}>{pathInWords(p)}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
