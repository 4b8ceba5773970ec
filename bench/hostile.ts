// Hostile tenant schemas (issue 16, point 2) and transformations (issue 22): each attack is sent again and again for a while
// (MIN_MS, and at least `repeats` times) while a prober asks /health/ready every 10 ms; the row
// gives readiness latency during the attack, as a ratio to readiness measured idle in the same
// run, and what the attacks were answered and how fast. Bodies are built before timing starts.
import { memoryOf, percentile, round, type Run } from './lib/common.js';
import { HeraldCluster } from './lib/herald.js';

const chain = (depth: number) => {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};
const branch = { type: 'object', properties: { x: { $ref: '#/$defs/n' } } };

interface Attack {
  name: string;
  /** Event types to create first (not timed). */
  eventTypes: Record<string, unknown>[];
  /** The request, as path (under /api/v1, `{app}` and `{endpoint}` filled in) and JSON text. */
  path: string;
  body: string;
  repeats: number;
}

const ATTACKS: Attack[] = [
  {
    name: 'pattern ^(a+)+$, 31-character string',
    eventTypes: [{ name: 'redos', schema: { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } } }],
    path: '/app/{app}/msg',
    body: JSON.stringify({ type: 'redos', payload: { s: 'a'.repeat(31) + '!' } }),
    repeats: 20,
  },
  {
    name: 'uniqueItems over 20,000 objects',
    eventTypes: [{ name: 'unique', schema: { type: 'array', uniqueItems: true } }],
    path: '/app/{app}/msg',
    body: JSON.stringify({ type: 'unique', payload: [...Array.from({ length: 20_000 }, (_, i) => ({ i })), { i: 1 }] }),
    repeats: 10,
  },
  {
    name: '5,000 patternProperties at save',
    eventTypes: [],
    path: '/event-type',
    body: JSON.stringify({ name: 'wide', schema: { type: 'object', patternProperties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`^p${i}_[a-z]+$`, { type: 'string' }])) } }),
    repeats: 10,
  },
  {
    name: 'exponential allOf, 40 levels (time budget)',
    eventTypes: [{ name: 'exp', schema: { $defs: { n: { allOf: [branch, branch] } }, $ref: '#/$defs/n' } }],
    path: '/app/{app}/msg',
    body: JSON.stringify({ type: 'exp', payload: chain(40) }),
    repeats: 5,
  },
];

/** Transformations run through "try it" (the same sandbox and limits as deliveries). */
const transformation = (name: string, code: string, repeats: number): Attack => ({
  name: `transformation: ${name}`,
  eventTypes: [],
  path: '/app/{app}/endpoint/{endpoint}/transformation/apply',
  body: JSON.stringify({ type: 'order.paid', payload: { amount: 1 }, code }),
  repeats,
});
ATTACKS.push(
  transformation('returns its input (baseline)', 'function handler(w) { return w; }', 50),
  transformation('busy loop (time limit)', 'function handler(w) { for (;;) {} }', 10),
  transformation('1 GB allocation', 'function handler(w) { w.payload = new Uint8Array(1024 * 1024 * 1024).length; return w; }', 10),
  transformation('1 MB strings until memory runs out', 'function handler(w) { const a = []; for (let i = 0; i < 1e6; i++) a.push(String(i).repeat(1e6)); return w; }', 10),
);

async function readiness(cluster: HeraldCluster, until: () => boolean, minSamples = 0): Promise<number[]> {
  const samples: number[] = [];
  while (!until() || samples.length < minSamples) {
    const t = performance.now();
    const status = await cluster.ready();
    if (status !== 200) throw new Error(`/health/ready answered ${status}`);
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  return samples.sort((a, b) => a - b);
}

export async function benchHostileSchemas(log: (s: string) => void, minMs: number): Promise<Run[]> {
  const cluster = new HeraldCluster({ store: 'sqlite', workers: 1 });
  const runs: Run[] = [];
  try {
    await cluster.start();
    await cluster.deliveryPhase();
    const key = await cluster.createTenant('hostile');
    const app = (await cluster.mustCall(key, 'POST', '/app', { name: 'hostile' })).id as string;
    const endpoint = (await cluster.mustCall(key, 'POST', `/app/${app}/endpoint`, { url: 'https://receiver.example/hook' })).id as string;
    const idle = await readiness(cluster, () => true, 200);
    const idleP99 = percentile(idle, 99)!;
    log(`  idle /health/ready p50 ${round(percentile(idle, 50))} ms, p99 ${round(idleP99)} ms`);
    for (const attack of ATTACKS) {
      for (const et of attack.eventTypes) await cluster.mustCall(key, 'POST', '/event-type', et);
      let done = false;
      const probe = readiness(cluster, () => done);
      const times: number[] = [];
      const statuses = new Map<number, number>();
      const started = performance.now();
      while (times.length < attack.repeats || performance.now() - started < minMs) {
        const t = performance.now();
        const { status } = await cluster.callText(key, 'POST', attack.path.replace('{app}', app).replace('{endpoint}', endpoint), attack.body);
        times.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      done = true;
      const ready = await probe;
      times.sort((a, b) => a - b);
      const readyP99 = percentile(ready, 99)!;
      const row: Run = {
        system: 'herald',
        mode: 'sqlite',
        scenario: attack.name.startsWith('transformation:') ? `hostile ${attack.name}` : `hostile schema: ${attack.name}`,
        deliveries_per_s: null,
        p50_ms: round(percentile(ready, 50)),
        p99_ms: round(readyP99),
        rss_mb: null,
        ratio_to_limit: null,
        notes:
          `p50/p99: /health/ready while attacked (${ready.length} probes, max ${round(ready.at(-1)!)} ms; idle p99 ${round(idleP99)} ms, ratio ${round(readyP99 / idleP99)}×); ` +
          `${times.length} attacks answered ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}, p50 ${round(percentile(times, 50))} ms, max ${round(times.at(-1)!)} ms; ` +
          `RSS after ${Math.round(cluster.workerPids().reduce((sum, pid) => sum + (memoryOf(pid)?.rss_mb ?? 0), 0))} MB`,
      };
      log(`  ${row.scenario}: ${row.notes}`);
      runs.push(row);
    }
  } finally {
    await cluster.close();
  }
  return runs;
}
