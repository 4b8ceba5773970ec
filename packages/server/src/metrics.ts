import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per Herald instance (no prom-client globals), so tests can run several. */
export interface Metrics {
  registry: Registry;
  deliveries: Counter<'outcome'>;
  attemptDuration: Histogram<'outcome'>;
  published: Counter<'outcome'>;
  /** Open requests: per endpoint with endpoint labels on, else one total. */
  inFlight: Gauge<'endpoint_id'> | Gauge;
  queueDepth: Gauge<'status'>;
  /** 1 while this process holds its LISTEN connection (PostgreSQL), 0 while it reconnects and polls. */
  storeListening: Gauge;
  workNotifications: Counter;
  /** An endpoint paused after asking to slow down (429/503 with Retry-After) or timing out repeatedly. */
  endpointThrottles: Counter<'reason'>;
  /** Where the in-flight gauge reads its values at scrape time (the dispatcher's own counts). */
  readInFlightFrom(source: () => ReadonlyMap<string, number>): void;
}

/**
 * `endpointLabels`: one in-flight series per endpoint id (every tenant's), which grows without
 * bound with the endpoints; off by default, when the gauge is one total.
 */
export function makeMetrics(queueStats: () => Promise<{ pending: number; delivering: number }>, options: { endpointLabels: boolean } = { endpointLabels: false }): Metrics {
  const registry = new Registry();
  let inFlightSource: (() => ReadonlyMap<string, number>) | null = null;
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });
  return {
    registry,
    deliveries: new Counter({
      name: 'herald_delivery_attempts_total',
      help: 'Delivery attempts by outcome: succeeded, retrying (failed, will retry), exhausted (failed, no attempts left)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    attemptDuration: new Histogram({
      name: 'herald_attempt_duration_seconds',
      help: 'Time from sending a delivery attempt to the end of its response',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    published: new Counter({
      name: 'herald_messages_published_total',
      help: 'Publish requests by outcome: created or replayed (idempotent repeat)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    inFlight: options.endpointLabels
      ? new Gauge({
          name: 'herald_endpoint_in_flight',
          help: 'Requests currently open per endpoint in this process',
          labelNames: ['endpoint_id'],
          registers: [registry],
          // Read at scrape time: setting a labelled gauge twice per delivery costs more than the scrape.
          collect() {
            if (!inFlightSource) return;
            for (const [id, n] of inFlightSource()) this.set({ endpoint_id: id }, n);
          },
        })
      : new Gauge({
          name: 'herald_in_flight',
          help: 'Requests currently open in this process (HERALD_METRICS_ENDPOINT_LABELS=true: per endpoint, herald_endpoint_in_flight)',
          registers: [registry],
          collect() {
            if (!inFlightSource) return;
            let total = 0;
            for (const n of inFlightSource().values()) total += n;
            this.set(total);
          },
        }),
    queueDepth: new Gauge({
      name: 'herald_queue_depth',
      help: 'Deliveries waiting (pending) or being sent (delivering), whole store',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        // With the store down the scrape still answers, without this gauge.
        const stats = await queueStats().catch(() => null);
        if (!stats) return;
        this.set({ status: 'pending' }, stats.pending);
        this.set({ status: 'delivering' }, stats.delivering);
      },
    }),
    storeListening: new Gauge({
      name: 'herald_store_listening',
      help: 'PostgreSQL: 1 while the LISTEN connection that wakes workers is up, 0 while it reconnects (workers poll meanwhile)',
      registers: [registry],
    }),
    workNotifications: new Counter({
      name: 'herald_work_notifications_total',
      help: 'PostgreSQL: NOTIFY wake-ups received by this process',
      registers: [registry],
    }),
    endpointThrottles: new Counter({
      name: 'herald_endpoint_throttles_total',
      help: 'Endpoints paused by back-pressure, by reason: rate_limited (429), unavailable (503), timeouts (repeated)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    readInFlightFrom(source) {
      inFlightSource = source;
    },
  };
}
