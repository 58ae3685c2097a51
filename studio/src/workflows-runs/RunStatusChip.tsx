/** A run's status as a coloured chip; a dead run reads "Failed (dead letter)". */
import { statusText } from './run-status.js';

export function RunStatusChip({ status }: { status: string }) {
  const text = statusText(status);
  return (
    <span className={`chip ${text.tone}`} title={text.hint || undefined}>
      {text.label}
      {status === 'dead' && <span className="run-dead-hint"> (dead letter)</span>}
    </span>
  );
}
