/** Studio → Packs → the preview of installing, upgrading or uninstalling one pack (`/studio/packs/:pack/:action`). */
import { href } from '../app/router.js';
import { fetchPacks } from '../api/packs-api.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { InstallPreview } from './InstallPreview.js';
import { actionName, packLabel, type PackAction } from './pack-list.js';
import { UninstallPreview } from './UninstallPreview.js';
import { UpgradePreview } from './UpgradePreview.js';
import '../styles/packs.css';

const SUBTITLES: Record<PackAction, string> = {
  install: 'Check what the pack adds, choose for every name clash, then install it as one new version.',
  upgrade: 'Your edits and the pack’s changes are merged property by property; decide every conflict, then upgrade.',
  uninstall: 'Check the components and the data that would go before uninstalling.',
};

export function PackPreviewPage({ name, action }: { name: string; action: PackAction }) {
  const packs = useAsync(fetchPacks, []);
  const pack = packs.data?.find((p) => p.name === name);
  const label = pack ? packLabel(pack) : name;
  const installed = pack?.installedVersion != null;
  const wrongState =
    pack && (action === 'install' ? installed && `${label} is already installed (version ${pack.installedVersion}).` : !installed && `${label} is not installed.`);

  return (
    <div className="page page-wide">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={href('/studio/packs')}>
          <Icon name="chevronLeft" /> Packs
        </a>
      </nav>
      <header className="page-header">
        <div>
          <h1>{actionName(action, label)}</h1>
          <p className="page-subtitle">{SUBTITLES[action]}</p>
        </div>
      </header>
      {packs.loading && !packs.data && <Spinner label="Loading the pack" />}
      {packs.error && (
        <ErrorBanner title="Cannot load the packs" onRetry={packs.reload}>
          {packs.error.message}
        </ErrorBanner>
      )}
      {packs.data && !pack && (
        <EmptyState title="No such pack" action={<a className="btn" href={href('/studio/packs')}>Back to packs</a>}>
          There is no pack named “{name}” in the pack folders or the workspace.
        </EmptyState>
      )}
      {wrongState && (
        <EmptyState title="Nothing to do" action={<a className="btn" href={href('/studio/packs')}>Back to packs</a>}>
          {wrongState}
        </EmptyState>
      )}
      {pack && !wrongState && action === 'install' && <InstallPreview pack={pack} />}
      {pack && !wrongState && action === 'upgrade' && <UpgradePreview pack={pack} all={packs.data ?? []} />}
      {pack && !wrongState && action === 'uninstall' && <UninstallPreview pack={pack} />}
    </div>
  );
}
