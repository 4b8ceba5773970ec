import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueStats } from './store/types.js';

/** `cancelled`: the endpoint's transformation chose not to send. */
export type AttemptVerdict = 'succeeded' | 'retrying' | 'exhausted' | 'cancelled';

/** One registry per Herald instance (no prom-client globals), so tests can run several. */
export interface Metrics {
  registry: Registry;
  published: Counter<'outcome'>;
  /** 1 while this process holds its LISTEN connection (PostgreSQL), 0 while it reconnects and polls. */
  storeListening: Gauge;
  workNotifications: Counter;
  /** An endpoint paused after asking to slow down (429/503 with Retry-After) or timing out repeatedly. */
  endpointThrottles: Counter<'reason'>;
  /** Endpoints this process disabled: every attempt failed for the auto-disable window, or the receiver answered 410. */
  endpointsDisabled: Counter<'reason'>;
  /** One delivery attempt ended. */
  attempted(appId: string, outcome: AttemptVerdict, seconds: number): void;
  /** A request to an endpoint opened (+1) or closed (−1) in this process. */
  trackInFlight(endpointId: string, delta: number): void;
  /** One API request answered; `route` is the route's pattern (never the raw URL). */
  requested(method: string, route: string, status: number, seconds: number): void;
  /** One store call ended. */
  storeCall(op: string, seconds: number): void;
}

export interface MetricsOptions {
  /** One in-flight series per endpoint id (every tenant's) instead of one total. */
  endpointLabels: boolean;
  /** Attempts and their latency also per application id (every tenant's). */
  appLabels: boolean;
  /** An endpoint's or application's series is dropped after this long without an attempt (ms): deleted ones go. */
  idleSeriesMs: number;
}

const DEFAULTS: MetricsOptions = { endpointLabels: false, appLabels: false, idleSeriesMs: 10 * 60_000 };
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Per-endpoint and per-application labels grow with every tenant's endpoints and applications:
 * both are opt-in, and a series idle for `idleSeriesMs` is dropped (a deleted endpoint's too).
 */
export function makeMetrics(queueStats: () => Promise<QueueStats>, options: Partial<MetricsOptions> = {}): Metrics {
  const { endpointLabels, appLabels, idleSeriesMs } = { ...DEFAULTS, ...options };
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });
  const registers = [registry];

  // One store read per scrape, shared by the gauges that need it (a scrape collects them concurrently).
  let stats: { at: number; value: Promise<QueueStats | null> } | null = null;
  const queue = () => {
    const now = Date.now();
    if (!stats || now - stats.at > 1000) stats = { at: now, value: queueStats().catch(() => null) };
    return stats.value;
  };

  const attempts = new Counter({
    name: 'herald_delivery_attempts_total',
    help: 'Delivery attempts by outcome: succeeded, retrying (failed, will retry), exhausted (failed, no attempts left)',
    labelNames: ['outcome'],
    registers,
  });
  const attemptDuration = new Histogram({
    name: 'herald_attempt_duration_seconds',
    help: 'Time from sending a delivery attempt to the end of its response',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  // Per application, only when asked: its series, and when each application last had an attempt.
  const perApp = appLabels
    ? {
        lastSeen: new Map<string, number>(),
        attempts: new Counter({
          name: 'herald_app_delivery_attempts_total',
          help: 'Delivery attempts per application and outcome (HERALD_METRICS_APP_LABELS=true)',
          labelNames: ['app_id', 'outcome'],
          registers,
          collect: () => dropIdleApps(),
        }),
        duration: new Histogram({
          name: 'herald_app_attempt_duration_seconds',
          help: 'Delivery attempt latency per application (HERALD_METRICS_APP_LABELS=true)',
          labelNames: ['app_id'],
          buckets: LATENCY_BUCKETS,
          registers,
        }),
      }
    : null;
  function dropIdleApps(): void {
    if (!perApp) return;
    const cutoff = Date.now() - idleSeriesMs;
    for (const [app, seen] of perApp.lastSeen) {
      if (seen >= cutoff) continue;
      perApp.lastSeen.delete(app);
      for (const outcome of ['succeeded', 'retrying', 'exhausted', 'cancelled']) perApp.attempts.remove({ app_id: app, outcome });
      perApp.duration.remove({ app_id: app });
    }
  }

  // endpoint id → requests open and when that last changed.
  const open = new Map<string, { n: number; at: number }>();
  const liveInFlight = () => {
    const cutoff = Date.now() - idleSeriesMs;
    for (const [id, e] of open) if (e.n === 0 && e.at < cutoff) open.delete(id);
    return open;
  };
  if (endpointLabels) {
    new Gauge({
      name: 'herald_endpoint_in_flight',
      help: 'Requests currently open per endpoint in this process',
      labelNames: ['endpoint_id'],
      registers,
      // Read at scrape time: setting a labelled gauge twice per delivery costs more than the scrape.
      collect() {
        this.reset();
        for (const [id, e] of liveInFlight()) this.set({ endpoint_id: id }, e.n);
      },
    });
  } else {
    new Gauge({
      name: 'herald_in_flight',
      help: 'Requests currently open in this process (HERALD_METRICS_ENDPOINT_LABELS=true: per endpoint, herald_endpoint_in_flight)',
      registers,
      collect() {
        let total = 0;
        for (const e of liveInFlight().values()) total += e.n;
        this.set(total);
      },
    });
  }

  new Gauge({
    name: 'herald_queue_depth',
    help: 'Deliveries waiting (pending) or being sent (delivering), whole store',
    labelNames: ['status'],
    registers,
    async collect() {
      // With the store down the scrape still answers, without this gauge.
      const s = await queue();
      if (!s) return;
      this.set({ status: 'pending' }, s.pending);
      this.set({ status: 'delivering' }, s.delivering);
    },
  });
  new Gauge({
    name: 'herald_queue_oldest_due_age_seconds',
    help: 'How long the longest-waiting due delivery has been due (0 when none is), whole store',
    registers,
    async collect() {
      const s = await queue();
      if (!s) return;
      this.set(s.oldest_due_at === null ? 0 : Math.max(0, (Date.now() - s.oldest_due_at) / 1000));
    },
  });

  const requests = new Counter({
    name: 'herald_http_requests_total',
    help: 'API requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const requestDuration = new Histogram({
    name: 'herald_http_request_duration_seconds',
    help: 'API request latency, from arrival to the end of the response, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: FAST_BUCKETS,
    registers,
  });
  const storeCalls = new Histogram({
    name: 'herald_store_call_duration_seconds',
    help: 'Store operations by name (claimDue: a claim, recordOutcomes: a batch of attempt outcomes, publishBatch: a group commit, …)',
    labelNames: ['op'],
    buckets: FAST_BUCKETS,
    registers,
  });

  return {
    registry,
    published: new Counter({
      name: 'herald_messages_published_total',
      help: 'Publish requests by outcome: created or replayed (idempotent repeat)',
      labelNames: ['outcome'],
      registers,
    }),
    storeListening: new Gauge({
      name: 'herald_store_listening',
      help: 'PostgreSQL: 1 while the LISTEN connection that wakes workers is up, 0 while it reconnects (workers poll meanwhile)',
      registers,
    }),
    workNotifications: new Counter({
      name: 'herald_work_notifications_total',
      help: 'PostgreSQL: NOTIFY wake-ups received by this process',
      registers,
    }),
    endpointThrottles: new Counter({
      name: 'herald_endpoint_throttles_total',
      help: 'Endpoints paused by back-pressure, by reason: rate_limited (429), unavailable (503), timeouts (repeated)',
      labelNames: ['reason'],
      registers,
    }),
    endpointsDisabled: new Counter({
      name: 'herald_endpoints_disabled_total',
      help: 'Endpoints disabled by this process, by reason: failing (for the whole auto-disable window), gone (410), revoked (the receiver asked)',
      labelNames: ['reason'],
      registers,
    }),
    attempted(appId, outcome, seconds) {
      attempts.inc({ outcome });
      attemptDuration.observe({ outcome: outcome === 'succeeded' ? 'succeeded' : 'failed' }, seconds);
      if (perApp) {
        perApp.lastSeen.set(appId, Date.now());
        perApp.attempts.inc({ app_id: appId, outcome });
        perApp.duration.observe({ app_id: appId }, seconds);
      }
    },
    trackInFlight(endpointId, delta) {
      const e = open.get(endpointId);
      if (e) {
        e.n += delta;
        e.at = Date.now();
      } else open.set(endpointId, { n: delta, at: Date.now() });
    },
    requested(method, route, status, seconds) {
      requests.inc({ method, route, status });
      requestDuration.observe({ method, route }, seconds);
    },
    storeCall(op, seconds) {
      storeCalls.observe({ op }, seconds);
    },
  };
}
