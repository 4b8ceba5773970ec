import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { benchPayload, drainRate, epochMs, loadLoop, memoryOf, pacedLatency, round, sampleRss, sleep, type Receiver, type Run } from './lib/common.js';
import { HeraldCluster, type HeraldMode } from './lib/herald.js';

export interface HeraldOptions {
  /** How long the publish-rate scenario runs; what it publishes is the throughput scenario's backlog. */
  publishMs: number;
  drainCapMs: number;
  pacedMs: number;
  fanouts: number;
  /** Messages fanned out to all 100 endpoints for the backlog scenario (× 100 = pending deliveries). */
  backlogMessages: number;
  backlogPublishCapMs: number;
  backlogDrainMs: number;
  /** Messages of the 1-of-100 scenarios (single and bulk publish), each reaching one endpoint. */
  oneOfMessages: number;
  oneOfCapMs: number;
  /** Messages of the ordered-delivery scenario (over FIFO_KEYS keys), and of its unordered baseline. */
  fifoMessages: number;
}

const ENDPOINTS = 100;
const GROUPS = 10;
const PUBLISHERS = 64;
const BULK_SIZE = 100;
const BULK_PUBLISHERS = 8;
const FIFO_KEYS = 50;

/**
 * The publish limit: Herald's HTTP stack answering the same publish bodies with 202, nothing
 * looked up or stored (bench/publish-limit.ts, its own process), for the same time at the same
 * concurrency as the publish scenario.
 */
export async function benchPublishLimit(durationMs: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./publish-limit.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`publish limit exited (${code})`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    const pool = new Pool(url, { connections: PUBLISHERS, keepAliveTimeout: 60_000 });
    const headers = { authorization: 'Bearer hk_test_bench', 'content-type': 'application/json' };
    const run = await loadLoop(Number.MAX_SAFE_INTEGER, durationMs, PUBLISHERS, async (i) => {
      const res = await pool.request({ path: '/api/v1/app/app_bench/msg', method: 'POST', headers, body: JSON.stringify({ type: `t${i % GROUPS}`, payload: benchPayload(i) }) });
      await res.body.text();
      if (res.statusCode !== 202) throw new Error(`publish limit → ${res.statusCode}`);
    });
    await pool.close();
    const rate = run.done / (run.ms / 1000);
    return { system: 'limit', mode: 'publish: Fastify + schemas, nothing stored', scenario: 'publish', deliveries_per_s: null, p50_ms: null, p99_ms: null, rss_mb: null, ratio_to_limit: null, requests_per_s: round(rate), notes: `${run.done} publish requests in ${run.ms} ms, ${PUBLISHERS} concurrent: the ceiling of every publish figure` };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * One Herald mode through every scenario. The application has 100 endpoints in 10 groups: type
 * `t<g>` reaches the 10 endpoints of group g (fan-out 10), type `all` reaches all 100.
 */
export async function benchHerald(mode: HeraldMode, rx: Receiver, o: HeraldOptions, limit: number, publishLimit: number, log: (s: string) => void): Promise<Run[]> {
  const h = new HeraldCluster(mode);
  const runs: Run[] = [];
  const label = mode.store === 'sqlite' ? 'sqlite' : `postgres ×${mode.workers} worker${mode.workers > 1 ? 's' : ''}`;
  const row = (scenario: string, r: Partial<Run>): Run => {
    const run: Run = { system: 'herald', mode: label, scenario, deliveries_per_s: null, p50_ms: null, p99_ms: null, rss_mb: null, ratio_to_limit: r.deliveries_per_s != null && scenario !== 'publish' ? round(r.deliveries_per_s / limit, 3) : null, ...r };
    log(`  ${label} ${scenario}: ${JSON.stringify(run)}`);
    return run;
  };
  try {
    await h.start();
    const key = await h.createTenant('bench');
    const makeApp = async (name: string, hanging: boolean) => {
      const app = await h.mustCall(key, 'POST', '/app', { name });
      for (let e = 0; e < ENDPOINTS; e++) {
        const url = hanging && e === 0 ? `${rx.url}/hang/ep0` : `${rx.url}/ep${e}`;
        // t<g>: the 10 endpoints of group g; e<n>: endpoint n alone; all: every endpoint.
        await h.mustCall(key, 'POST', `/app/${app.id}/endpoint`, { url, filter_types: [`t${e % GROUPS}`, `e${e}`, 'all'], timeout_seconds: 5 });
      }
      return app.id as string;
    };
    const app = await makeApp('bench', false);
    const isolated = await makeApp('bench-isolation', true);
    const publishBody = async (appId: string, body: Record<string, unknown>) => {
      const res = await h.call(key, 'POST', `/app/${appId}/msg`, body);
      if (res.status !== 202) throw new Error(`publish → ${res.status} ${JSON.stringify(res.body)}`);
    };
    const publish = (appId: string, type: string, i: number) => publishBody(appId, { type, payload: benchPayload(i) });

    // 1. Publish API requests/s, with nothing delivering (what it accepts becomes the backlog of 2).
    await rx.reset();
    const pubRss = sampleRss(() => [h.apiPid()]);
    const pub = await loadLoop(Number.MAX_SAFE_INTEGER, o.publishMs, 64, (i) => publish(app, `t${i % GROUPS}`, i));
    const publishRate = pub.done / (pub.ms / 1000);
    runs.push(
      row('publish', {
        requests_per_s: round(publishRate),
        deliveries_per_s: round(publishRate * GROUPS),
        rss_mb: pubRss.stop(),
        ratio_to_limit: round(publishRate / publishLimit, 3),
        notes: `${pub.done} publish requests in ${pub.ms} ms, 64 concurrent, each → 10 deliveries; × limit is requests/s ÷ the publish limit's`,
      }),
    );

    // 2. Sustained deliveries/s: drain that backlog.
    await h.deliveryPhase();
    const rss = sampleRss(() => h.workerPids());
    const drained = await rx.waitForHealthy(pub.done * GROUPS, o.drainCapMs);
    const throughput = drainRate(drained) ?? 0;
    runs.push(row('throughput', { deliveries_per_s: round(throughput), rss_mb: rss.stop(), notes: `${drained.healthy} of ${pub.done * GROUPS} drained` }));

    // 3. Publish→receive latency at half of that rate.
    await sleep(500);
    await rx.reset();
    const rate = Math.max(1, (0.5 * throughput) / GROUPS);
    const { sent, stats: paced } = await pacedLatency(rx, rate, o.pacedMs, (i) => publish(app, `t${i % GROUPS}`, i), (_, n) => n * GROUPS);
    const latency = row('latency@50%', { deliveries_per_s: round(rate * GROUPS), p50_ms: round(paced.p50_ms), p99_ms: round(paced.p99_ms), notes: `${paced.healthy} of ${sent * GROUPS} received` });
    runs.push(latency);

    // 4. Fan-out: one message to 100 endpoints, one after another.
    await rx.reset();
    const fanStarted = Date.now();
    for (let k = 0; k < o.fanouts; k++) {
      await publish(app, 'all', k);
      await rx.waitForHealthy((k + 1) * ENDPOINTS, 30_000);
    }
    const fan = await rx.stats();
    runs.push(row('fan-out 1→100', { deliveries_per_s: round(fan.healthy / ((Date.now() - fanStarted) / 1000)), p50_ms: round(fan.p50_ms), p99_ms: round(fan.p99_ms), notes: `${o.fanouts} messages × 100 endpoints, each published after the previous one fully arrived` }));

    // 7. One of 100: each message reaches exactly one endpoint, published by 64 clients while the
    //    workers run; first publish to last arrival. Publishing must not cap delivery.
    const endToEnd = async (scenario: string, publishers: number, each: number, send: (i: number) => Promise<void>) => {
      await rx.reset();
      const started = epochMs();
      const sent = await loadLoop(Math.ceil(o.oneOfMessages / each), o.oneOfCapMs, publishers, send);
      const got = await rx.waitForHealthy(sent.done * each, o.drainCapMs);
      const rate = got.healthy / ((got.last_at - started) / 1000);
      runs.push(
        row(scenario, {
          deliveries_per_s: round(rate),
          p50_ms: round(got.p50_ms),
          p99_ms: round(got.p99_ms),
          notes: `${got.healthy} of ${sent.done * each} messages, ${publishers} publishers, first publish to last arrival; ${round(rate / throughput, 3)} × the fan-out-10 drain (${round(throughput)}/s)`,
        }),
      );
    };
    await endToEnd('1 of 100, end to end', PUBLISHERS, 1, (i) => publish(app, `e${i % ENDPOINTS}`, i));

    // 8. The same through bulk publish: 100 messages a request.
    await endToEnd('bulk 100, 1 of 100, end to end', BULK_PUBLISHERS, BULK_SIZE, async (b) => {
      const messages = Array.from({ length: BULK_SIZE }, (_, k) => ({ type: `e${(b * BULK_SIZE + k) % ENDPOINTS}`, payload: benchPayload(b * BULK_SIZE + k) }));
      const res = await h.call(key, 'POST', `/app/${app}/msg/batch`, { messages });
      if (res.status !== 200 || res.body.data.some((r: { status: number }) => r.status !== 202)) throw new Error(`bulk publish → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    });

    // 9. Filtered fan-out: each message reaches 10 of 100 endpoints chosen by payload filters
    //    (every message is evaluated against all 100), against the same fan-out chosen by event
    //    type, both end to end with the same publishers.
    const filtered = (await h.mustCall(key, 'POST', '/app', { name: 'bench-filtered' })).id as string;
    for (let e = 0; e < ENDPOINTS; e++) {
      await h.mustCall(key, 'POST', `/app/${filtered}/endpoint`, { url: `${rx.url}/f${e}`, filter_types: ['f'], payload_filter: { bucket: e % GROUPS, i: { $gte: 0 } }, timeout_seconds: 5 });
    }
    const fanOut10 = async (send: (i: number) => Promise<void>) => {
      await rx.reset();
      const started = epochMs();
      const sent = await loadLoop(Math.ceil(o.oneOfMessages / GROUPS), o.oneOfCapMs, PUBLISHERS, send);
      const got = await rx.waitForHealthy(sent.done * GROUPS, o.drainCapMs);
      return { got, expected: sent.done * GROUPS, rate: got.healthy / ((got.last_at - started) / 1000), publishRate: sent.done / (sent.ms / 1000) };
    };
    const byType = await fanOut10((i) => publish(app, `t${i % GROUPS}`, i));
    const byFilter = await fanOut10((i) => publishBody(filtered, { type: 'f', payload: { ...benchPayload(i), bucket: i % GROUPS } }));
    runs.push(
      row('fan-out 10 by type, end to end', { deliveries_per_s: round(byType.rate), p50_ms: round(byType.got.p50_ms), p99_ms: round(byType.got.p99_ms), requests_per_s: round(byType.publishRate), notes: `${byType.got.healthy} of ${byType.expected}: the baseline of the filtered fan-out` }),
      row('fan-out 10 by payload filter (of 100), end to end', {
        deliveries_per_s: round(byFilter.rate),
        p50_ms: round(byFilter.got.p50_ms),
        p99_ms: round(byFilter.got.p99_ms),
        requests_per_s: round(byFilter.publishRate),
        notes: `${byFilter.got.healthy} of ${byFilter.expected}; ${round(byFilter.rate / byType.rate, 3)} × by type delivered, ${round(byFilter.publishRate / byType.publishRate, 3)} × its publish req/s`,
      }),
    );
    await h.deleteApp(key, filtered);

    // 10. Ordered delivery: a backlog over 50 keys drained through one fifo endpoint, against the
    //     same backlog through an unordered endpoint with the same max_in_flight.
    const ordered = (await h.mustCall(key, 'POST', '/app', { name: 'bench-fifo' })).id as string;
    await h.mustCall(key, 'POST', `/app/${ordered}/endpoint`, { url: `${rx.url}/fifo`, filter_types: ['ordered'], ordering: 'fifo', max_in_flight: FIFO_KEYS, timeout_seconds: 5 });
    await h.mustCall(key, 'POST', `/app/${ordered}/endpoint`, { url: `${rx.url}/unordered`, filter_types: ['free'], max_in_flight: FIFO_KEYS, timeout_seconds: 5 });
    await h.mustCall(key, 'POST', `/app/${ordered}/endpoint`, { url: `${rx.url}/neighbour`, filter_types: ['other'], max_in_flight: FIFO_KEYS, timeout_seconds: 5 });
    const fifoMessage = (i: number) => ({ type: 'ordered', payload: benchPayload(i), ordering_key: `k${i % FIFO_KEYS}` });
    const freeMessage = (i: number) => ({ type: 'free', payload: benchPayload(i) });
    const neighbourMessage = (i: number) => ({ type: 'other', payload: benchPayload(i) });
    const drainThrough = async (...messages: ((i: number) => Record<string, unknown>)[]) => {
      await h.publishingPhase();
      const sent = await loadLoop(o.fifoMessages * messages.length, o.backlogPublishCapMs, 32, (i) => publishBody(ordered, messages[i % messages.length]!(i)));
      await rx.reset();
      await h.deliveryPhase();
      const got = await rx.waitForHealthy(sent.done, o.drainCapMs);
      const rateOf = (path: string) => {
        const p = got.by_path[path];
        return p && p.healthy > 1 && p.last_at > p.first_at ? (p.healthy - 1) / ((p.last_at - p.first_at) / 1000) : 0;
      };
      return { got, expected: sent.done, rate: drainRate(got) ?? 0, rateOf };
    };
    const fifo = await drainThrough(fifoMessage);
    const free = await drainThrough(freeMessage);
    // Both backlogs at once: does the unordered endpoint keep its pace beside the ordered one, as
    // it does beside another unordered endpoint with the same backlog (the two share the workers)?
    const both = await drainThrough(fifoMessage, freeMessage);
    const pair = await drainThrough(neighbourMessage, freeMessage);
    runs.push(
      row(`fifo, ${FIFO_KEYS} keys, drain`, {
        deliveries_per_s: round(fifo.rate),
        notes: `${fifo.got.healthy} of ${fifo.expected} over ${FIFO_KEYS} keys, one endpoint: ${round(fifo.rate / FIFO_KEYS, 1)}/s per key; ${round(fifo.rate / free.rate, 3)} × the same backlog unordered`,
      }),
      row('unordered, same endpoint, drain', { deliveries_per_s: round(free.rate), notes: `${free.got.healthy} of ${free.expected}, max_in_flight ${FIFO_KEYS}: the baseline of the fifo drain` }),
      row('unordered beside fifo, drain', {
        deliveries_per_s: round(both.rateOf('unordered')),
        notes:
          `both backlogs at once (${both.got.healthy} of ${both.expected}): the unordered endpoint at ${round(both.rateOf('unordered') / pair.rateOf('unordered'), 3)} × its pace beside another unordered ` +
          `endpoint (${round(pair.rateOf('unordered'))}/s) and ${round(both.rateOf('unordered') / free.rate, 3)} × alone; the fifo one at ${round(both.rateOf('fifo'))}/s`,
      }),
    );
    await h.deleteApp(key, ordered);

    // 5. Isolation: the same backlog and load with 1 of the 100 endpoints never answering (5 s timeout).
    await h.publishingPhase();
    await rx.reset();
    const isoPub = await loadLoop(pub.done, o.publishMs * 2, 64, (i) => publish(isolated, `t${i % GROUPS}`, i));
    const healthyExpected = isoPub.done * GROUPS - Math.ceil(isoPub.done / GROUPS);
    await h.deliveryPhase();
    const isoDrained = await rx.waitForHealthy(healthyExpected, o.drainCapMs);
    const isoThroughput = drainRate(isoDrained) ?? 0;
    await rx.reset();
    const { stats: isoPaced } = await pacedLatency(rx, rate, o.pacedMs, (i) => publish(isolated, `t${i % GROUPS}`, i), (first, n) => n * GROUPS - (Math.ceil((first + n) / GROUPS) - Math.ceil(first / GROUPS)));
    runs.push(
      row('isolation (1 of 100 hangs)', {
        deliveries_per_s: round(isoThroughput),
        p50_ms: round(isoPaced.p50_ms),
        p99_ms: round(isoPaced.p99_ms),
        notes: `healthy drain ${round(isoThroughput)}/s = ${round(isoThroughput / throughput, 3)} × no hang; p99 at the latency@50% load ${round(isoPaced.p99_ms)} ms vs ${latency.p99_ms} ms without the hang`,
      }),
    );
    await h.deleteApp(key, isolated);

    // 6. Backlog: many pending deliveries; memory while it drains, and the drain rate.
    await h.publishingPhase();
    const backlogPub = await loadLoop(o.backlogMessages, o.backlogPublishCapMs, 32, (i) => publish(app, 'all', i));
    const pending = backlogPub.done * ENDPOINTS;
    log(`  ${label} backlog: ${pending} deliveries pending after ${backlogPub.ms} ms of publishing`);
    await rx.reset();
    await h.deliveryPhase();
    const backlogRss = sampleRss(() => h.workerPids());
    const idleRss = h.workerPids().reduce((s, pid) => s + (memoryOf(pid)?.rss_mb ?? 0), 0);
    const backlogDrained = await rx.waitForHealthy(pending, o.backlogDrainMs);
    const backlogRate = drainRate(backlogDrained) ?? 0;
    runs.push(row(`backlog ${pending >= 1e6 ? `${pending / 1e6} M` : pending} pending`, { deliveries_per_s: round(backlogRate), rss_mb: backlogRss.stop(), notes: `RSS at start ${Math.round(idleRss)} MB; ${backlogDrained.healthy} delivered in the ${o.backlogDrainMs / 1000} s window` }));
  } finally {
    await h.close();
  }
  return runs;
}
