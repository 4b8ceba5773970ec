import type { Static } from '@sinclair/typebox';
import type { DeliveryStatus, Page } from '../../store/types.js';
import type { Application, Attempt, Delivery, Endpoint, EventType, Message } from '../schemas.js';

/**
 * Herald's representations (what the native API answers, snake_case) in the shapes of Svix's
 * OpenAPI document (camelCase), field by field. Fields Svix has and Herald does not are answered
 * with Svix's empty value; none is made up.
 */
type App = Static<typeof Application>;
type Ep = Static<typeof Endpoint>;
type Et = Static<typeof EventType>;
type Msg = Static<typeof Message>;
type Dlv = Static<typeof Delivery>;
type Att = Static<typeof Attempt>;

export interface SvixPage<T> {
  data: T[];
  iterator: string | null;
  prevIterator: string | null;
  done: boolean;
}

/** A store page as Svix's ListResponse: a prev iterator is the page's first id behind a "-", as Svix makes them. */
export const page = <T, U>(p: Page<T>, fn: (row: T) => U): SvixPage<U> => ({
  data: p.data.map(fn),
  iterator: p.iterator,
  prevIterator: p.prev_iterator === null ? null : `-${p.prev_iterator}`,
  done: p.done,
});

export const application = (a: App) => ({
  id: a.id,
  uid: a.uid,
  name: a.name,
  metadata: a.metadata,
  rateLimit: null,
  throttleRate: null,
  createdAt: a.created_at,
  updatedAt: a.updated_at,
});

export const endpoint = (e: Ep) => ({
  id: e.id,
  uid: e.uid,
  url: e.url,
  description: e.description,
  version: 1,
  disabled: e.status !== 'enabled',
  filterTypes: e.filter_types,
  /** SDK 2.x's name for filterTypes. */
  eventTypes: e.filter_types,
  channels: e.channels,
  rateLimit: e.rate_limit_per_second,
  throttleRate: e.rate_limit_per_second,
  metadata: e.metadata,
  createdAt: e.created_at,
  updatedAt: e.updated_at,
});

/** Svix keeps schemas by version ("1": {...}) with examples inside them; Herald keeps one schema and one example. */
export function schemasOf(e: Pick<Et, 'schema' | 'example'>): Record<string, unknown> | null {
  if (!e.schema) return null;
  const hasExamples = Array.isArray((e.schema as { examples?: unknown }).examples);
  return { '1': e.example === null || e.example === undefined || hasExamples ? e.schema : { ...e.schema, examples: [e.example] } };
}

/** The schema and example a Svix `schemas` map names: its highest version, and the first of that schema's examples. */
export function schemaFromSvix(schemas: Record<string, unknown> | null | undefined): { schema: Record<string, unknown> | null; example?: unknown } {
  if (!schemas) return { schema: null };
  const versions = Object.keys(schemas).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const schema = versions.length ? (schemas[versions[versions.length - 1]!] as Record<string, unknown> | null) : null;
  if (!schema) return { schema: null };
  const examples = (schema as { examples?: unknown }).examples;
  return Array.isArray(examples) && examples.length ? { schema, example: examples[0] } : { schema };
}

export const eventType = (e: Et, withContent = true) => ({
  name: e.name,
  description: e.description,
  archived: e.archived,
  deprecated: false,
  schemas: withContent ? schemasOf(e) : null,
  featureFlag: null,
  featureFlags: null,
  groupName: null,
  createdAt: e.created_at,
  updatedAt: e.updated_at,
});

export const message = (m: Msg, withContent = true) => ({
  id: m.id,
  eventId: m.event_id,
  eventType: m.type,
  payload: withContent ? m.payload : {},
  channels: m.channels,
  tags: null,
  deliverAt: null,
  timestamp: m.created_at,
});

/** Svix's MessageStatus: 0 success, 1 pending, 2 fail, 3 sending (retrying or in flight), 4 canceled. */
export function messageStatus(status: DeliveryStatus, attemptCount: number): { status: number; statusText: string } {
  if (status === 'succeeded') return { status: 0, statusText: 'success' };
  if (status === 'failed') return { status: 2, statusText: 'fail' };
  if (status === 'discarded') return { status: 4, statusText: 'canceled' };
  if (status === 'delivering' || attemptCount > 0) return { status: 3, statusText: 'sending' };
  return { status: 1, statusText: 'pending' };
}

/** The Herald delivery statuses a Svix MessageStatus filter selects. */
export const DELIVERY_STATUSES: Record<number, DeliveryStatus[]> = { 0: ['succeeded'], 1: ['pending'], 2: ['failed'], 3: ['pending', 'delivering'], 4: ['discarded'] };

export const attempt = (a: Att, msg?: Msg) => ({
  id: a.id,
  msgId: a.message_id,
  endpointId: a.endpoint_id,
  url: a.url,
  response: a.response_body ?? a.error_message ?? '',
  responseStatusCode: a.response_status ?? 0,
  responseDurationMs: a.duration_ms,
  ...(a.status === 'succeeded' ? { status: 0, statusText: 'success' } : { status: 2, statusText: 'fail' }),
  triggerType: 0,
  timestamp: a.created_at,
  ...(msg ? { msg: message(msg) } : {}),
});

export const endpointMessage = (m: Msg, d: Dlv, withContent = true) => ({
  ...message(m, withContent),
  ...messageStatus(d.status, d.attempt_count),
  nextAttempt: d.next_attempt_at,
});

export const messageEndpoint = (e: Ep, d: Dlv) => ({
  ...endpoint(e),
  ...messageStatus(d.status, d.attempt_count),
  nextAttempt: d.next_attempt_at,
});

/** Herald field names in errors → the Svix names the caller sent. */
const FIELD_NAMES: Record<string, string> = {
  filter_types: 'filterTypes',
  rate_limit_per_second: 'rateLimit',
  type: 'eventType',
  schema: 'schemas',
  grace_seconds: 'gracePeriodSeconds',
  expires_in_seconds: 'expiry',
  read_only: 'readOnly',
};
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `body.filter_types.0` → ["body", "filterTypes", "0"]: a Herald field path as a Svix `loc`. */
export const loc = (field: string, renames: Record<string, string> = {}) =>
  field.split('.').map((part, i) => (i === 0 ? part : (renames[part] ?? FIELD_NAMES[part] ?? camel(part))));
