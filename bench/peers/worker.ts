// What a user would build instead of Herald: a queue (BullMQ on Redis, or pg-boss on PostgreSQL)
// and a worker that signs, POSTs, retries (the queue's own retry with backoff) and durably records
// every attempt in PostgreSQL (one INSERT per attempt, committed before the job is acknowledged).
// node --import tsx bench/peers/worker.ts <bullmq|pgboss> <database-url> <concurrency>
import { Worker } from 'bullmq';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { Agent, request } from 'undici';
import { randomSecret, standardSignature } from '../lib/common.js';
import { QUEUE, redisConnection, type PeerJob } from './shared.js';

async function main(): Promise<void> {
  const [kind, databaseUrl, concurrencyArg] = process.argv.slice(2);
  const concurrency = Number(concurrencyArg);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const secret = randomSecret();

  /** One delivery attempt, recorded; throws on failure so the queue retries it. */
  async function deliver(job: PeerJob): Promise<void> {
    const body = JSON.stringify({ type: job.type, timestamp: new Date().toISOString(), data: job.payload });
    const ts = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await request(job.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'webhook-id': job.id, 'webhook-timestamp': String(ts), 'webhook-signature': standardSignature(secret, job.id, ts, body) },
        body,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      status = res.statusCode;
      await res.body.text();
    } catch (err) {
      error = (err as Error).message;
    }
    await db.query('INSERT INTO attempts (job_id, url, status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)', [job.id, job.url, status, error, performance.now() - started]);
    if (error || status === null || status >= 300) throw new Error(error ?? `HTTP ${status}`);
  }

  if (kind === 'bullmq') {
    const worker = new Worker<PeerJob>(QUEUE, (job) => deliver(job.data), { connection: redisConnection(), concurrency, removeOnComplete: { count: 0 }, removeOnFail: { count: 1000 } });
    process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
  } else {
    const boss = new PgBoss({ connectionString: databaseUrl, max: 10 });
    boss.on('error', (err) => process.stderr.write(`pg-boss worker: ${err.message}\n`));
    await boss.start();
    // pg-boss 10 hands a worker a batch and polls at most every 0.5 s, so a worker fetches
    // `concurrency` jobs at a time and four of them run side by side (up to 4 × concurrency open).
    for (let w = 0; w < 4; w++) {
      await boss.work<PeerJob>(QUEUE, { batchSize: concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        const failed: string[] = [];
        await Promise.all(jobs.map((j) => deliver(j.data).catch(() => failed.push(j.id))));
        if (failed.length) await boss.fail(QUEUE, failed);
      });
    }
    process.on('SIGTERM', () => void boss.stop({ graceful: true, wait: true }).then(() => process.exit(0)));
  }
  process.send?.('ready');
}

await main();
