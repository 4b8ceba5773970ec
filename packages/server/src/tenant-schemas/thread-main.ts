// A schema sandbox thread: compiles and runs tenants' JSON Schemas, one call at a time, in order.
import { parentPort } from 'node:worker_threads';
import { makeTenantAjv, makeValidatorCache } from './engine.js';
import type { SandboxCall, SandboxReply } from './protocol.js';

const validators = makeValidatorCache(makeTenantAjv());
const port = parentPort!;

port.on('message', (call: SandboxCall) => {
  let reply: SandboxReply;
  try {
    if (call.op === 'check') {
      validators.compile(call.schema);
      reply = { id: call.id, ok: true, outcome: null };
    } else {
      const outcome = validators.validate(call.key, call.schema, call.payload, () => port.postMessage({ id: call.id, compiled: true } satisfies SandboxReply));
      reply = outcome === 'missing' ? { id: call.id, ok: false, missing: true } : { id: call.id, ok: true, outcome };
    }
  } catch (err) {
    reply = { id: call.id, ok: false, message: (err as Error).message };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
