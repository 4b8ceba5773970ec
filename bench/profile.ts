// npm run bench:profile [-- --store=postgres]: drains a backlog through one Herald delivery process
// started with --cpu-prof, then prints where its CPU time went (self time by function and by
// module). The .cpuprofile is left in bench/results/profiles/ for Chrome DevTools or speedscope.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPayload, drainRate, loadLoop, round, startReceiver } from './lib/common.js';
import { HeraldCluster } from './lib/herald.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const store = process.argv.includes('--store=postgres') ? 'postgres' : 'sqlite';
const dir = fileURLToPath(new URL('./results/profiles/', import.meta.url));
mkdirSync(dir, { recursive: true });
const rx = await startReceiver();
const h = new HeraldCluster({ store, workers: 1 });
try {
  await h.start();
  const key = await h.createTenant('profile');
  const app = (await h.mustCall(key, 'POST', '/app', { name: 'profile' })).id;
  for (let e = 0; e < 100; e++) await h.mustCall(key, 'POST', `/app/${app}/endpoint`, { url: `${rx.url}/ep${e}`, filter_types: [`t${e % 10}`] });
  const pub = await loadLoop(3000, 60_000, 64, async (i) => void (await h.mustCall(key, 'POST', `/app/${app}/msg`, { type: `t${i % 10}`, payload: benchPayload(i) })));
  const before = new Set(readdirSync(dir));
  await h.deliveryPhase(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const s = await rx.waitForHealthy(pub.done * 10, 120_000);
  console.log(`drained ${s.healthy} deliveries at ${round(drainRate(s))}/s (${store})`);
  if (process.env.BENCH_SHOW_OUTPUT) console.log(h.workerOutput());
  await h.close();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
  if (!file) throw new Error('no profile was written');
  const profile = JSON.parse(readFileSync(dir + file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (/packages\/[^/]+\/src\/(.*)$/.exec(url)?.[1] ? `herald:${/packages\/[^/]+\/src\/(.*)$/.exec(url)![1]}` : url.startsWith('node:') ? url : url || `(${n.callFrame.functionName || 'program'})`);
    byModule.set(module, (byModule.get(module) ?? 0) + hits);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${module}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)} %  ${Math.round(hits * msPerSample).toString().padStart(6)} ms  ${name}`);
  console.log(`profile ${file}: ${Math.round(total * msPerSample)} ms sampled\n\nself time by module:\n${top(byModule, 20).join('\n')}\n\nself time by function:\n${top(byFunction, 30).join('\n')}`);
} finally {
  await h.close().catch(() => undefined);
  rx.stop();
}
