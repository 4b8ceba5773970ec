import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { BUNDLE, buildBundle, spawnServer, type ServerProcess } from './process.js';

/**
 * Receivers that fail fast with huge answers: 1 MB of response headers, 4 MB error bodies,
 * 256 KB bodies dribbled in many chunks. Herald caps what it reads while reading, so its memory
 * levels off however many such answers arrive. RSS is sampled from /proc; the bounds are generous
 * ceilings, not timings.
 */
const ADMIN = 'memory-admin';
const MESSAGES = 3000;

let herald: ServerProcess | null = null;
const servers: Server[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'herald-memory-'));
after(async () => {
  await herald?.stop();
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  rmSync(dataDir, { recursive: true, force: true });
});

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function hostileReceiver(): Promise<string> {
  const bigHeader = 'h'.repeat(1024 * 1024);
  const bigBody = Buffer.alloc(4 * 1024 * 1024, 'b');
  const chunk = Buffer.alloc(1024, 'c');
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/headers') {
        res.writeHead(500, { 'x-huge': bigHeader });
        return res.end();
      }
      if (req.url === '/body') return void res.writeHead(500, { 'content-type': 'text/plain' }).end(bigBody);
      res.writeHead(502, { 'content-type': 'text/plain' });
      for (let i = 0; i < 256; i++) res.write(chunk);
      res.end();
    });
  });
  server.on('clientError', () => undefined);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

test(`${MESSAGES * 3} fast failures with 1 MB headers and 4 MB bodies: RSS levels off under a ceiling`, async (t) => {
  buildBundle();
  herald = await spawnServer({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: ADMIN }, [], [], BUNDLE);
  const rx = await hostileReceiver();
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${herald!.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const key = (await call(ADMIN, 'POST', '/tenants', { name: 'memory' })).body.api_keys.test;
  const app = (await call(key, 'POST', '/app', { name: 'memory' })).body.id;
  for (const path of ['/headers', '/body', '/dribble']) {
    assert.equal((await call(key, 'POST', `/app/${app}/endpoint`, { url: `${rx}${path}`, retry_schedule: [0], max_in_flight: 20 })).status, 201);
  }
  const pid = herald.child.pid!;
  // Peaks per round, not per third of the run's time: on a loaded machine the first third of the
  // time could end before the heap had grown to its working size, which read as a climb. Round 0
  // is that warm-up; a leak shows as the later rounds' peaks rising above round 1's.
  const ROUNDS = 4;
  const start = rssMb(pid);
  const peaks: number[] = [];
  let round = 0;
  const sample = () => void (peaks[round] = Math.max(peaks[round] ?? 0, rssMb(pid)));
  const sampler = setInterval(sample, 500);
  try {
    for (; round < ROUNDS; round++) {
      for (let i = 0; i < MESSAGES / ROUNDS; i++) assert.equal((await call(key, 'POST', `/app/${app}/msg`, { type: 'm', payload: { round, i } })).status, 202);
      // Wait for this round's failures to be recorded (bounded: 120 s).
      const until = Date.now() + 120_000;
      const expected = ((round + 1) * MESSAGES * 3) / ROUNDS;
      for (;;) {
        const text = await (await fetch(`${herald.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
        const exhausted = Number(/herald_delivery_attempts_total\{outcome="exhausted"\} (\d+)/.exec(text)?.[1] ?? 0);
        if (exhausted >= expected) break;
        assert.ok(Date.now() < until, `round ${round}: ${exhausted} of ${expected} failures recorded`);
        await new Promise((r) => setTimeout(r, 250));
      }
      sample();
    }
  } finally {
    clearInterval(sampler);
  }
  const peak = Math.max(...peaks);
  t.diagnostic(`RSS MB: start ${start.toFixed(0)}, peak per round ${peaks.map((p) => p.toFixed(0)).join(' / ')}`);
  assert.ok(peak < 400, `RSS peaked at ${peak.toFixed(0)} MB`);
  assert.ok(peaks[ROUNDS - 1]! < peaks[1]! + 80, `RSS kept climbing: ${peaks[1]!.toFixed(0)} → ${peaks[ROUNDS - 1]!.toFixed(0)} MB from round 1 to round ${ROUNDS - 1}`);
});
