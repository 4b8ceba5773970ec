import type { Logger } from 'pino';
import type { CounterIncrement, Store } from '../store/types.js';

export interface WindowCount {
  /** Hits in the current window so far (every process's, as last heard, plus this one's since). */
  count: number;
  /** When the current window ends, ms. */
  resetAt: number;
}

/**
 * Fixed-window counters (rate limits, failed credentials). With one process (SQLite) they are
 * exact and in memory. With a shared store (PostgreSQL) each process counts locally and every
 * `syncMs` adds its counts to the store's rows and reads back the totals: no query on the request
 * path, and an overshoot bounded by what the other processes count in one sync interval. When
 * the store cannot be reached, each process goes on limiting by its own counts.
 */
export interface WindowCounters {
  hit(key: string, windowMs: number, n?: number): WindowCount;
  peek(key: string, windowMs: number): WindowCount;
  /** Push what this process counted now (tests, shutdown). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  key: string;
  windowStart: number;
  windowMs: number;
  /** Total across processes from the last sync (this process's synced hits included). */
  shared: number;
  /** This process's hits on their way to the store (not in `shared` yet). */
  sending: number;
  /** This process's hits not yet sent to the store. */
  unsynced: number;
}

const countOf = (e: Entry) => e.shared + e.sending + e.unsynced;

export function makeWindowCounters(store: Pick<Store, 'addToCounters'>, logger: Logger, syncMs = 100): WindowCounters {
  // One entry per key, for its current window: a hit in a later window starts it over.
  const entries = new Map<string, Entry>();
  const share = store.addToCounters?.bind(store);
  let syncing: Promise<void> | null = null;
  let failing = false;

  const current = (key: string, windowMs: number, now: number) => {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    let e = entries.get(key);
    if (!e || e.windowStart !== windowStart) {
      e = { key, windowStart, windowMs, shared: 0, sending: 0, unsynced: 0 };
      entries.set(key, e);
    }
    return e;
  };

  const dropEnded = (now: number) => {
    for (const [key, e] of entries) if (e.windowStart + e.windowMs <= now) entries.delete(key);
  };

  async function sync(): Promise<void> {
    const now = Date.now();
    dropEnded(now);
    if (!share || syncing || !entries.size) return syncing ?? undefined;
    const batch = [...entries.values()].map((e) => ({ e, n: e.unsynced }));
    for (const b of batch) {
      b.e.unsynced -= b.n;
      b.e.sending += b.n;
    }
    const increments: CounterIncrement[] = batch.map((b) => ({ key: b.e.key, window_start: b.e.windowStart, n: b.n }));
    syncing = share(increments, now)
      .then((totals) => {
        const byKey = new Map(totals.map((t) => [`${t.key}\u0000${t.window_start}`, t.count]));
        for (const b of batch) {
          b.e.sending -= b.n;
          b.e.shared = byKey.get(`${b.e.key}\u0000${b.e.windowStart}`) ?? b.e.shared + b.n;
        }
        if (failing) logger.info('rate-limit counters are shared again');
        failing = false;
      })
      .catch((err: unknown) => {
        // Keep what was not added: it goes with the next sync (or counts locally meanwhile).
        for (const b of batch) {
          b.e.sending -= b.n;
          b.e.unsynced += b.n;
        }
        if (!failing) logger.warn({ err }, 'could not share rate-limit counters; limiting by this process counts until the store answers');
        failing = true;
      })
      .finally(() => {
        syncing = null;
      });
    return syncing;
  }

  // Shared: sync often. Alone: only forget ended windows now and then.
  const timer = setInterval(() => void sync(), share ? syncMs : 10_000);
  timer.unref();

  return {
    hit(key, windowMs, n = 1) {
      const e = current(key, windowMs, Date.now());
      e.unsynced += n;
      return { count: countOf(e), resetAt: e.windowStart + windowMs };
    },
    peek(key, windowMs) {
      const now = Date.now();
      // Shared: looking is interest, so the next sync fetches what the other processes counted.
      const e = share ? current(key, windowMs, now) : entries.get(key);
      const windowStart = Math.floor(now / windowMs) * windowMs;
      return { count: e && e.windowStart === windowStart ? countOf(e) : 0, resetAt: windowStart + windowMs };
    },
    sync,
    async close() {
      clearInterval(timer);
      await sync();
    },
  };
}
