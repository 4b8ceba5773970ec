import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { buildApi } from './api/app.js';
import type { Api } from './api/context.js';
import { loadAdminToken, loadMasterKey } from './bootstrap.js';
import type { HeraldConfig } from './config.js';
import { makeSecretBox } from './crypto/secret-box.js';
import { makeDispatcher, type Dispatcher } from './delivery/dispatcher.js';
import { makeLeaseReaper } from './delivery/lease-reaper.js';
import { lookupVia } from './delivery/dns.js';
import { makeEncrypterFor } from './delivery/encryption.js';
import { makeNetworkPolicy } from './delivery/network-policy.js';
import { makeOperationalEvents } from './delivery/operational-events.js';
import { makePublisher } from './delivery/publisher.js';
import { makeWorkSignal } from './delivery/work-signal.js';
import { makeRetentionJob } from './delivery/retention.js';
import { makeEndpointClient } from './delivery/endpoint-auth.js';
import { makeSender } from './delivery/sender.js';
import { makeTransports } from './delivery/transports.js';
import { makeMailer } from './channels/email.js';
import { makeVerifier } from './delivery/verification.js';
import { newId } from './ids.js';
import { makeLogger } from './logger.js';
import { makeMetrics, type Metrics } from './metrics.js';
import { makeWindowCounters } from './limits/counters.js';
import { makeTenantLimits } from './limits/tenant-limits.js';
import { serveMetrics } from './metrics-server.js';
import { makeDownloadLinks } from './records/downloads.js';
import { deleteRecord } from './records/files.js';
import { makeRecordSigner } from './records/signer.js';
import { openPostgresStore } from './store/postgres/index.js';
import { openThreadedSqliteStore } from './store/threaded/index.js';
import { makeSchemaSandbox } from './tenant-schemas/sandbox.js';
import { makeTransformationSandbox } from './transformations/sandbox.js';
import { withDeadline } from './store/failures.js';
import { timedStore } from './store/timed.js';
import { makeTracing, type Tracing } from './tracing.js';
import type { Store } from './store/types.js';

export interface Herald {
  config: HeraldConfig;
  api: Api;
  store: Store;
  dispatcher: Dispatcher | null;
  metrics: Metrics;
  logger: Logger;
  tracing: Tracing;
  adminToken: string;
  /** True when this start generated the admin token (print it once). */
  adminTokenCreated: boolean;
  /** Listen on config.host:config.port (0 = any free port); resolves to the base URL. */
  listen(): Promise<string>;
  /** Base URL of the separate metrics listener (HERALD_METRICS_ADDR) once listening, else null. */
  metricsUrl(): string | null;
  close(): Promise<void>;
}

/** How long requests in flight may take to finish once shutdown starts. */
const SHUTDOWN_GRACE_MS = 5000;

export interface HeraldOptions {
  logger?: Logger;
}

/** The composition root: the only place that builds long-lived parts and wires them together. */
export async function createHerald(config: HeraldConfig, options: HeraldOptions = {}): Promise<Herald> {
  const logger = options.logger ?? makeLogger(config.logLevel);
  const tracing = await makeTracing(config.tracing);
  const masterKey = loadMasterKey(config.dataDir, config.masterKey);
  const box = makeSecretBox(masterKey);
  const { token: adminToken, created: adminTokenCreated } = loadAdminToken(config.dataDir, config.adminToken);
  const { store: storeTimeouts } = config;
  const untimed: Store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl, {
        timeouts: storeTimeouts,
        listener: { retryMinMs: storeTimeouts.listenRetryMinMs, retryMaxMs: storeTimeouts.listenRetryMaxMs, outagePollMs: storeTimeouts.outagePollMs },
      })
    : await openThreadedSqliteStore(config.sqlitePath);
  const { metricsEndpointLabels: endpointLabels, metricsAppLabels: appLabels, metricsIdleSeriesMs: idleSeriesMs } = config.security;
  // Scrapes read the queue through requestStore (below), which is built on the timed store.
  const metrics = makeMetrics(() => requestStore.queueStats(), { endpointLabels, appLabels, idleSeriesMs });
  const store = timedStore(untimed, metrics);
  // What request handlers (and scrapes) see: every call answers or fails within the deadline.
  const requestStore = withDeadline(store, storeTimeouts.requestDeadlineMs);
  const counters = makeWindowCounters(store, logger);
  const limits = makeTenantLimits(requestStore, config.limits);
  const schemas = makeSchemaSandbox(config.schemas);
  const transformations = makeTransformationSandbox(config.transformations);

  const policy = makeNetworkPolicy(config.allowNetworks);
  const downloads = makeDownloadLinks(masterKey, config.records.urlTtlMs, () => config.security.recordsUrl ?? publicUrl());
  const recordSigner = makeRecordSigner(requestStore, box);
  // Known once listening when no HERALD_PUBLIC_URL is set (port 0 picks one).
  let listeningUrl = `http://${config.host}:${config.port}`;
  const publicUrl = () => config.publicUrl ?? listeningUrl;
  const encrypterFor = makeEncrypterFor(box);
  const lookup = config.dnsServers ? lookupVia(config.dnsServers) : undefined;
  // Every role sends: workers deliver, API processes run challenges, examples and test sends.
  const sender = makeSender({ maxResponseBytes: config.delivery.maxResponseBytes, policy, ...(lookup ? { lookup } : {}) });
  const deliverOnce = makeTransports({
    sender,
    client: makeEndpointClient({ sender, box }),
    sendEmail: makeMailer({ box, policy, ...(lookup ? { lookup } : {}) }),
    encrypterFor,
    userAgent: config.delivery.userAgent,
    box,
    transformations,
    policy,
  });
  // Built first: publishers, replays and the lease reaper wake the local dispatcher through it.
  const signal = makeWorkSignal();
  const emit = makeOperationalEvents({ store, publish: makePublisher({ store, signal, box }), logger });
  const dispatcher: Dispatcher | null =
    config.role === 'api'
      ? null
      : makeDispatcher({ store, deliverOnce, box, emit, downloads, metrics, logger, tracing, signal, config: config.delivery, owner: `${hostname()}:${process.pid}:${newId('key').slice(4, 14)}` });
  const reaper = makeLeaseReaper(store, logger, Math.min(5000, config.delivery.leaseGraceMs), signal.wake);
  const retention = makeRetentionJob(store, logger, config.retention, (id) => deleteRecord(config.dataDir, id));

  const api = await buildApi({
    store: requestStore,
    config,
    box,
    metrics,
    logger,
    adminToken,
    schemas,
    transformations,
    limits,
    counters,
    wakeDelivery: signal.wake,
    publish: makePublisher({ store: requestStore, signal, box }),
    sender,
    policy,
    verifyEndpoint: makeVerifier({ store: requestStore, deliverOnce, box, logger }),
    encrypterFor,
    deliverOnce,
    emit,
    recordSigner,
    downloads,
    publicUrl,
    tracing,
  });

  let unsubscribe: (() => Promise<void>) | undefined;
  let metricsServer: { url: string; close(): Promise<void> } | null = null;
  return {
    config,
    api,
    store,
    dispatcher,
    metrics,
    logger,
    tracing,
    adminToken,
    adminTokenCreated,
    metricsUrl: () => metricsServer?.url ?? null,
    async listen() {
      if (dispatcher) {
        const worker = dispatcher;
        if (store.onWork) {
          unsubscribe = await store.onWork(() => worker.wake(), {
            onListening: (up) => {
              metrics.storeListening.set(up ? 1 : 0);
              if (!up) logger.warn('lost the LISTEN connection; polling every %d ms while reconnecting', storeTimeouts.outagePollMs);
              else logger.info('listening for work');
            },
            onNotification: () => metrics.workNotifications.inc(),
          });
        }
        // SQLite is owned by this one process: any lease still held was held by a previous run
        // that died (kill -9, power loss), so those deliveries go back to the queue at once.
        // (The PostgreSQL store returns 0 here: there, only expired leases are taken back.)
        const released = await store.releaseAllLeases(Date.now());
        if (released) logger.warn({ released }, 'requeued deliveries left in flight by a previous run');
        dispatcher.start();
        reaper.start();
        retention.start();
      }
      listeningUrl = await api.listen({ host: config.host, port: config.port });
      if (config.security.metricsAddr) metricsServer = await serveMetrics(config.security.metricsAddr, metrics, logger);
      return listeningUrl;
    },
    async close() {
      await unsubscribe?.();
      reaper.stop();
      await retention.stop();
      // Requests in flight get a grace period; then connections still open (a client that never
      // read its response, a stalled upload) are cut, rather than holding shutdown for the
      // keep-alive timeout (72 s).
      const cut = setTimeout(() => api.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await api.close();
      clearTimeout(cut);
      await metricsServer?.close();
      await dispatcher?.stop();
      await schemas.close();
      await transformations.close();
      await counters.close();
      await sender.close();
      await store.close();
      await tracing.shutdown();
    },
  };
}
