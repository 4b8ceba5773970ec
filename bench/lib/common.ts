import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Run {
  system: string;
  mode: string;
  scenario: string;
  deliveries_per_s: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  rss_mb: number | null;
  ratio_to_limit: number | null;
  /** Publish scenario: API requests accepted per second. */
  requests_per_s?: number | null;
  /** What else a reader needs to interpret the row (counts, the baseline compared against). */
  notes?: string;
}

export interface ReceiverStats {
  count: number;
  healthy: number;
  first_at: number;
  last_at: number;
  p50_ms: number | null;
  p99_ms: number | null;
  /** Arrivals per first path segment. */
  by_path: Record<string, { healthy: number; first_at: number; last_at: number }>;
}

export interface Receiver {
  url: string;
  pid: number;
  reset(): Promise<void>;
  stats(): Promise<ReceiverStats>;
  /** Resolves once `healthy` reaches `n` or `timeoutMs` passes; returns the last stats. */
  waitForHealthy(n: number, timeoutMs: number): Promise<ReceiverStats>;
  stop(): void;
}

export async function startReceiver(): Promise<Receiver> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./receiver.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  let exited = false;
  child.once('exit', (code, signal) => {
    exited = true;
    if (!stopping) process.stderr.write(`bench receiver exited (${code ?? signal})\n`);
  });
  let stopping = false;
  const ask = <T>(cmd: string, args: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error('the bench receiver has exited'));
      child.once('message', (m) => resolve(m as T));
      child.send({ cmd, ...args });
    });
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    reset: () => ask('reset'),
    stats: () => ask('stats'),
    async waitForHealthy(n, timeoutMs) {
      // The receiver answers from the arrival that reaches n: no polling interval in the figure.
      await ask<{ reached: boolean }>('when', { n, timeout_ms: timeoutMs });
      return receiver.stats();
    },
    stop: () => {
      stopping = true;
      child.kill('SIGTERM');
    },
  };
  return receiver;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const epochMs = () => performance.timeOrigin + performance.now();

/** The benchmark's event: about 1 KB of JSON, stamped so the receiver can measure latency. */
export function benchPayload(i: number): { sent_at: number; i: number; pad: string } {
  return { sent_at: epochMs(), i, pad: PAD };
}
const PAD = 'x'.repeat(960);

/** Standard Webhooks signing, as a user building on a queue would write it. */
export function standardSignature(secret: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
export const randomSecret = () => randomBytes(24);

/** Peak and current resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss_mb: number; peak_mb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss_mb: kb('VmRSS') / 1024, peak_mb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples the summed RSS of some processes every 250 ms; `stop()` returns the highest sum seen. */
export function sampleRss(pids: () => number[]): { stop(): number } {
  let peak = 0;
  const tick = () => {
    const sum = pids().reduce((s, pid) => s + (memoryOf(pid)?.rss_mb ?? 0), 0);
    peak = Math.max(peak, sum);
  };
  tick();
  const timer = setInterval(tick, 250);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return Math.round(peak);
    },
  };
}

export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number | null, digits = 1) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Deliveries per second between the first and the last arrival. */
export function drainRate(s: ReceiverStats): number | null {
  if (s.healthy < 2 || s.last_at <= s.first_at) return null;
  return (s.healthy - 1) / ((s.last_at - s.first_at) / 1000);
}

/**
 * Runs `task(i)` for i = 0… with `concurrency` in flight until `count` tasks or `durationMs`,
 * whichever comes first; returns how many finished and how long it took.
 */
export async function loadLoop(count: number, durationMs: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ done: number; ms: number }> {
  const started = Date.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() - started < durationMs) {
        await task(next++);
        done++;
      }
    }),
  );
  return { done, ms: Date.now() - started };
}

/**
 * Publish→receive latency at a steady rate. A warm-up as long as the measurement, at the same
 * rate, comes first and is not counted: the process under test may so far only have delivered
 * (its publish path not yet compiled by the JIT, its connection pools empty), and a cold start is
 * not what p99 at half load is meant to show. (With a 2 s warm-up, the first 5 s measured on
 * Herald had p99 98–234 ms against 35–60 ms in the 5 s after: the warm-up was still in the figure.)
 */
export async function pacedLatency(
  rx: Receiver,
  ratePerS: number,
  durationMs: number,
  publish: (i: number) => Promise<void>,
  /** Healthy deliveries expected from the tasks numbered first … first + count − 1. */
  expected: (first: number, count: number) => number,
): Promise<{ sent: number; stats: ReceiverStats }> {
  const warm = await pacedLoop(ratePerS, durationMs, publish);
  await rx.waitForHealthy(expected(0, warm), 30_000);
  await sleep(200);
  await rx.reset();
  const sent = await pacedLoop(ratePerS, durationMs, (i) => publish(warm + i));
  return { sent, stats: await rx.waitForHealthy(expected(warm, sent), 30_000) };
}

/** Starts `task` at a steady rate for `durationMs` (open loop: a slow task does not slow the clock). */
export async function pacedLoop(ratePerS: number, durationMs: number, task: (i: number) => Promise<void>): Promise<number> {
  const started = Date.now();
  const pending: Promise<void>[] = [];
  let i = 0;
  while (Date.now() - started < durationMs) {
    const due = Math.floor(((Date.now() - started) / 1000) * ratePerS);
    while (i < due) pending.push(task(i++));
    await sleep(5);
  }
  await Promise.all(pending);
  return i;
}
