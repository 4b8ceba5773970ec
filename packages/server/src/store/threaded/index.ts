import { Worker } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../sqlite/db.js';
import { makeResourceOps } from '../sqlite/resources.js';
import { makeSecurityOps } from '../sqlite/security.js';
import { makeTenantOps } from '../sqlite/tenants.js';
import type { Store } from '../types.js';
import { DELIVERY_ID_MARKER, type StoreCall, type StoreReply } from './protocol.js';

/** The SQLite file could not be opened or migrated: which file, and why, in the message. */
export class StoreStartError extends Error {
  readonly code: string | undefined;
  constructor(path: string, cause: { message?: unknown; code?: string }) {
    const reason = typeof cause?.message === 'string' && cause.message ? cause.message : String(cause);
    super(`cannot open the SQLite store ${path}: ${reason}${cause?.code ? ` (${cause.code})` : ''}`);
    this.name = 'StoreStartError';
    this.code = cause?.code;
  }
}

/**
 * The SQLite store on its own thread. better-sqlite3 is synchronous: on the main thread every
 * claim and every group commit stops the event loop that is sending webhooks. Here the main thread
 * posts each call and keeps sending while the owning thread runs the statements. Calls are
 * answered in the order they were made (one connection, one queue), as before.
 */
export async function openThreadedSqliteStore(path: string): Promise<Store & { applied: string[] }> {
  // From src (tsx) the thread must register tsx itself; bundled (`npm run build`) it is plain JS.
  const entry = import.meta.url.endsWith('.ts') ? new URL('./thread-entry.mjs', import.meta.url) : new URL('./store-thread.mjs', import.meta.url);
  const worker = new Worker(entry, { workerData: { path } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;

  const applied = await new Promise<string[]>((resolve, reject) => {
    const failed = (err: { message?: unknown; code?: string }) => {
      void worker.terminate();
      reject(new StoreStartError(path, err));
    };
    worker.once('error', failed);
    worker.once('message', (m: { applied: string[] } | { startupError: { message: string; code?: string } }) => {
      worker.off('error', failed);
      if ('startupError' in m) failed(m.startupError);
      else resolve(m.applied);
    });
  });
  worker.on('message', (reply: StoreReply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if ('error' in reply) call.reject(Object.assign(new Error(reply.error.message), reply.error));
    else call.resolve(reply.result);
  });
  worker.on('error', (err) => {
    failure = err;
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  });

  function call(method: string, args: unknown[]): Promise<unknown> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const message: StoreCall = {
      id,
      method,
      args: args.map((a) => (a && typeof a === 'object' && typeof (a as { newDeliveryId?: unknown }).newDeliveryId === 'function' ? { ...(a as object), newDeliveryId: DELIVERY_ID_MARKER } : a)),
    };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  const reads = openMainThreadReads(path);
  const proxy = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, name) {
      if (name === 'dialect') return 'sqlite';
      if (name === 'applied') return applied;
      // Optional methods SQLite does not have: absent here too, not proxied to the thread.
      if (name === 'then' || typeof name === 'symbol' || name === 'onWork' || name === 'addToCounters') return undefined;
      if (typeof name === 'string' && name in reads.ops) return reads.ops[name as keyof typeof reads.ops];
      if (name === 'close')
        return async () => {
          reads.db.close();
          await call('close', []);
          await worker.terminate();
        };
      return (target[name] ??= (...args: unknown[]) => call(name, args));
    },
  });
  return proxy as unknown as Store & { applied: string[] };
}

/**
 * The lookups every API request makes (its API key, session or portal link, its tenant's limits)
 * and every publish makes (its application and event type) run on the main thread, on a
 * read-only connection of their own. Each takes 0.01–0.09 ms, but sent to the store thread they
 * queued 4–9 ms (p50) behind the claims and group commits already there, three times per publish. In WAL mode a reader never waits for the
 * writer and sees every transaction committed before it starts, so a write acknowledged by the
 * store thread (a revoked key, a new application) is visible to the next lookup.
 */
function openMainThreadReads(path: string) {
  const db = openReadOnlyDatabase(path);
  const tenants = makeTenantOps(db);
  const resources = makeResourceOps(db);
  const security = makeSecurityOps(db);
  const ops: Pick<Store, 'findApiKey' | 'getApplication' | 'getEventType' | 'getLiveSession' | 'getLivePortalLink' | 'getTenantLimits'> = {
    findApiKey: tenants.findApiKey,
    getApplication: resources.getApplication,
    getEventType: resources.getEventType,
    // Every dashboard and portal request checks its session or link is still live.
    getLiveSession: security.getLiveSession,
    getLivePortalLink: security.getLivePortalLink,
    getTenantLimits: security.getTenantLimits,
  };
  return { db, ops };
}
