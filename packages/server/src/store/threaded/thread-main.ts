// The thread that owns the SQLite connection: runs store calls sent by the main thread, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { newId } from '../../ids.js';
import { openSqliteStore } from '../sqlite/index.js';
import type { Store } from '../types.js';
import { DELIVERY_ID_MARKER, type StoreCall, type StoreReply } from './protocol.js';

const port = parentPort!;
const path = (workerData as { path: string }).path;
let opened: Store | undefined;
try {
  opened = openSqliteStore(path);
} catch (err) {
  // Sent as data: an error thrown out of a thread reaches the main thread without its message.
  const e = err as { message?: unknown; code?: unknown };
  port.postMessage({ startupError: { message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : undefined } });
}
const store = opened as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & Store;

port.on('message', async (call: StoreCall) => {
  let reply: StoreReply;
  try {
    const args = call.args.map((a) =>
      a && typeof a === 'object' && (a as { newDeliveryId?: unknown }).newDeliveryId === DELIVERY_ID_MARKER
        ? { ...(a as object), newDeliveryId: () => newId('dlv', (a as { now: number }).now) }
        : a,
    );
    reply = { id: call.id, result: await store[call.method]!(...args) };
  } catch (err) {
    const e = err as Error & { code?: string };
    reply = { id: call.id, error: { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}) } };
  }
  port.postMessage(reply);
});
if (opened) port.postMessage({ ready: true, applied: (store as unknown as { applied: string[] }).applied });
