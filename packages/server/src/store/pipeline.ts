import type { Environment } from '../crypto/tokens.js';
import type { StoredAuth, StoredTls } from '../delivery/endpoint-auth.js';
import type { StoredHeaders } from '../delivery/header-policy.js';
import type { EnvelopeChoice } from '../envelopes/index.js';
import type { SchemeOptions } from '../signing/scheme.js';
import type { EndpointKind, EmailChannelConfig, MessageRow, AttemptRow } from './rows.js';

/** What crosses the store seam on the delivery path: publishes, claims, outcomes. Plain data: it crosses threads. */
export interface PublishInput {
  id: string;
  app_id: string;
  event_type: string;
  event_id: string | null;
  payload: string;
  record?: { id: string; format: string } | null;
  /** Endpoints that list channels receive the message only when it carries one of theirs. */
  channels?: string[] | null;
  now: number;
  idempotency: { key: string; request_hash: string; window_ms: number } | null;
  /** The publishing request's traceparent, stored so attempts link back to it. */
  trace_context?: string | null;
  /** Delivery headers of this message alone, credentials sealed. */
  headers?: StoredHeaders | null;
  /** Ordered endpoints deliver one message at a time per key (null: one line). */
  ordering_key?: string | null;
  /**
   * The publishing process also delivers and has room: deliveries that could be claimed at once
   * are stored already leased to it and come back in the result, saving a claim. A store may
   * ignore this (PostgreSQL does: its workers are other processes).
   */
  handoff?: HandoffRequest | null;
}

export interface HandoffRequest {
  owner: string;
  /** At most this many of the publish's deliveries. */
  limit: number;
  leaseGraceMs: number;
}

export type PublishResult =
  | { kind: 'created'; message: MessageRow; deliveries: number; handedOff?: ClaimResult }
  | { kind: 'replayed'; message: MessageRow }
  | { kind: 'idempotency_mismatch' };

/** A publish of a batch: its result, or why it failed (plain data: it crosses threads). */
export type PublishOutcome = PublishResult | { kind: 'failed'; error: { message: string; code?: string } };

/** What a worker holds while it sends one delivery. Carries ids and the payload, not endpoint config. */
export interface ClaimedDelivery {
  id: string;
  tenant_id: string;
  environment: Environment;
  app_id: string;
  message_id: string;
  endpoint_id: string;
  attempt_count: number;
  schedule_index: number;
  event_type: string;
  event_id: string | null;
  payload: string;
  message_created_at: number;
  /** The attached record, for the pointer the delivery carries. */
  record: { id: string; format: string; content_hash: string } | null;
  /** The traceparent of the request that published the message (null when tracing was off). */
  trace_context: string | null;
  /** The message's own delivery headers, credentials sealed (null: none). */
  headers: StoredHeaders | null;
}

/** An endpoint as the delivery path needs it: config resolved against its application. */
export interface EndpointRuntime {
  id: string;
  kind: EndpointKind;
  channel_config: EmailChannelConfig | null;
  url: string;
  environment: Environment;
  timeout_ms: number;
  /** Endpoint's schedule, else its application's, else null (use the server default). */
  retry_schedule: number[] | null;
  max_in_flight: number;
  /** Credentials among them sealed: open them only to build the request (header-policy.ts). */
  headers: StoredHeaders;
  /** Bearer, basic or OAuth2 credentials, sealed (endpoint-auth.ts). */
  auth: StoredAuth | null;
  /** Client certificate and receiver CA (key sealed). */
  tls: StoredTls | null;
  /** Run before each attempt (delivery/transformation.ts). */
  transformation: string | null;
  scheme: string;
  /** The application's options overlaid with the endpoint's. */
  scheme_options: SchemeOptions;
  envelope: EnvelopeChoice;
  encrypt_data: boolean;
  /** The application's active webhook key (sealed), if it has one. */
  active_key: { id: string; sealed: string } | null;
  /** Sealed key material that signs right now, newest first. */
  sealed_secrets: string[];
  /** Send a traceparent header with each attempt (the endpoint opted in). */
  trace_propagation: boolean;
}

export interface ClaimRequest {
  now: number;
  owner: string;
  limit: number;
  leaseGraceMs: number;
}

export interface ClaimResult {
  deliveries: ClaimedDelivery[];
  endpoints: Map<string, EndpointRuntime>;
  /** Nothing claimed because another process's claim was running: worth trying again shortly. */
  contended?: boolean;
}

/** Something recording outcomes changed about an endpoint, for operational events. */
export interface EndpointEffect {
  kind: 'disabled' | 'recovered';
  tenant_id: string;
  environment: Environment;
  app_id: string;
  endpoint_id: string;
  reason: string | null;
  failing_since: number | null;
}

/** Pause an endpoint (back-pressure): no claims for it before `until`. */
export interface EndpointThrottle {
  until: number;
  reason: 'rate_limited' | 'unavailable' | 'timeouts';
}

export interface RecordOptions {
  /** Disable an endpoint whose attempts have all failed for this long. */
  autoDisableAfterMs: number;
}

/** What recording an outcome needs of its delivery: ids, not the payload (it crosses a thread). */
export type DeliveryRef = Pick<ClaimedDelivery, 'id' | 'tenant_id' | 'environment' | 'app_id' | 'message_id' | 'endpoint_id' | 'event_type'>;

export interface AttemptOutcome {
  delivery: DeliveryRef;
  owner: string;
  /** attempt_number is assigned by the store (one more than the attempts already recorded), so it is unique per delivery. */
  attempt: Omit<AttemptRow, 'app_id' | 'delivery_id' | 'message_id' | 'endpoint_id' | 'event_type' | 'attempt_number'>;
  /** `discarded`: ended without reaching the receiver (a transformation cancelled it). */
  next: { status: 'pending' | 'succeeded' | 'failed' | 'discarded'; next_attempt_at: number | null; schedule_index: number };
  disable_endpoint: string | null;
  /** The receiver asked for a pause: the endpoint is not claimed for before `throttle.until`. */
  throttle?: EndpointThrottle | null;
}

/** A process's increments to shared rate-limit windows. */
export interface CounterIncrement {
  key: string;
  window_start: number;
  n: number;
}

export interface QueueStats {
  pending: number;
  delivering: number;
  /** When the longest-waiting delivery became due (epoch ms), if one is due now; null if none is. */
  oldest_due_at: number | null;
}

/** What the wake-up channel reports about itself (for metrics and tests). */
export interface WorkHooks {
  /** Listening (true) or lost and reconnecting, polling meanwhile (false). */
  onListening?(up: boolean): void;
  /** A notification arrived. */
  onNotification?(): void;
}
