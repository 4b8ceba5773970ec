import type { Logger } from 'pino';
import type { DeliveryConfig } from '../config.js';
import { DEFAULT_RETRY_SCHEDULE } from '../config.js';
import { openKeys, type SigningKey } from '../crypto/endpoint-keys.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { newId } from '../ids.js';
import type { Metrics } from '../metrics.js';
import type { ClaimedDelivery, EndpointRuntime, Store } from '../store/types.js';
import type { HandoffTicket, WorkSignal } from './work-signal.js';
import type { DeliverOnce } from './transports.js';
import type { EmitOperationalEvent } from './operational-events.js';
import { withRecordPointer, type DownloadLinks } from '../records/downloads.js';
import { makeBackPressure } from './back-pressure.js';
import { Deadline, settleBy } from './deadline.js';
import { makeRecorder } from './recorder.js';
import { logAttempt, type LoggedAttempt } from './attempt-log.js';
import { decideNext, parseRetryAfter } from './retry.js';
import type { TransportResult } from './transports.js';
import type { ClaimWindow, Tracing } from '../tracing.js';

export interface DispatcherDeps {
  store: Store;
  deliverOnce: DeliverOnce;
  box: SecretBox;
  emit: EmitOperationalEvent;
  downloads: DownloadLinks;
  metrics: Metrics;
  logger: Logger;
  tracing: Tracing;
  config: DeliveryConfig;
  /** Identifies this process's leases. */
  owner: string;
  /** The dispatcher attaches itself: publishes and replays in this process wake it and hand over to it. */
  signal: WorkSignal;
}

export interface Dispatcher {
  start(): void;
  /** Stop claiming, give open requests up to `graceMs` to finish and be recorded. */
  stop(graceMs?: number): Promise<void>;
  /** Something became due (a publish, a replay): look for work now rather than at the next tick. */
  wake(): void;
  /**
   * Room for a publish in this process to hand its deliveries straight over (see
   * store/protocol/handoff.ts), reserved until `settle`; null when stopped or full.
   */
  handoff(): HandoffTicket | null;
  inFlight(): number;
}

export type { HandoffTicket };

/**
 * Room one publish reserves for its hand-off, so publishes running at once share the process's
 * concurrency cap rather than the first few taking all of it. Most events reach a few endpoints;
 * the rest of a wider fan-out is claimed as usual (and the claim loop is woken for it).
 */
export const HANDOFF_MAX = 16;

/** The shortest wait before claiming again after finding another process's claim running. */
const CONTENDED_RETRY_MIN_MS = 5;

/** A timer whose `end` (handed to `holdEnd`, and taken back with null once over) cuts it short. */
function endableDelay(ms: number, holdEnd: (end: (() => void) | null) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => end(), ms);
    const end = () => {
      clearTimeout(timer);
      holdEnd(null);
      resolve();
    };
    holdEnd(end);
  });
}

/**
 * The claim loop: claim due deliveries fairly across endpoints (see allocateFairly), send each
 * without waiting for the others, record outcomes through the group-commit recorder.
 *   claim → build request (envelope, scheme) → send → decide next state → record
 */
export function makeDispatcher(deps: DispatcherDeps): Dispatcher {
  const { store, deliverOnce, box, emit, downloads, metrics, logger, tracing, config, owner } = deps;
  const recorder = makeRecorder(store, logger, { autoDisableAfterMs: config.autoDisableAfterMs }, (effects) => {
    for (const e of effects) {
      const scope = { tenant_id: e.tenant_id, environment: e.environment };
      const payload = { app_id: e.app_id, endpoint_id: e.endpoint_id, ...(e.kind === 'disabled' ? { reason: e.reason, failing_since: e.failing_since && new Date(e.failing_since).toISOString() } : {}) };
      if (e.kind === 'disabled') {
        metrics.endpointsDisabled.inc({ reason: e.reason ?? 'unknown' });
        logger.warn({ endpoint_id: e.endpoint_id, reason: e.reason }, 'endpoint disabled');
      }
      void emit(scope, e.app_id, e.kind === 'disabled' ? 'endpoint.disabled' : 'endpoint.recovered', payload);
    }
  });
  const keyCache = new Map<string, SigningKey>();
  const throttleFor = makeBackPressure(config);
  /** Deliveries sent or being recorded by this process: their leases are kept alive (see heartbeat). */
  const open = new Set<string>();
  let heartbeat: NodeJS.Timeout | null = null;
  let inFlight = 0;
  /** Room held for publishes that may hand deliveries over (counted like deliveries in flight). */
  let reserved = 0;
  let waitingForRoom = false;
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | null = null;
  let wokenWhileBusy = false;
  /** Ends the wait between claims early; only `stop` calls it. */
  let endIntervalWait: (() => void) | null = null;
  let drained: (() => void) | null = null;

  function wake(): void {
    if (wakeUp) wakeUp();
    else wokenWhileBusy = true;
  }

  function sleep(ms: number): Promise<void> {
    if (wokenWhileBusy) {
      wokenWhileBusy = false;
      return Promise.resolve();
    }
    return endableDelay(ms, (end) => (wakeUp = end));
  }

  /** Decrypting and importing keys per delivery would dominate the hot path; sealed text is the cache key. */
  function keysFor(sealed: string): SigningKey {
    let keys = keyCache.get(sealed);
    if (keys === undefined) {
      keys = openKeys(box, sealed);
      if (keyCache.size > 10_000) keyCache.clear();
      keyCache.set(sealed, keys);
    }
    return keys;
  }

  async function deliver(d: ClaimedDelivery, ep: EndpointRuntime, claim: ClaimWindow): Promise<void> {
    const trace = tracing.startAttempt(d, claim);
    const startedAt = Date.now();
    // A record travels as a pointer with a link minted for this attempt (it expires).
    const payload = d.record
      ? withRecordPointer(d.payload, { format: d.record.format, content_hash: d.record.content_hash, download_url: downloads.url(d.record.id, d.record.content_hash, startedAt) })
      : d.payload;
    const event = { id: d.event_id ?? d.message_id, type: d.event_type, payload, createdAt: d.message_created_at, headers: d.headers };
    // One overall deadline per attempt, whatever the transport; shorter than the lease (timeout +
    // grace), and the lease is renewed while the outcome waits to be written.
    const deadline = new Deadline(ep.timeout_ms);
    let request: TransportResult['request'];
    let result: TransportResult['result'];
    try {
      ({ request, result } = await settleBy(deliverOnce(event, ep, ep.sealed_secrets.map(keysFor), startedAt, deadline, trace), deadline, config.abandonGraceMs, () => ({
        request: { url: ep.url, headers: {}, body: '' },
        result: { ok: false, status: null, headers: null, bodyExcerpt: null, durationMs: Date.now() - startedAt, errorClass: 'timeout', errorMessage: `No complete response within ${ep.timeout_ms} ms` },
      })));
    } finally {
      deadline.clear();
    }
    const now = Date.now();
    const retryAfterSeconds = parseRetryAfter(result.headers?.['retry-after'], now);
    const decided = decideNext({
      scheduleIndex: d.schedule_index,
      schedule: ep.retry_schedule ?? config.retrySchedule ?? DEFAULT_RETRY_SCHEDULE,
      ok: result.ok,
      status: result.status,
      retryAfterSeconds,
      now,
      jitter: config.jitter,
      maxRetryAfterSeconds: config.maxRetryAfterSeconds,
      permanent: result.permanent,
    });
    const next = result.cancelled ? { ...decided, status: 'discarded' as const, next_attempt_at: null } : decided;
    const throttle = throttleFor(d.endpoint_id, result, retryAfterSeconds, now);
    if (throttle) {
      metrics.endpointThrottles.inc({ reason: throttle.reason });
      logger.info({ endpoint_id: d.endpoint_id, reason: throttle.reason, until: new Date(throttle.until).toISOString() }, 'endpoint paused by back-pressure');
    }
    const outcome = result.ok ? 'succeeded' : result.cancelled ? 'cancelled' : next.status === 'pending' ? 'retrying' : 'exhausted';
    metrics.attempted(d.app_id, outcome, result.durationMs / 1000);
    const attemptNumber = d.attempt_count + 1;
    const attemptId = newId('atmpt', startedAt);
    const logged: LoggedAttempt = { id: attemptId, number: attemptNumber, outcome, response_status: result.status, error_class: result.errorClass, duration_ms: result.durationMs, next_attempt_at: next.next_attempt_at };
    logAttempt(logger, d, logged);
    await trace.record(() => recorder.record({
      delivery: { id: d.id, tenant_id: d.tenant_id, environment: d.environment, app_id: d.app_id, message_id: d.message_id, endpoint_id: d.endpoint_id, event_type: d.event_type },
      owner,
      next,
      disable_endpoint: next.disable_endpoint,
      throttle,
      attempt: {
        id: attemptId,
        status: result.ok ? 'succeeded' : 'failed',
        url: request.url,
        request_headers: request.headers,
        response_status: result.status,
        response_headers: result.headers,
        response_body: result.bodyExcerpt,
        error_class: result.errorClass,
        error_message: result.errorMessage,
        duration_ms: result.durationMs,
        created_at: startedAt,
      },
    }));
    trace.end(logged);
    if (!result.ok && !result.cancelled && (next.status === 'failed' || attemptNumber === config.failingAttemptNumber)) {
      void emit({ tenant_id: d.tenant_id, environment: d.environment }, d.app_id, next.status === 'failed' ? 'message.attempt.exhausted' : 'message.attempt.failing', {
        app_id: d.app_id,
        endpoint_id: d.endpoint_id,
        message_id: d.message_id,
        delivery_id: d.id,
        event_type: d.event_type,
        attempt_number: attemptNumber,
        last_attempt: { response_status: result.status, error_class: result.errorClass, error_message: result.errorMessage, created_at: new Date(startedAt).toISOString() },
      });
    }
  }

  function launch(d: ClaimedDelivery, ep: EndpointRuntime, claim: ClaimWindow): void {
    inFlight++;
    metrics.trackInFlight(d.endpoint_id, 1);
    open.add(d.id);
    deliver(d, ep, claim)
      .catch((err) => logger.error({ err, delivery_id: d.id }, 'delivery crashed; its lease will expire and it will be resent'))
      .finally(() => {
        open.delete(d.id);
        inFlight--;
        metrics.trackInFlight(d.endpoint_id, -1);
        if (inFlight === 0 && drained) drained();
        wake();
      });
  }

  /**
   * Leases are renewed while their attempts run and their outcomes wait to be written (a slow
   * group commit, a database outage): the reaper of this or another process takes back only the
   * deliveries of a process that stopped renewing them, i.e. that died.
   */
  async function renewLeases(): Promise<void> {
    if (!open.size) return;
    try {
      await store.extendLeases(owner, [...open], Date.now() + config.leaseGraceMs);
    } catch (err) {
      logger.warn({ err, open: open.size }, 'could not renew delivery leases; retrying');
    }
  }

  async function idleDelay(): Promise<number> {
    const due = await store.nextDueAt();
    const now = Date.now();
    return due !== null && due > now ? Math.min(due - now, config.pollIntervalMs) : config.pollIntervalMs;
  }

  async function loop(): Promise<void> {
    let lastClaimAt = 0;
    let lastClaimFull = false;
    // An outage fails every claim until it ends: said once, and once more when claims work again.
    let claimsFailing = false;
    while (running) {
      try {
        const capacity = config.maxConcurrency - inFlight - reserved;
        if (capacity <= 0) {
          waitingForRoom = true;
          await sleep(config.pollIntervalMs);
          waitingForRoom = false;
          continue;
        }
        // A claim that came back full means more is waiting: go again at once. Otherwise let a
        // few milliseconds of work gather (a plain timer: wake-ups do not cut it short).
        const wait = lastClaimFull ? 0 : lastClaimAt + config.claimIntervalMs - Date.now();
        if (wait > 0) {
          await endableDelay(wait, (end) => (endIntervalWait = end));
          if (!running) break;
        }
        lastClaimAt = Date.now();
        const limit = Math.min(capacity, config.claimBatch);
        const { deliveries, endpoints, contended } = await store.claimDue({ now: lastClaimAt, owner, limit, leaseGraceMs: config.leaseGraceMs });
        if (claimsFailing) {
          claimsFailing = false;
          logger.info('claims work again');
        }
        lastClaimFull = deliveries.length >= limit;
        const claim: ClaimWindow = { startedAt: lastClaimAt, endedAt: Date.now(), via: 'claim' };
        for (const d of deliveries) launch(d, endpoints.get(d.endpoint_id)!, claim);
        // Another process was claiming: its claim is short, try again after the claim interval.
        if (contended) await sleep(Math.max(CONTENDED_RETRY_MIN_MS, config.claimIntervalMs));
        else if (!deliveries.length) await sleep(await idleDelay());
      } catch (err) {
        if (!claimsFailing) logger.error({ err }, 'claim loop failed; retrying every second');
        claimsFailing = true;
        await sleep(1000);
      }
    }
  }

  const dispatcher: Dispatcher = {
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
      heartbeat ??= setInterval(() => void renewLeases(), Math.max(100, Math.floor(config.leaseGraceMs / 3)));
      heartbeat.unref();
    },
    async stop(graceMs = 5000) {
      running = false;
      wake();
      endIntervalWait?.();
      await loopDone;
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((r) => (drained = r)), new Promise((r) => setTimeout(r, graceMs))]);
      }
      await recorder.flush();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
    wake,
    handoff() {
      const limit = Math.min(HANDOFF_MAX, config.maxConcurrency - inFlight - reserved);
      if (!running || !config.publishHandoff || limit <= 0) return null;
      reserved += limit;
      let settled = false;
      return {
        request: { owner, limit, leaseGraceMs: config.leaseGraceMs },
        settle(handedOff) {
          if (settled) return;
          settled = true;
          reserved -= limit;
          // Stopped meanwhile: the leases lapse (or are released at the next start) and are claimed then.
          if (running && handedOff) {
            const at = Date.now();
            for (const d of handedOff.deliveries) launch(d, handedOff.endpoints.get(d.endpoint_id)!, { startedAt: at, endedAt: at, via: 'handoff' });
          }
          if (waitingForRoom) wake();
        },
      };
    },
    inFlight: () => inFlight,
  };
  deps.signal.serve(dispatcher);
  return dispatcher;
}
