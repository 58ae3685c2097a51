/**
 * Progress over the named steps of a long command (install, upgrade, apply): a cli-progress bar when stdout is a
 * terminal, plain "[2/3] Publishing…" lines otherwise (CI logs, pipes, tests).
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  /** Starts the next step. */
  step(label: string): void;
  /** Ends the bar (call on success and on failure). */
  stop(): void;
}

export function startProgress(io: CliIo, total: number): Progress {
  if (!io.isTTY) {
    let done = 0;
    return {
      step: (label) => io.out(`[${++done}/${total}] ${label}…`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  let started = false;
  return {
    step(label) {
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.update(done++, { label });
    },
    stop() {
      if (started) {
        bar.update(done, { label: 'done' });
        bar.stop();
      }
    },
  };
}

/** Runs `work` with a progress display that is always stopped, even when `work` throws. */
export async function withProgress<T>(io: CliIo, total: number, work: (progress: Progress) => Promise<T>): Promise<T> {
  const progress = startProgress(io, total);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}
