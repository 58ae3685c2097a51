/** A unified line diff of two definitions as pretty JSON (keys sorted), unchanged runs folded. */
import { useMemo } from 'react';
import { diffableJson, diffLines, diffStats, foldUnchanged } from './line-diff.js';

export function DiffView({ before, after, beforeLabel, afterLabel }: { before: unknown; after: unknown; beforeLabel: string; afterLabel: string }) {
  const lines = useMemo(() => diffLines(diffableJson(before), diffableJson(after)), [before, after]);
  const rows = useMemo(() => foldUnchanged(lines, 3), [lines]);
  const stats = diffStats(lines);
  if (stats.added === 0 && stats.removed === 0) return <p className="muted">No differences: {beforeLabel} and {afterLabel} are the same.</p>;
  return (
    <div className="diff-view">
      <p className="small diff-stats" aria-live="polite">
        <span className="diff-added-count">+{stats.added}</span> <span className="diff-removed-count">−{stats.removed}</span> lines ({beforeLabel} → {afterLabel})
      </p>
      <table className="diff-table" aria-label={`Changes from ${beforeLabel} to ${afterLabel}`}>
        <tbody>
          {rows.map((row, i) =>
            row.kind === 'fold' ? (
              <tr key={i} className="diff-fold">
                <td colSpan={4}>… {row.count} unchanged line{row.count === 1 ? '' : 's'}</td>
              </tr>
            ) : (
              <tr key={i} className={`diff-${row.kind}`}>
                <td className="diff-num">{row.oldLine ?? ''}</td>
                <td className="diff-num">{row.newLine ?? ''}</td>
                <td className="diff-sign" aria-label={row.kind === 'added' ? 'added' : row.kind === 'removed' ? 'removed' : undefined}>
                  {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ''}
                </td>
                <td className="diff-text">
                  <pre>{row.text}</pre>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
