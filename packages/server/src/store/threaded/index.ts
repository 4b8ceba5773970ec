import { Worker } from 'node:worker_threads';
import { makeProtocol } from '../protocol/index.js';
import { openReadOnlyDatabase } from '../sqlite/db.js';
import { sqliteExecutor } from '../sqlite/executor.js';
import type { Store } from '../types.js';
import { MAIN_THREAD_READS, THREAD_METHODS, type StoreCall, type StoreReply, type ThreadMethod } from './protocol.js';

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
  const worker = new Worker(entry, { workerData: { path, role: 'store' } });
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

  function call(method: ThreadMethod, args: unknown[]): Promise<unknown> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const message: StoreCall = { id, method, args };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  // Started once the store thread has migrated the file: it only ever checkpoints an open WAL.
  const checkpointer = new Worker(entry, { workerData: { path, role: 'checkpointer' } });
  checkpointer.unref();
  let checkpointerExited = false;
  // Without it the writer's own checkpoints (every WAL_PAGES_WITH_CHECKPOINTER pages) still bound the WAL.
  checkpointer.on('error', () => undefined);
  checkpointer.once('exit', () => (checkpointerExited = true));
  const reads = openMainThreadReads(path);
  const remote = Object.fromEntries(THREAD_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as unknown as Pick<Store, ThreadMethod>;
  return {
    ...remote,
    ...reads.ops,
    dialect: 'sqlite',
    applied,
    async close() {
      reads.db.close();
      if (!checkpointerExited) {
        checkpointer.postMessage('stop');
        await new Promise((resolve) => checkpointer.once('exit', resolve));
      }
      await call('close', []);
      await worker.terminate();
    },
  };
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
  const protocol = makeProtocol(sqliteExecutor(db));
  const ops = Object.fromEntries(MAIN_THREAD_READS.map((method) => [method, protocol[method]])) as Pick<Store, (typeof MAIN_THREAD_READS)[number]>;
  return { db, ops };
}
