// The thread that owns the SQLite connection: runs store calls sent by the main thread, in order.
// Started with role `checkpointer`, the same file runs the WAL checkpoints instead (sqlite/checkpointer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runCheckpointer } from '../sqlite/checkpointer.js';
import { openSqliteStore } from '../sqlite/index.js';
import type { Store } from '../types.js';
import { THREAD_METHODS, type StoreCall, type StoreReply } from './protocol.js';

const port = parentPort!;
const { path, role } = workerData as { path: string; role: 'store' | 'checkpointer' };
if (role === 'checkpointer') {
  const checkpointer = runCheckpointer(path);
  // Any message means stop.
  port.once('message', () => {
    checkpointer.stop();
    port.close();
  });
} else serveStore();

function serveStore(): void {
  let opened: (Store & { applied: string[] }) | undefined;
  try {
    opened = openSqliteStore(path, { checkpointer: true });
  } catch (err) {
    // Sent as data: an error thrown out of a thread reaches the main thread without its message.
    const e = err as { message?: unknown; code?: unknown };
    port.postMessage({ startupError: { message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : undefined } });
  }
  const allowed = new Set<string>(THREAD_METHODS);

  port.on('message', async (call: StoreCall) => {
    let reply: StoreReply;
    try {
      if (!opened || !allowed.has(call.method)) throw new Error(`the store thread has no method ${call.method}`);
      const method = opened[call.method] as (...args: unknown[]) => Promise<unknown>;
      reply = { id: call.id, result: await method(...call.args) };
    } catch (err) {
      const e = err as Error & { code?: string };
      reply = { id: call.id, error: { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}) } };
    }
    port.postMessage(reply);
  });
  if (opened) port.postMessage({ ready: true, applied: opened.applied });
}
