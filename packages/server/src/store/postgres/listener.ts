import pg from 'pg';
import type { WorkHooks } from '../types.js';
import { clientConfig, type PgTimeouts } from './db.js';

export interface ListenerOptions {
  timeouts: PgTimeouts;
  /** First and largest wait between reconnection attempts (doubling in between). */
  retryMinMs: number;
  retryMaxMs: number;
  /** While not listening, wake the workers this often: a short poll stands in for the lost notifications. */
  outagePollMs: number;
}

export const DEFAULT_LISTENER: Omit<ListenerOptions, 'timeouts'> = { retryMinMs: 100, retryMaxMs: 5000, outagePollMs: 250 };

/**
 * A LISTEN connection that comes back by itself. A dropped connection (restart, failover, network)
 * is replaced with exponential backoff; until then the workers are woken every `outagePollMs`, and
 * once listening again they are woken once more for whatever was notified while away.
 */
export async function listenForWork(url: string, channel: string, wake: () => void, hooks: WorkHooks, options: ListenerOptions): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = options.retryMinMs;
  let retryTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;

  const setListening = (up: boolean) => {
    hooks.onListening?.(up);
    if (up && pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    } else if (!up && !pollTimer && !closed) {
      pollTimer = setInterval(wake, options.outagePollMs);
      pollTimer.unref();
    }
  };

  async function connect(): Promise<void> {
    const next = new pg.Client(clientConfig(url, options.timeouts));
    // Registered before connecting: an error at any point must not be unhandled.
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', () => {
      hooks.onNotification?.();
      wake();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (err) {
      await next.end().catch(() => undefined);
      throw err;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = options.retryMinMs;
    setListening(true);
    wake();
  }

  function lost(which: pg.Client): void {
    if (which !== client || closed) return;
    client = null;
    void which.end().catch(() => undefined);
    setListening(false);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    const delay = retryMs;
    retryMs = Math.min(retryMs * 2, options.retryMaxMs);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch(() => scheduleReconnect());
    }, delay);
    retryTimer.unref();
  }

  try {
    await connect();
  } catch {
    // Not listening yet: poll meanwhile and keep trying.
    setListening(false);
    scheduleReconnect();
  }

  return async () => {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    if (pollTimer) clearInterval(pollTimer);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}
