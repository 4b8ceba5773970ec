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

export function makeRecorder(store: Store, logger: Logger, options: RecordOptions, onEffects: (effects: EndpointEffect[]) => void, maxBatch = 1000): Recorder {
  let buffer: { outcome: AttemptOutcome; done: () => void }[] = [];
  let scheduled = false;
  let writing: Promise<void> | null = null;

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
