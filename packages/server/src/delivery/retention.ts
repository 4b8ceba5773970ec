import type { Logger } from 'pino';
import type { RetentionConfig } from '../config.js';
import type { Store } from '../store/types.js';

const MAX_BATCHES_PER_RUN = 20;

/** One job: purge what is older than the retention period, in bounded batches, then sleep. */
export function makeRetentionJob(store: Store, logger: Logger, config: RetentionConfig, deleteRecordBytes: (id: string) => Promise<void>) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function runOnce(): Promise<number> {
    let total = 0;
    const now = Date.now();
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const purged = await store.purgeExpired(now - config.maxAgeMs, now, config.batch);
      total += purged;
      if (purged < config.batch) break;
      // Let deliveries and API requests in between batches.
      await new Promise((r) => setImmediate(r));
    }
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const records = await store.purgeRecords(now - config.maxAgeMs, now, config.batch);
      for (const id of records) await deleteRecordBytes(id);
      total += records.length;
      if (records.length < config.batch) break;
    }
    if (total) logger.info({ purged: total }, 'retention purged old messages and records');
    return total;
  }

  return {
    start() {
      timer ??= setInterval(() => {
        running ??= runOnce()
          .catch((err) => {
            logger.error({ err }, 'retention run failed');
            return 0;
          })
          .finally(() => (running = null));
      }, config.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runOnce,
  };
}
