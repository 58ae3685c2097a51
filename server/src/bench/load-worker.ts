/**
 * Load generator, run in a worker thread so it does not share the event loop of the servers it measures.
 * Keeps `concurrency` POST requests in flight over keep-alive sockets for `durationMs` (or `maxRequests`).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  /** Request bodies, used round robin; `__N__` is replaced by a per-run counter (unique values). */
  bodies: string[];
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** Responses must contain this to count as success (e.g. '"data"'); a body with `"errors"` fails. */
  expect: string;
  /** Extra request headers (e.g. `authorization: Bearer …`). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  failures: number;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  firstFailure?: string;
}

function run(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const target = new URL(spec.url);
  const latencies: number[] = [];
  let requests = 0;
  let failures = 0;
  let counter = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + spec.durationMs;

  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const template = spec.bodies[counter % spec.bodies.length]!;
      const body = template.includes('__N__') ? template.replaceAll('__N__', String(counter)) : template;
      counter++;
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            requests++;
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || !text.includes(spec.expect) || text.includes('"errors"')) {
              failures++;
              firstFailure ??= `${res.statusCode}: ${text.slice(0, 300)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        requests++;
        failures++;
        firstFailure ??= String(error);
        resolve();
      });
      req.end(body);
    });

  const lane = async () => {
    while (performance.now() < deadline && counter < spec.maxRequests) await one();
  };

  return Promise.all(Array.from({ length: spec.concurrency }, lane)).then(() => {
    const elapsedMs = performance.now() - started;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return { requests, failures, elapsedMs, rps: (requests / elapsedMs) * 1000, p50Ms: at(0.5), p99Ms: at(0.99), firstFailure };
  });
}

if (parentPort && workerData) {
  void run(workerData as LoadSpec).then((result) => parentPort!.postMessage(result));
}
