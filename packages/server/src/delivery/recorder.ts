import type { Logger } from 'pino';
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

export function makeRecorder(store: Store, logger: Logger, options: RecordOptions, onEffects: (effects: EndpointEffect[]) => void, maxBatch = 500): Recorder {
  let buffer: { outcome: AttemptOutcome; done: () => void }[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: typeof buffer): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const effects = await store.recordOutcomes(batch.map((b) => b.outcome), Date.now(), options);
        if (effects.length) onEffects(effects);
        break;
      } catch (err) {
        if (attempt >= 3) {
          logger.error({ err, count: batch.length }, 'could not record attempt outcomes; their leases will expire and they will be resent');
          break;
        }
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
    for (const b of batch) b.done();
  }

  function flush(): Promise<void> {
    scheduled = false;
    if (!buffer.length) return writing;
    const batch = buffer;
    buffer = [];
    // Serialise writes so batches commit in the order they were taken.
    writing = writing.then(() => write(batch));
    return writing;
  }

  return {
    record(outcome) {
      return new Promise<void>((done) => {
        buffer.push({ outcome, done });
        if (buffer.length >= maxBatch) void flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
    flush,
  };
}
