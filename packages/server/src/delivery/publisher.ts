import { createHash } from 'node:crypto';
import { newId } from '../ids.js';
import type { ApplicationRow, PublishInput, PublishResult, Scope, Store } from '../store/types.js';
import type { WorkSignal } from './work-signal.js';

/** Repeating a request with the same Idempotency-Key within this window replays the first. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface PublishRequest {
  app: Pick<ApplicationRow, 'id' | 'message_id_prefix'>;
  event_type: string;
  /** The publisher's own id for the event: a second publish with it replays the first. */
  event_id: string | null;
  /** JSON text, as it will be stored and sent. */
  payload: string;
  record: { id: string; format: string } | null;
  idempotency_key: string | null;
}

export type Publish = (scope: Scope, request: PublishRequest) => Promise<PublishResult>;

/**
 * The one way a message enters Herald, for the API and operational events alike: it makes the
 * message id and the idempotency hash, reserves room for the hand-off in the local dispatcher
 * and settles it whatever the outcome, and wakes the local dispatcher for what was not handed over.
 */
export function makePublisher(deps: { store: Pick<Store, 'publish'>; signal: WorkSignal }): Publish {
  return async (scope, r) => {
    const now = Date.now();
    const input: PublishInput = {
      id: newId(r.app.message_id_prefix, now),
      app_id: r.app.id,
      event_type: r.event_type,
      event_id: r.event_id,
      payload: r.payload,
      record: r.record,
      now,
      idempotency: r.idempotency_key
        ? {
            key: r.idempotency_key,
            request_hash: createHash('sha256').update(JSON.stringify([r.app.id, r.event_type, r.event_id, r.payload, r.record])).digest('hex'),
            window_ms: IDEMPOTENCY_WINDOW_MS,
          }
        : null,
    };
    const ticket = deps.signal.reserve();
    let result: PublishResult;
    try {
      result = await deps.store.publish(scope, { ...input, handoff: ticket?.request ?? null });
    } catch (error) {
      ticket?.settle(undefined);
      throw error;
    }
    ticket?.settle(result.kind === 'created' ? result.handedOff : undefined);
    if (result.kind === 'created' && result.deliveries > (result.handedOff?.deliveries.length ?? 0)) deps.signal.wake();
    return result;
  };
}
