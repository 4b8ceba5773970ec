// A transformation thread: runs endpoints' transformations one at a time, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { makeEngine, type EngineLimits } from './engine.js';
import type { TransformCall, TransformReply } from './protocol.js';

const port = parentPort!;
const engine = await makeEngine(workerData as EngineLimits);
let chain = Promise.resolve();
port.on('message', (call: TransformCall) => {
  chain = chain.then(async () => {
    const started = performance.now();
    const outcome = await engine.run(call.code, call.input);
    port.postMessage({ id: call.id, outcome, duration_ms: Math.round((performance.now() - started) * 100) / 100 } satisfies TransformReply);
  });
});
port.postMessage({ ready: true });
