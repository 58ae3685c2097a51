/**
 * Upgrade preview: the pack's changes and how each was applied, the conflict resolver (one card per conflict,
 * decided "Keep mine" / "Take pack's" / "Edit"), and the merged plan. Nothing is sent until every conflict is
 * decided; the plan is then previewed again with the decisions, and "Upgrade" publishes it.
 */
import { useState } from 'react';
import { previewPackUpgrade, upgradePack, type ConflictDecisions, type PackInfo } from '../api/packs-api.js';
import { stableStringify } from '../lib/stable.js';
import { useAsync, useDebounced } from '../lib/use-async.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { ActionBox } from './ActionBox.js';
import { ConflictCard } from './ConflictCard.js';
import { progressText, summarizeDecisions, type ConflictChoice, type ConflictChoices } from './pack-decisions.js';
import { packLabel } from './pack-list.js';
import { ChangesCard, PlanCard } from './PreviewSections.js';
import { usePackAction } from './use-pack-action.js';

export function UpgradePreview({ pack }: { pack: PackInfo }) {
  const label = packLabel(pack);
  const first = useAsync(() => previewPackUpgrade(pack.name), [pack.name]);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [understood, setUnderstood] = useState(false);
  const conflicts = first.data?.conflicts ?? [];
  const summary = summarizeDecisions(conflicts, choices);
  const key = useDebounced(summary.complete && conflicts.length > 0 ? stableStringify(summary.decisions) : '', 300);
  const decided = useAsync(async () => (key ? previewPackUpgrade(pack.name, JSON.parse(key) as ConflictDecisions) : null), [pack.name, key]);
  const action = usePackAction((v) => `Upgraded ${label} to ${first.data?.version ?? pack.version} (metadata version ${v.version})`);

  if (first.loading && !first.data) return <Spinner label="Merging the new pack version with your workspace" />;
  if (first.error && !first.data)
    return (
      <ErrorBanner title={`Cannot preview upgrading ${label}`} onRetry={first.reload}>
        {first.error.message}
      </ErrorBanner>
    );
  const preview = first.data!;
  const upToDate = key === stableStringify(summary.decisions);
  const merged = conflicts.length === 0 ? preview : summary.complete && upToDate && decided.data && !decided.loading ? decided.data : null;
  const plan = merged?.plan ?? preview.plan;

  const choose = (path: string, choice: ConflictChoice | undefined) =>
    setChoices((all) => {
      const next = { ...all };
      if (choice) next[path] = choice;
      else delete next[path];
      return next;
    });

  const blocker = !summary.complete
    ? summary.invalid.length > 0
      ? 'Fix the edited values that are not valid JSON.'
      : `Decide every conflict first (${progressText(conflicts.length, summary.undecided.length, 'conflict')}).`
    : decided.error && conflicts.length > 0
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
      {decided.error && conflicts.length > 0 && summary.complete && (
        <ErrorBanner title="Cannot merge with these decisions" onRetry={decided.reload}>
          {decided.error.message}
        </ErrorBanner>
      )}

      <PlanCard
        plan={plan}
        title="Merged plan"
        note={
          conflicts.length > 0 && merged === null
            ? 'Shown with your versions kept where there are conflicts; it is merged again once every conflict is decided.'
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
            () => upgradePack(pack.name, summary.decisions),
            (f) => {
              // The workspace or the pack changed meanwhile: merge again, keeping the choices that still apply.
              if (f.code === 'PACK_CONFLICTS') first.reload();
            },
          )
        }
      >
        <p className="muted small">The merged document is validated and published as one new metadata version; your data stays.</p>
      </ActionBox>
    </div>
  );
}
