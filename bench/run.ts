// npm run bench [-- --quick] [-- --only=limit,bullmq,pgboss,sqlite,postgres1,postgres2,hostile]
// Starts everything itself on 127.0.0.1 (receiver, Herald processes, peer workers) and stops it
// by PID. Every delivery figure is also given as a ratio to the raw limit measured in this run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchHerald, benchPublishLimit, type HeraldOptions } from './herald-scenarios.js';
import { benchHostileSchemas } from './hostile.js';
import { round, startReceiver, type Run } from './lib/common.js';
import { benchPeer, type PeerOptions } from './peers/index.js';

// `npm run bench --quick` (without `--`) reaches us as npm_config_quick.
const quick = process.argv.includes('--quick') || process.env.npm_config_quick === 'true';
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (name: string) => !only || only.includes(name);

const LIMIT_CONCURRENCY = 64;
const limitRun = quick ? { count: 40_000, ms: 3_000 } : { count: 300_000, ms: 20_000 };
const peerOptions: PeerOptions = quick ? { jobs: 5_000, drainCapMs: 15_000, pacedMs: 2_000, concurrency: 100 } : { jobs: 100_000, drainCapMs: 120_000, pacedMs: 10_000, concurrency: 100 };
const heraldOptions: HeraldOptions = quick
  ? { publishMs: 2_000, drainCapMs: 15_000, pacedMs: 2_000, fanouts: 3, backlogMessages: 200, backlogPublishCapMs: 5_000, backlogDrainMs: 4_000, oneOfMessages: 5_000, oneOfCapMs: 5_000, fifoMessages: 1_000 }
  : { publishMs: 15_000, drainCapMs: 120_000, pacedMs: 10_000, fanouts: 20, backlogMessages: 10_000, backlogPublishCapMs: 240_000, backlogDrainMs: 30_000, oneOfMessages: 30_000, oneOfCapMs: 20_000, fifoMessages: 5_000 };
const modes = quick
  ? [{ name: 'sqlite', mode: { store: 'sqlite' as const, workers: 1 } }, { name: 'postgres2', mode: { store: 'postgres' as const, workers: 2 } }]
  : [
      { name: 'sqlite', mode: { store: 'sqlite' as const, workers: 1 } },
      { name: 'postgres1', mode: { store: 'postgres' as const, workers: 1 } },
      { name: 'postgres2', mode: { store: 'postgres' as const, workers: 2 } },
    ];

const log = (s: string) => process.stderr.write(`${s}\n`);
const startedAt = new Date();
const rx = await startReceiver();
const runs: Run[] = [];
try {
  log(`bench (${quick ? 'quick' : 'full'}) — receiver ${rx.url}`);
  // The ceiling, in its own process like every system measured.
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./limit.ts', import.meta.url)), rx.url, String(limitRun.count), String(LIMIT_CONCURRENCY), String(limitRun.ms)]);
  const limit = JSON.parse(out.toString()) as { deliveries_per_s: number; p50_ms: number; p99_ms: number; done: number };
  runs.push({ system: 'limit', mode: `undici, ${LIMIT_CONCURRENCY} in flight`, scenario: 'throughput', deliveries_per_s: round(limit.deliveries_per_s), p50_ms: round(limit.p50_ms), p99_ms: round(limit.p99_ms), rss_mb: null, ratio_to_limit: 1, notes: `${limit.done} signed POSTs; p50/p99 are request round trips` });
  log(`  limit: ${round(limit.deliveries_per_s)}/s`);
  const publishLimit = modes.some(({ name }) => wants(name)) ? await benchPublishLimit(heraldOptions.publishMs) : null;
  if (publishLimit) {
    runs.push(publishLimit);
    log(`  publish limit: ${publishLimit.requests_per_s} requests/s`);
  }

  for (const peer of ['bullmq', 'pgboss'] as const) {
    if (!wants(peer)) continue;
    log(`${peer}…`);
    const peerRuns = await benchPeer(peer, rx, peerOptions, limit.deliveries_per_s);
    for (const r of peerRuns) log(`  ${peer} ${r.scenario}: ${JSON.stringify(r)}`);
    runs.push(...peerRuns);
  }
  for (const { name, mode } of modes) {
    if (!wants(name)) continue;
    log(`herald ${name}…`);
    runs.push(...(await benchHerald(mode, rx, heraldOptions, limit.deliveries_per_s, publishLimit!.requests_per_s!, log)));
  }
  if (wants('hostile')) {
    log('hostile tenant schemas…');
    runs.push(...(await benchHostileSchemas(log, quick ? 1_000 : 5_000)));
  }
} finally {
  rx.stop();
}

const result = { machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, quick }, started_at: startedAt.toISOString(), runs };
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
writeFileSync(`${dir}${stamp}${quick ? '-quick' : ''}.json`, JSON.stringify(result, null, 2) + '\n');
writeFileSync(`${dir}latest.json`, JSON.stringify(result, null, 2) + '\n');

const cell = (v: unknown) => (v === null || v === undefined ? '–' : String(v));
const header = ['system', 'mode', 'scenario', 'deliveries/s', 'p50 ms', 'p99 ms', 'RSS MB', '× limit', 'publish req/s'];
const rows = runs.map((r) => [r.system, r.mode, r.scenario, r.deliveries_per_s, r.p50_ms, r.p99_ms, r.rss_mb, r.ratio_to_limit, r.requests_per_s].map(cell));
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
for (const r of runs) if (r.notes) console.log(`- ${r.system} ${r.mode} ${r.scenario}: ${r.notes}`);
// Peer client libraries (pg-boss, ioredis) can leave timers behind; the run is over.
process.exit(0);
