/** The in-process write-throughput loop the rule and roll-up benches share. */

export interface WriteRate {
  writes: number;
  ms: number;
  /** CPU time of this process (all threads), µs: less disturbed by other load than wall time. */
  cpuUs: number;
}

/** Runs `write` from `concurrency` loops for `ms`. */
export async function writeRate(write: (n: number) => Promise<unknown>, concurrency: number, ms: number): Promise<WriteRate> {
  let n = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await write(n++);
    }),
  );
  const used = process.cpuUsage(cpu);
  return { writes: n, ms: performance.now() - started, cpuUs: used.user + used.system };
}
