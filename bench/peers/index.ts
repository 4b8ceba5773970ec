import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createTestDatabase } from '../../packages/server/test/helpers.js';
import { benchPayload, drainRate, pacedLatency, round, sampleRss, sleep, type Receiver, type Run } from '../lib/common.js';
import { ATTEMPTS_TABLE, QUEUE, redisConnection, type PeerJob } from './shared.js';

export type PeerKind = 'bullmq' | 'pgboss';

export interface PeerOptions {
  /** Deliveries queued before the worker starts (the drain measures sustained throughput). */
  jobs: number;
  drainCapMs: number;
  pacedMs: number;
  concurrency: number;
}

interface Publisher {
  publish(jobs: PeerJob[]): Promise<void>;
  close(): Promise<void>;
}

async function openPublisher(kind: PeerKind, databaseUrl: string): Promise<Publisher> {
  if (kind === 'bullmq') {
    const queue = new Queue<PeerJob>(QUEUE, { connection: redisConnection() });
    await queue.obliterate({ force: true });
    const opts = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true };
    return {
      publish: async (jobs) => void (await queue.addBulk(jobs.map((data) => ({ name: 'deliver', data, opts })))),
      close: async () => {
        await queue.obliterate({ force: true });
        await queue.close();
      },
    };
  }
  const boss = new PgBoss({ connectionString: databaseUrl, max: 10 });
  // Dropping the benchmark database ends pg-boss's connections; that is expected, not a crash.
  boss.on('error', (err) => process.stderr.write(`pg-boss publisher: ${err.message}\n`));
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 4, retryDelay: 1, retryBackoff: true });
  return {
    publish: (jobs) => boss.insert(jobs.map((data) => ({ name: QUEUE, data }))),
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}

/** Message i fans out to 10 of the 100 endpoints, as Herald's benchmark application does. */
function jobsFor(rx: Receiver, i: number): PeerJob[] {
  const payload = benchPayload(i);
  return Array.from({ length: 10 }, (_, k) => ({ id: `msg_${i}_${k}`, url: `${rx.url}/ep${(i % 10) + 10 * k}`, type: `t${i % 10}`, payload }));
}

export async function benchPeer(kind: PeerKind, rx: Receiver, options: PeerOptions, limit: number): Promise<Run[]> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(ATTEMPTS_TABLE);
  await client.end();
  const publisher = await openPublisher(kind, database.url);
  let worker: ChildProcess | null = null;
  const runs: Run[] = [];
  const row = (scenario: string, r: Partial<Run>): Run => ({ system: kind, mode: kind === 'bullmq' ? 'redis' : 'postgres', scenario, deliveries_per_s: null, p50_ms: null, p99_ms: null, rss_mb: null, ratio_to_limit: null, ...r });
  try {
    // Queue the backlog first, then start the worker: the drain is the sustained rate.
    await rx.reset();
    const messages = Math.ceil(options.jobs / 10);
    for (let i = 0; i < messages; i += 100) await publisher.publish(Array.from({ length: Math.min(100, messages - i) }, (_, k) => jobsFor(rx, i + k)).flat());
    worker = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [kind, database.url, String(options.concurrency)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pid = worker.pid!;
    const rss = sampleRss(() => [pid]);
    const drained = await rx.waitForHealthy(messages * 10, options.drainCapMs);
    const throughput = drainRate(drained) ?? 0;
    runs.push(row('throughput', { deliveries_per_s: round(throughput), rss_mb: rss.stop(), ratio_to_limit: round(throughput / limit, 3), notes: `${drained.healthy} of ${messages * 10} drained` }));

    // Publish→receive latency at half of that rate, once the backlog is gone (or the cap passed).
    await rx.waitForHealthy(messages * 10, options.drainCapMs);
    await sleep(500);
    await rx.reset();
    const rate = Math.max(1, (0.5 * throughput) / 10);
    const { sent, stats: paced } = await pacedLatency(rx, rate, options.pacedMs, (i) => publisher.publish(jobsFor(rx, i)), (_, n) => n * 10);
    runs.push(row('latency@50%', { deliveries_per_s: round(rate * 10), p50_ms: round(paced.p50_ms), p99_ms: round(paced.p99_ms), notes: `${paced.healthy} of ${sent * 10} received` }));
  } finally {
    if (worker && worker.exitCode === null) {
      const w = worker;
      const exited = new Promise((r) => w.once('exit', r));
      w.kill('SIGTERM');
      const timer = setTimeout(() => w.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await publisher.close();
    await database.drop();
  }
  return runs;
}
