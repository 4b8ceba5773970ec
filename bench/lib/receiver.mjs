// Benchmark receiver, run as its own process so it never shares an event loop with the system
// under test. Answers 200 at once; paths under /hang/ are never answered (the sender times out).
// Latency = arrival − the `sent_at` (epoch ms) the publisher put in the payload.
// Commands over IPC: {cmd:'reset'}, {cmd:'stats'} → {count, healthy, first_at, last_at, p50_ms, p99_ms,
// by_path: {<first path segment>: {healthy, first_at, last_at}}},
// {cmd:'when', n, timeout_ms} → {reached} as soon as `healthy` reaches n (pushed from the arrival,
// so a wait measures the system under test, not a polling interval).
import { createServer } from 'node:http';

const CAPACITY = 4_000_000;
const latencies = new Float64Array(CAPACITY);
let samples = 0;
let count = 0;
let healthy = 0;
let firstAt = 0;
let lastAt = 0;
/** Arrivals per first path segment ("/unordered/…" → "unordered"), to tell endpoints apart. */
let byPath = new Map();
/** The one pending `when`: answered from the arrival that reaches it, or by its timer. */
let waiter = null;

function settleWaiter(reached) {
  if (!waiter) return;
  clearTimeout(waiter.timer);
  waiter = null;
  process.send({ reached });
}
const SENT_AT = /"sent_at":([0-9.]+)/;

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const hang = req.url.startsWith('/hang/');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const now = performance.timeOrigin + performance.now();
    count++;
    if (hang) return; // never answered
    healthy++;
    if (!firstAt) firstAt = now;
    lastAt = now;
    const segment = req.url.split('/')[1] ?? '';
    const span = byPath.get(segment);
    if (span) {
      span.healthy++;
      span.last_at = now;
    } else byPath.set(segment, { healthy: 1, first_at: now, last_at: now });
    const m = SENT_AT.exec(Buffer.concat(chunks).toString('latin1'));
    if (m && samples < CAPACITY) latencies[samples++] = now - Number(m[1]);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    if (waiter && healthy >= waiter.n) settleWaiter(true);
  });
});
server.headersTimeout = 120_000;
server.requestTimeout = 0;

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

process.on('message', (msg) => {
  if (msg.cmd === 'reset') {
    samples = count = healthy = firstAt = lastAt = 0;
    byPath = new Map();
    process.send({ ok: true });
  } else if (msg.cmd === 'when') {
    settleWaiter(false);
    if (healthy >= msg.n) return process.send({ reached: true });
    waiter = { n: msg.n, timer: setTimeout(() => settleWaiter(false), msg.timeout_ms) };
  } else if (msg.cmd === 'stats') {
    const sorted = latencies.slice(0, samples).sort();
    process.send({ count, healthy, first_at: firstAt, last_at: lastAt, p50_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99), by_path: Object.fromEntries(byPath) });
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
