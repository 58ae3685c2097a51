/**
 * Upgrade preview: the packs the new version also installs (new dependencies, with their name clashes chosen as on
 * install), the pack's changes and how each was applied, the conflict resolver (one card per conflict, decided
 * "Keep mine" / "Take pack's" / "Edit"), and the merged plan. Nothing is sent until every clash and conflict is
 * decided; the plan is then previewed again with the decisions, and "Upgrade" publishes it.
 */
import { useState } from 'react';
import { previewPackUpgrade, upgradePack, type ClashChoice, type ClashChoices, type ConflictDecisions, type PackInfo } from '../api/packs-api.js';
import { stableStringify } from '../lib/stable.js';
import { useAsync, useDebounced } from '../lib/use-async.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { ActionBox } from './ActionBox.js';
import { ClashesCard } from './ClashesCard.js';
import { ConflictCard } from './ConflictCard.js';
import { progressText, summarizeClashes, summarizeDecisions, type ConflictChoice, type ConflictChoices } from './pack-decisions.js';
import { alsoInstalls, packLabel } from './pack-list.js';
import { ChangesCard, PlanCard } from './PreviewSections.js';
import { usePackAction } from './use-pack-action.js';

interface Sent {
  decisions: ConflictDecisions;
  clashChoices: ClashChoices;
}

/** `all`: the packs of the Packs page, for the versions of the dependencies the upgrade installs. */
export function UpgradePreview({ pack, all }: { pack: PackInfo; all: PackInfo[] }) {
  const label = packLabel(pack);
  const first = useAsync(() => previewPackUpgrade(pack.name), [pack.name]);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [chosen, setChosen] = useState<Record<string, ClashChoice | undefined>>({});
  const [understood, setUnderstood] = useState(false);
  const conflicts = first.data?.conflicts ?? [];
  const clashes = first.data?.clashes ?? [];
  const summary = summarizeDecisions(conflicts, choices);
  const clashSummary = summarizeClashes(clashes, chosen);
  const toDecide = conflicts.length + clashes.length > 0;
  const complete = summary.complete && clashSummary.complete;
  const wanted = stableStringify({ decisions: summary.decisions, clashChoices: clashSummary.choices } satisfies Sent);
  const key = useDebounced(complete && toDecide ? wanted : '', 300);
  const decided = useAsync(async () => {
    if (!key) return null;
    const sent = JSON.parse(key) as Sent;
    return previewPackUpgrade(pack.name, sent.decisions, sent.clashChoices);
  }, [pack.name, key]);
  const action = usePackAction((v) => {
    const installed = alsoInstalls(first.data?.installOrder ?? [], pack.name, all);
    return `Upgraded ${label} to ${first.data?.version ?? pack.version}${installed.length ? `, installing ${installed.join(', ')}` : ''} (metadata version ${v.version})`;
  });

  if (first.loading && !first.data) return <Spinner label="Merging the new pack version with your workspace" />;
  if (first.error && !first.data)
    return (
      <ErrorBanner title={`Cannot preview upgrading ${label}`} onRetry={first.reload}>
        {first.error.message}
      </ErrorBanner>
    );
  const preview = first.data!;
  const upToDate = key === wanted;
  const merged = !toDecide ? preview : complete && upToDate && decided.data && !decided.loading ? decided.data : null;
  const also = alsoInstalls(preview.installOrder, pack.name, all);
  const plan = merged?.plan ?? preview.plan;

  const choose = (path: string, choice: ConflictChoice | undefined) =>
    setChoices((all) => {
      const next = { ...all };
      if (choice) next[path] = choice;
      else delete next[path];
      return next;
    });

  const blocker = !clashSummary.complete
    ? `Choose for every clash first (${progressText(clashes.length, clashSummary.unchosen.length, 'clash')}).`
    : !summary.complete
    ? summary.invalid.length > 0
      ? 'Fix the edited values that are not valid JSON.'
      : `Decide every conflict first (${progressText(conflicts.length, summary.undecided.length, 'conflict')}).`
    : decided.error && toDecide
      ? 'The merge with your decisions failed (see above).'
      : merged === null
        ? 'Merging with your decisions…'
        : !plan.valid
          ? 'The merged metadata would not be valid (see the problems above).'
          : null;

  return (
    <div className="stack">
      <p className="pack-versions">
        Installed <strong>{pack.installedVersion}</strong> → new <strong>{preview.version}</strong>
      </p>
      {also.length > 0 && (
        <p className="pack-versions" aria-label="Also installs">
          Also installs: <strong>{also.join(', ')}</strong>{' '}
          <span className="muted small">(new dependencies of this version, installed first in the same publish, with their seed data)</span>
        </p>
      )}
      <ClashesCard
        clashes={clashes}
        chosen={chosen}
        onChoose={(path, c) => setChosen((prev) => ({ ...prev, [path]: c }))}
        note="The packs this version also installs bring components whose names you already use. Keep yours (theirs is not installed there), or take the pack's (yours is replaced)."
      />
      <ChangesCard changes={preview.changes} title="What the new version changes" empty="The new version changes nothing in the metadata." />

      {conflicts.length > 0 && (
        <section className="stack" aria-labelledby="pack-conflicts-title">
          <header className="pack-conflicts-header">
            <h2 id="pack-conflicts-title">Conflicts</h2>
            <span className="count" aria-live="polite">
              {progressText(conflicts.length, summary.undecided.length + summary.invalid.length, 'conflict')}
            </span>
          </header>
          <p className="muted small">
            You and the pack both changed these. Keep yours, take the pack's, or edit the value. Everything else merges by itself: the pack's changes where
            you left things alone, yours where the pack did.
          </p>
          <ul className="pack-conflicts" aria-label="Conflicts">
            {conflicts.map((c) => (
              <ConflictCard key={c.path} conflict={c} choice={choices[c.path]} packVersion={preview.version} onChoose={(choice) => choose(c.path, choice)} />
            ))}
          </ul>
        </section>
      )}
      {decided.error && toDecide && complete && (
        <ErrorBanner title="Cannot merge with these decisions" onRetry={decided.reload}>
          {decided.error.message}
        </ErrorBanner>
      )}

      <PlanCard
        plan={plan}
        title="Merged plan"
        note={
          toDecide && merged === null
            ? 'Shown with your versions kept where there are clashes or conflicts; it is merged again once every one is decided.'
            : undefined
        }
      />

      <ActionBox
        title={`Upgrade ${pack.installedVersion} → ${preview.version}`}
        verb="Upgrade"
        busyText="Upgrading…"
        busy={action.busy}
        blocker={blocker}
        destructive={plan.destructive}
        confirmText="I understand this hides data"
        understood={understood}
        onUnderstood={setUnderstood}
        failure={action.failure}
        onRun={() =>
          void action.run(
            () => upgradePack(pack.name, summary.decisions, clashSummary.choices),
            (f) => {
              // The workspace or the pack changed meanwhile: merge again, keeping the choices that still apply.
              if (f.code === 'PACK_CONFLICTS' || f.code === 'PACK_CLASHES') first.reload();
            },
          )
        }
      >
        <p className="muted small">
          The merged document is validated and published as one new metadata version{also.length > 0 ? ', with the packs it also installs' : ''}; your data
          stays.
        </p>
      </ActionBox>
    </div>
  );
}
