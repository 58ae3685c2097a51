/**
 * Install preview: the install order (dependencies first), the clashes with the customer's own components (each
 * "Keep mine" or "Take pack's" — never a silent overwrite), the plan and the seed records. "Install" is enabled
 * once every clash is chosen and the plan is valid.
 */
import { useState } from 'react';
import { installPack, previewPackInstall, type ClashChoice, type PackInfo, type PackPreview } from '../api/packs-api.js';
import { stableStringify } from '../lib/stable.js';
import { useAsync, useDebounced } from '../lib/use-async.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { ActionBox } from './ActionBox.js';
import { ClashesCard } from './ClashesCard.js';
import { progressText, summarizeClashes } from './pack-decisions.js';
import { packLabel } from './pack-list.js';
import { changeSentences, countRows, plural, totalCount } from './pack-words.js';
import { ChangesCard, CountsCard, InstallOrderCard, PlanCard } from './PreviewSections.js';
import { usePackAction } from './use-pack-action.js';

export function InstallPreview({ pack }: { pack: PackInfo }) {
  const label = packLabel(pack);
  const first = useAsync(() => previewPackInstall(pack.name), [pack.name]);
  const [chosen, setChosen] = useState<Record<string, ClashChoice | undefined>>({});
  const [understood, setUnderstood] = useState(false);
  const clashes = first.data?.clashes ?? [];
  const summary = summarizeClashes(clashes, chosen);
  const key = useDebounced(summary.complete && clashes.length > 0 ? stableStringify(summary.choices) : '', 200);
  // With every clash chosen, the plan is previewed again with the choices.
  const chosenPreview = useAsync(async () => (key ? previewPackInstall(pack.name, JSON.parse(key) as Record<string, ClashChoice>) : null), [pack.name, key]);
  const action = usePackAction((v) => `Installed ${label} ${pack.version} (metadata version ${v.version})`);

  if (first.loading && !first.data) return <Spinner label="Preparing the install preview" />;
  if (first.error && !first.data)
    return (
      <ErrorBanner title={`Cannot preview installing ${label}`} onRetry={first.reload}>
        {first.error.message}
      </ErrorBanner>
    );
  const preview = first.data!;
  const current = clashes.length === 0 ? preview : key && chosenPreview.data && !chosenPreview.loading ? chosenPreview.data : null;
  const plan = current?.plan ?? preview.plan;
  const seed = countRows(current?.seedCounts ?? preview.seedCounts);

  const blocker = !summary.complete
    ? `Choose for every clash first (${progressText(clashes.length, summary.unchosen.length, 'clash')}).`
    : chosenPreview.error
      ? 'The preview with your choices failed.'
      : current === null
        ? 'Updating the preview with your choices…'
        : !plan.valid
          ? 'The install would not go through: solve the problems above first.'
          : null;

  return (
    <div className="stack">
      <InstallOrderCard order={preview.installOrder} pack={pack.name} />

      <ClashesCard
        clashes={clashes}
        chosen={chosen}
        onChoose={(path, c) => setChosen((all) => ({ ...all, [path]: c }))}
        note="The pack brings components whose names you already use. Keep yours (the pack's is not installed there), or take the pack's (yours is replaced)."
      />
      {chosenPreview.error && clashes.length > 0 && summary.complete && (
        <ErrorBanner title="Cannot preview the install with your choices" onRetry={chosenPreview.reload}>
          {chosenPreview.error.message}
        </ErrorBanner>
      )}

      <ChangesCard changes={installChanges(current ?? preview)} title="What the pack adds" empty="The pack adds no metadata changes." />
      <PlanCard
        plan={plan}
        note={clashes.length > 0 && current === null ? 'Shown with your components kept; it is previewed again once every clash is chosen.' : undefined}
      />
      <CountsCard
        id="pack-seed-title"
        title={seed.length ? `Seed data: ${plural(totalCount(seed), 'record')}` : 'Seed data'}
        rows={seed}
        noun="record"
        empty="The pack brings no seed records."
      />
      {seed.length > 0 && <p className="muted small">Records that already exist (same display value) are not loaded twice.</p>}

      <ActionBox
        title={`Install version ${preview.version}`}
        verb="Install"
        busyText="Installing…"
        busy={action.busy}
        blocker={blocker}
        destructive={plan.destructive}
        confirmText="I understand this hides data"
        understood={understood}
        onUnderstood={setUnderstood}
        failure={action.failure}
        onRun={() => void action.run(() => installPack(pack.name, summary.choices))}
      >
        <p className="muted small">Everything is published as one new metadata version, in one transaction with the seed data.</p>
      </ActionBox>
    </div>
  );
}

/** The pack's own change list when it gives one, else the metadata diff of the plan. */
const installChanges = (p: PackPreview): unknown => (changeSentences(p.changes).length > 0 ? p.changes : p.plan.changes);
