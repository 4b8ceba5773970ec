import type { Logger } from 'pino';
import { storeFailureReason } from '../store/failures.js';
import type { AttemptOutcome, EndpointEffect, RecordOptions, Store } from '../store/types.js';

/**
 * Group commit for attempt outcomes: outcomes finishing close together are written in one
 * transaction (attempt rows + next delivery state), which is what lets SQLite keep up with the
 * network. Until written, a delivery stays leased; if the process dies first, the lease expires
 * and the delivery is sent again (at-least-once).
 */
export interface Recorder {
  record(outcome: AttemptOutcome): Promise<void>;
  /** Write whatever is buffered now. */
  flush(): Promise<void>;
}

/**
 * A write that fails for want of the store (an outage, a full disk) is retried with backoff for
 * up to `retryForMs`: the attempts already happened, and while their leases are renewed nothing
 * sends them again. Other failures get three tries.
 */
export function makeRecorder(store: Store, logger: Logger, options: RecordOptions, onEffects: (effects: EndpointEffect[]) => void, maxBatch = 1000, retryForMs = 120_000): Recorder {
  let buffer: { outcome: AttemptOutcome; done: () => void }[] = [];
  let scheduled = false;
  let writing: Promise<void> | null = null;

  async function write(batch: typeof buffer): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const effects = await store.recordOutcomes(batch.map((b) => b.outcome), Date.now(), options);
        if (effects.length) onEffects(effects);
        break;
      } catch (err) {
        const outage = storeFailureReason(err) !== null;
        if (outage ? Date.now() - started >= retryForMs : attempt >= 3) {
          logger.error({ err, count: batch.length }, 'could not record attempt outcomes; their leases will expire and they will be resent');
          break;
        }
        if (outage && attempt === 1) logger.warn({ err, count: batch.length }, 'store unavailable; holding attempt outcomes until it is back');
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** (attempt - 1), 2000)));
      }
    }
    for (const b of batch) b.done();
  }

  /**
   * One write at a time: outcomes that finish while a batch is being committed wait and go
   * together in the next one. Batches grow with load instead of one commit per outcome.
   */
  function pump(): Promise<void> {
    scheduled = false;
    if (writing) return writing;
    if (!buffer.length) return Promise.resolve();
    const batch = buffer.splice(0, maxBatch);
    writing = write(batch).then(() => {
      writing = null;
      if (buffer.length) void pump();
    });
    return writing;
  }

  async function flush(): Promise<void> {
    while (writing || buffer.length) await pump();
  }

  return {
    record(outcome) {
      return new Promise<void>((done) => {
        buffer.push({ outcome, done });
        if (!scheduled && !writing) {
          scheduled = true;
          setImmediate(() => void pump());
        }
      });
    },
    flush,
  };
}
