/** Base / yours / pack's values of a conflict side by side; lines that differ from the base are highlighted. */
import { useMemo } from 'react';
import { diffableJson, diffLines } from '../studio/workflows/line-diff.js';

interface Props {
  base: unknown;
  ours: unknown;
  theirs: unknown;
  packVersion: string;
}

export function ValueColumns({ base, ours, theirs, packVersion }: Props) {
  return (
    <div className="pack-values">
      <ValueColumn title="Base" hint="installed pack" base={base} value={base} plain />
      <ValueColumn title="Yours" hint="your workspace" base={base} value={ours} />
      <ValueColumn title="Pack's" hint={`pack ${packVersion}`} base={base} value={theirs} />
    </div>
  );
}

const present = (value: unknown) => value !== undefined && value !== null;

function ValueColumn({ title, hint, base, value, plain }: { title: string; hint: string; base: unknown; value: unknown; plain?: boolean }) {
  const lines = useMemo(() => {
    if (!present(value)) return [];
    const text = diffableJson(value);
    if (plain) return text.split('\n').map((t) => ({ text: t, changed: false }));
    return diffLines(present(base) ? diffableJson(base) : '', text)
      .filter((l) => l.kind !== 'removed')
      .map((l) => ({ text: l.text, changed: l.kind === 'added' }));
  }, [base, value, plain]);
  return (
    <figure className="pack-value">
      <figcaption>
        <strong>{title}</strong> <span className="muted small">{hint}</span>
      </figcaption>
      {present(value) ? (
        <pre className="pack-value-text" aria-label={`${title} value`}>
          {lines.map((l, i) => (
            <span key={i} className={l.changed ? 'pack-line changed' : 'pack-line'}>
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : (
        <p className="muted small pack-value-absent">Not there</p>
      )}
    </figure>
  );
}
