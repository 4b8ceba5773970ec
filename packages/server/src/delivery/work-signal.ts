import type { ClaimResult, HandoffRequest } from '../store/types.js';

/** Room a publish holds in the local dispatcher for the deliveries it may hand straight over. */
export interface HandoffTicket {
  request: HandoffRequest;
  /** Send what the publish handed over (nothing if it failed) and give the reserved room back. Once. */
  settle(handedOff: ClaimResult | undefined): void;
}

/** What the local dispatcher offers the rest of the process. */
export interface LocalWorker {
  wake(): void;
  handoff(): HandoffTicket | null;
}

/**
 * The local delivery loop as publishers, replays and the lease reaper see it. It is built first,
 * before the dispatcher (which needs the operational events, which publish), so nothing in the
 * composition root waits for a part built later. Other processes' workers hear of new work from
 * the store itself (PostgreSQL NOTIFY).
 */
export interface WorkSignal {
  /** Deliveries became due: the local dispatcher looks now rather than at its next tick. */
  wake(): void;
  /** Room for a publish's hand-off in the local dispatcher; null when none runs here, or it is full. */
  reserve(): HandoffTicket | null;
  /** The dispatcher of this process attaches itself (once). */
  serve(worker: LocalWorker): void;
}

export function makeWorkSignal(): WorkSignal {
  let worker: LocalWorker | null = null;
  return {
    wake: () => worker?.wake(),
    reserve: () => worker?.handoff() ?? null,
    serve(w) {
      if (worker) throw new Error('a dispatcher already serves this process');
      worker = w;
    },
  };
}
