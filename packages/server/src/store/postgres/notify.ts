import type { Query } from './db.js';

/**
 * Wakes the workers (LISTEN herald_work) after a commit that made work due, not inside it.
 * PostgreSQL serialises the commits of every transaction that issued NOTIFY on one cluster-wide
 * lock, held through the commit's WAL flush: with a pg_notify in each publish, publishes queued on
 * that lock (sampling pg_stat_activity at 2,500 deliveries/s with 2 workers, COMMIT was waiting on
 * `Lock:object` in 46 of 102 samples of active queries). Sent after the commit instead, one at a
 * time per process, and those asked for while one is on its way share the next. The notification
 * needs no durability, so its own commit does not wait for the WAL flush. A crash between commit
 * and notification only delays the work until the workers' next poll.
 */
export function makeWorkNotifier(q: Query): () => void {
  let sending = false;
  let again = false;
  async function send(): Promise<void> {
    do {
      again = false;
      await q("SELECT set_config('synchronous_commit', 'off', true), pg_notify('herald_work', '')").catch(() => undefined);
    } while (again);
    sending = false;
  }
  return () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    void send();
  };
}
