/**
 * Uninstall preview: the components that go (those nothing else uses), the data that would be lost, and the
 * installed packs that block it. "Uninstall" needs the loss confirmed.
 */
import { useState } from 'react';
import { previewPackUninstall, uninstallPack, type PackInfo } from '../api/packs-api.js';
import { useAsync } from '../lib/use-async.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { ActionBox } from './ActionBox.js';
import { packLabel } from './pack-list.js';
import { countSummary, dataLossRows } from './pack-words.js';
import { ChangesCard, CountsCard, PlanCard } from './PreviewSections.js';
import { usePackAction } from './use-pack-action.js';

export function UninstallPreview({ pack }: { pack: PackInfo }) {
  const label = packLabel(pack);
  const preview = useAsync(() => previewPackUninstall(pack.name), [pack.name]);
  const [understood, setUnderstood] = useState(false);
  const action = usePackAction((v) => `Uninstalled ${label} (metadata version ${v.version})`);

  if (preview.loading && !preview.data) return <Spinner label="Preparing the uninstall preview" />;
  if (preview.error && !preview.data)
    return (
      <ErrorBanner title={`Cannot preview uninstalling ${label}`} onRetry={preview.reload}>
        {preview.error.message}
      </ErrorBanner>
    );
  const p = preview.data!;
  const loss = dataLossRows(p.dataLoss);
  const lost = loss.reduce((sum, r) => sum + r.count, 0);
  const lostWords = countSummary(loss, 'row');
  const blocked = p.blockedBy.length > 0;
  const blocker = blocked ? `Blocked: uninstall ${p.blockedBy.join(', ')} first.` : !p.plan.valid ? 'The result would not be valid metadata (see the problems above).' : null;

  return (
    <div className="stack">
      {blocked && (
        <div className="banner banner-error" role="alert">
          <Icon name="lock" />
          <div className="banner-text">
            <strong>
              {label} cannot be uninstalled: {p.blockedBy.length === 1 ? 'another installed pack depends' : `${p.blockedBy.length} installed packs depend`} on it.
            </strong>
            <ul className="pack-blocked" aria-label="Blocked by">
              {p.blockedBy.map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <ChangesCard changes={p.changes} title="Components removed" empty="No components are removed." />
      <p className="muted small">Your own additions to the pack's entities stay, unless the entity itself goes.</p>
      <CountsCard
        id="pack-loss-title"
        title={lost ? `Data that would be lost: ${lostWords}` : 'Data that would be lost'}
        rows={loss}
        noun="row"
        empty="No stored data would be lost."
        danger
      />
      <PlanCard plan={p.plan} />
      <ActionBox
        title={`Uninstall version ${pack.installedVersion}`}
        verb="Uninstall"
        busyText="Uninstalling…"
        busy={action.busy}
        blocker={blocker}
        destructive={p.plan.destructive || lost > 0}
        confirmText={lost > 0 ? `I understand ${lostWords} would be lost` : 'I understand this hides data'}
        understood={understood}
        onUnderstood={setUnderstood}
        failure={action.failure}
        danger
        onRun={() => void action.run(() => uninstallPack(pack.name), () => preview.reload())}
      />
    </div>
  );
}
