import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { HeraldConfig } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { EncrypterFor } from '../delivery/encryption.js';
import type { Publish } from '../delivery/publisher.js';
import type { DeliverOnce } from '../delivery/transports.js';
import type { NetworkPolicy } from '../delivery/network-policy.js';
import type { EmitOperationalEvent } from '../delivery/operational-events.js';
import type { Sender } from '../delivery/sender.js';
import type { VerifyEndpoint } from '../delivery/verification.js';
import type { DownloadLinks } from '../records/downloads.js';
import type { RecordSigner } from '../records/signer.js';
import { HttpProblem, notFound } from '../errors.js';
import type { Metrics } from '../metrics.js';
import type { ApplicationRow, EndpointRow, EventTypeRow, MessageRow, Scope, Store } from '../store/types.js';
import type { SchemaSandbox } from '../tenant-schemas/sandbox.js';
import type { TransformationSandbox } from '../transformations/sandbox.js';
import type { TenantLimitsSource } from '../limits/tenant-limits.js';
import type { Tracing } from '../tracing.js';
import type { WindowCounters } from '../limits/counters.js';

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What route modules need, handed down from the composition root. */
export interface ApiContext {
  store: Store;
  config: HeraldConfig;
  box: SecretBox;
  metrics: Metrics;
  /** Runs tenants' event-type JSON Schemas off this thread, with a time budget. */
  schemas: SchemaSandbox;
  transformations: TransformationSandbox;
  /** The limits and quotas in force for a tenant. */
  limits: TenantLimitsSource;
  /** Rate-limit and failed-credential windows (shared across processes on PostgreSQL). */
  counters: WindowCounters;
  /** Tell the delivery loop that work became due (a replay, an endpoint enabled). */
  wakeDelivery: () => void;
  /** Publish a message: the one publish path (delivery/publisher.ts). */
  publish: Publish;
  /** For one-off sends: challenges, examples, test sends. */
  sender: Sender;
  policy: NetworkPolicy;
  verifyEndpoint: VerifyEndpoint;
  encrypterFor: EncrypterFor;
  /** One attempt over an endpoint's kind (webhook, email, Slack), for examples. */
  deliverOnce: DeliverOnce;
  /** Publish an operational event to the environment's operational application. */
  emit: EmitOperationalEvent;
  recordSigner: RecordSigner;
  downloads: DownloadLinks;
  /** Where receivers reach this server (for download links). */
  publicUrl: () => string;
  logger: Logger;
  tracing: Tracing;
}

export async function loadApp(store: Store, scope: Scope, idOrUid: string): Promise<ApplicationRow> {
  const app = await store.getApplication(scope, idOrUid);
  if (!app) throw notFound('Application', idOrUid);
  return app;
}

export async function loadMessage(store: Store, scope: Scope, appId: string, id: string): Promise<MessageRow & { payload: string }> {
  const message = await store.getMessage(scope, appId, id);
  if (!message) throw notFound('Message', id);
  if (message.payload === null) {
    throw new HttpProblem(410, 'Gone', `Message "${id}" was purged on ${new Date(message.purged_at!).toISOString()} after the retention period; its payload, deliveries and attempts are no longer kept`);
  }
  return message as MessageRow & { payload: string };
}

export async function loadEndpoint(store: Store, scope: Scope, appId: string, id: string): Promise<EndpointRow> {
  const endpoint = await store.getEndpoint(scope, appId, id);
  if (!endpoint) throw notFound('Endpoint', id);
  return endpoint;
}

export async function loadEventType(store: Store, scope: Scope, name: string): Promise<EventTypeRow> {
  const eventType = await store.getEventType(scope, name);
  if (!eventType) throw notFound('Event type', name);
  return eventType;
}

export const toMs = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
