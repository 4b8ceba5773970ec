import { createHash } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box.js';
import { newId } from '../ids.js';
import { sealHeaders } from './header-policy.js';
import type { ApplicationRow, PublishInput, PublishOutcome, PublishResult, Scope, Store } from '../store/types.js';
import type { HandoffTicket, WorkSignal } from './work-signal.js';

/** Repeating a request with the same Idempotency-Key within this window replays the first. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Publishes gathered into one transaction at most; a bulk request (≤ 100) is never split. */
export const MAX_PUBLISHES_PER_COMMIT = 256;
/** Group commits in flight at once: one gathers while another commits. */
const COMMITS_IN_FLIGHT = 2;
/** Publishes waiting before a second commit starts beside the one in flight. */
const MIN_BATCH_BESIDE = 16;

export interface PublishRequest {
  app: Pick<ApplicationRow, 'id' | 'message_id_prefix'>;
  event_type: string;
  /** The publisher's own id for the event: a second publish with it replays the first. */
  event_id: string | null;
  /** JSON text, as it will be stored and sent. */
  payload: string;
  record: { id: string; format: string } | null;
  /** Only endpoints with no channels or one of these receive it. */
  channels: string[] | null;
  idempotency_key: string | null;
  /** The publishing request's traceparent (tracing on), stored so attempts link back to it. */
  trace_context?: string | null;
  /** Delivery headers of this message alone (checked by the caller); credentials are sealed here. */
  headers?: Record<string, string> | null;
  /** Its line at ordered endpoints. */
  ordering_key?: string | null;
}

export interface Publish {
  (scope: Scope, request: PublishRequest): Promise<PublishResult>;
  /** Several messages in one transaction (bulk publish): a result or an error per message, in order. */
  many(scope: Scope, requests: readonly PublishRequest[]): Promise<PromiseSettledResult<PublishResult>[]>;
}

interface Pending {
  scope: Scope;
  input: PublishInput;
  ticket: HandoffTicket | null;
  resolve(result: PublishResult): void;
  reject(error: unknown): void;
}

/**
 * The one way a message enters Herald, for the API and operational events alike: it makes the
 * message id and the idempotency hash, reserves room for the hand-off in the local dispatcher
 * and settles it whatever the outcome, and wakes the local dispatcher for what was not handed over.
 *
 * Publishes are group-committed: those that arrive while a commit is in flight are stored
 * together by the next one (`Store.publishBatch`), each with its own outcome. A lone publish on
 * an idle server goes out in the same turn it arrived.
 */
export function makePublisher(deps: { store: Pick<Store, 'publishBatch'>; signal: WorkSignal; box: SecretBox }): Publish {
  const queue: Pending[][] = [];
  let inFlight = 0;
  let scheduled = false;

  const queued = () => queue.reduce((n, unit) => n + unit.length, 0);
  const flush = () => {
    scheduled = false;
    // A second commit starts beside the first only for a batch worth its round trips; a lone
    // publish waits for the commit in flight and goes with the next batch.
    while (queue.length && (inFlight === 0 || (inFlight < COMMITS_IN_FLIGHT && queued() >= MIN_BATCH_BESIDE))) {
      const batch: Pending[] = [];
      while (queue.length && (batch.length === 0 || batch.length + queue[0]!.length <= MAX_PUBLISHES_PER_COMMIT)) batch.push(...queue.shift()!);
      inFlight++;
      void commit(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  };

  const commit = async (batch: Pending[]) => {
    let outcomes: PublishOutcome[];
    try {
      outcomes = await deps.store.publishBatch(batch.map((p) => ({ scope: p.scope, input: { ...p.input, handoff: p.ticket?.request ?? null } })));
    } catch (error) {
      for (const p of batch) {
        p.ticket?.settle(undefined);
        p.reject(error);
      }
      return;
    }
    let wake = false;
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      p.ticket?.settle(outcome.kind === 'created' ? outcome.handedOff : undefined);
      if (outcome.kind === 'created' && outcome.deliveries > (outcome.handedOff?.deliveries.length ?? 0)) wake = true;
      if (outcome.kind === 'failed') p.reject(storeError(outcome.error));
      else p.resolve(outcome);
    });
    if (wake) deps.signal.wake();
  };

  const enqueue = (scope: Scope, requests: readonly PublishRequest[]): Promise<PublishResult>[] => {
    const now = Date.now();
    const unit: Pending[] = [];
    const promises = requests.map(
      (r) =>
        new Promise<PublishResult>((resolve, reject) => {
          unit.push({ scope, input: toInput(r, now, deps.box), ticket: deps.signal.reserve(), resolve, reject });
        }),
    );
    queue.push(unit);
    // Gather what arrives in this turn; an idle publisher commits it at once.
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    return promises;
  };

  const publish = ((scope, request) => enqueue(scope, [request])[0]!) as Publish;
  publish.many = (scope, requests) => Promise.allSettled(enqueue(scope, requests));
  return publish;
}

function toInput(r: PublishRequest, now: number, box: SecretBox): PublishInput {
  const headers = r.headers && Object.keys(r.headers).length ? r.headers : null;
  return {
    id: newId(r.app.message_id_prefix, now),
    app_id: r.app.id,
    event_type: r.event_type,
    event_id: r.event_id,
    payload: r.payload,
    record: r.record,
    channels: r.channels,
    now,
    trace_context: r.trace_context ?? null,
    headers: headers ? sealHeaders(box, headers) : null,
    ordering_key: r.ordering_key ?? null,
    idempotency: r.idempotency_key
      ? {
          key: r.idempotency_key,
          request_hash: createHash('sha256').update(JSON.stringify([r.app.id, r.event_type, r.event_id, r.payload, r.record, ...(r.channels ? [r.channels] : []), ...(headers ? [headers] : []), ...(r.ordering_key ? [{ ordering_key: r.ordering_key }] : [])])).digest('hex'),
          window_ms: IDEMPOTENCY_WINDOW_MS,
        }
      : null,
  };
}

/** The store's error for one publish, as it was thrown (its code tells a store outage, answered 503, from a bug). */
const storeError = (e: { message: string; code?: string }) => Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
