import type { Logger } from 'pino';
import type { Store } from '../store/types.js';

/** One job: put deliveries whose worker vanished (lease expired) back in the queue. */
export function makeLeaseReaper(store: Store, logger: Logger, intervalMs: number, onReleased: () => void) {
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    try {
      const released = await store.releaseExpiredLeases(Date.now());
      if (released) {
        logger.warn({ released }, 'released expired delivery leases');
        onReleased();
      }
    } catch (err) {
      logger.error({ err }, 'lease reaper failed');
    }
  };
  return {
    start() {
      timer ??= setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
