// The ceiling: sign and POST the same ~1 KB bodies to the same receiver with undici, nothing
// persisted. Run as its own process: node --import tsx bench/limit.ts <receiver-url> <count> <concurrency> <duration-ms>
import { Agent, request } from 'undici';
import { benchPayload, loadLoop, percentile, randomSecret, standardSignature } from './lib/common.js';

const [url, countArg, concurrencyArg, durationArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const agent = new Agent({ keepAliveTimeout: 60_000 });
const secret = randomSecret();
const rtts = new Float64Array(count);
let samples = 0;

const { done, ms } = await loadLoop(count, Number(durationArg), concurrency, async (i) => {
  const body = JSON.stringify({ type: 'bench.event', timestamp: new Date().toISOString(), data: benchPayload(i) });
  const id = `msg_${i}`;
  const ts = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await request(`${url}/ep${i % 100}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': standardSignature(secret, id, ts, body) },
    body,
  });
  await res.body.text();
  rtts[samples++] = performance.now() - started;
});
const sorted = rtts.slice(0, samples).sort();
process.stdout.write(JSON.stringify({ done, ms, deliveries_per_s: done / (ms / 1000), p50_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99) }) + '\n');
await agent.close();
