import { matchesFilter, type PayloadFilter } from '../../delivery/payload-filter.js';
import type { MessageRow, PublishInput, Scope } from '../types.js';
import type { Columns } from '../sql/dialect.js';
import type { Sql } from '../sql/executor.js';
import { chunks, json } from '../sql/query.js';
import type { HandoffEndpoint } from './handoff.js';

/** One publish of a batch: the scope it runs in and what it stores. */
export interface PublishItem {
  scope: Scope;
  input: PublishInput;
}

export const DELIVERY_COLUMNS: Columns = [
  ['id', 'TEXT'], ['tenant_id', 'TEXT'], ['environment', 'TEXT'], ['app_id', 'TEXT'], ['message_id', 'TEXT'], ['endpoint_id', 'TEXT'], ['status', 'TEXT'],
  ['next_attempt_at', 'BIGINT'], ['lease_owner', 'TEXT'], ['lease_expires_at', 'BIGINT'], ['created_at', 'BIGINT'], ['updated_at', 'BIGINT'],
  ['ordering_key', 'TEXT'], ['ordering_seq', 'TEXT'],
];

export const names = (columns: Columns) => columns.map(([name]) => name).join(', ');

const PAIR_COLUMNS: Columns = [['app_id', 'TEXT'], ['event_type', 'TEXT']];

/** The key of an (application, event type) pair in `readSubscribers`' answer. */
export const subscriptionKey = (input: Pick<PublishInput, 'app_id' | 'event_type'>) => `${input.app_id}\u0000${input.event_type}`;

/** A subscribed endpoint, the channels it limits itself to (null: every channel) and its payload filter. */
export type Subscriber = HandoffEndpoint & { channels: string[] | null; payload_filter: PayloadFilter | null };

/**
 * The endpoints of `readSubscribers`' answer that receive this publish: those without channels or
 * sharing one with it, whose payload filter (if any) matches. The payload is parsed only when a
 * subscriber has a filter.
 */
export function subscribersOf(subscribers: ReadonlyMap<string, Subscriber[]>, input: Pick<PublishInput, 'app_id' | 'event_type' | 'channels' | 'payload'>): Subscriber[] {
  const all = subscribers.get(subscriptionKey(input)) ?? [];
  const channels = input.channels ?? [];
  let payload: unknown;
  let parsed = false;
  return all.filter((ep) => {
    if (ep.channels !== null && !ep.channels.some((c) => channels.includes(c))) return false;
    if (ep.payload_filter === null) return true;
    if (!parsed) [payload, parsed] = [JSON.parse(input.payload), true];
    return matchesFilter(ep.payload_filter, payload);
  });
}

/** The message row a publish stores. */
export const messageOf = (input: PublishInput): MessageRow => ({
  id: input.id, app_id: input.app_id, event_type: input.event_type, event_id: input.event_id, payload: input.payload, purged_at: null,
  record_id: input.record?.id ?? null, record_format: input.record?.format ?? null, channels: input.channels ?? null, headers: input.headers ?? null, ordering_key: input.ordering_key ?? null, created_at: input.now,
});

/** The messages columns a publish writes, in `messageValues` order. */
export const MESSAGE_INSERT: Columns = [
  ['id', 'TEXT'], ['tenant_id', 'TEXT'], ['environment', 'TEXT'], ['app_id', 'TEXT'], ['event_type', 'TEXT'], ['event_id', 'TEXT'], ['payload', 'TEXT'],
  ['record_id', 'TEXT'], ['record_format', 'TEXT'], ['channels', 'TEXT'], ['created_at', 'BIGINT'], ['trace_context', 'TEXT'], ['headers', 'TEXT'], ['ordering_key', 'TEXT'],
];

export const messageValues = (scope: Scope, input: PublishInput): unknown[] => [
  input.id, scope.tenant_id, scope.environment, input.app_id, input.event_type, input.event_id, input.payload,
  input.record?.id ?? null, input.record?.format ?? null, json.stringify(input.channels ?? null), input.now, input.trace_context ?? null, json.stringify(input.headers ?? null), input.ordering_key ?? null,
];

/** An id's time-ordered part (the 26 characters after its prefix): places in line compare by it. */
export const linePlace = (id: string) => id.slice(-26);

/**
 * A new delivery's row, in DELIVERY_COLUMNS order: pending, or leased already (the hand-off). At an
 * ordered endpoint its place in line is its message's id (minted as the API accepted the publish,
 * so in publish order).
 */
export const deliveryValues = (scope: Scope, input: PublishInput, ep: Pick<HandoffEndpoint, 'id' | 'ordering'>, id: string, lease: { owner: string; expires_at: number } | null = null): unknown[] => [
  id, scope.tenant_id, scope.environment, input.app_id, input.id, ep.id, lease ? 'delivering' : 'pending', input.now, lease?.owner ?? null, lease?.expires_at ?? null, input.now, input.now,
  input.ordering_key ?? '', ep.ordering === 'fifo' ? linePlace(input.id) : null,
];

/**
 * The enabled endpoints subscribed to each (application, event type) the publishes name, in one
 * read: the event-type filter is matched in SQL, so only subscribers are read.
 */
export async function readSubscribers(q: Sql, inputs: readonly Pick<PublishInput, 'app_id' | 'event_type'>[]): Promise<Map<string, Subscriber[]>> {
  const subscribers = new Map<string, Subscriber[]>();
  const pairs = [...new Map(inputs.map((input) => [subscriptionKey(input), [input.app_id, input.event_type]])).entries()];
  for (const batch of chunks(pairs)) {
    const table = q.dialect.rows(PAIR_COLUMNS, batch.map(([, pair]) => pair));
    const rows = await q.all<HandoffEndpoint & { app_id: string; event_type: string; channels: string | null; payload_filter: string | null }>(
      `SELECT e.id, e.max_in_flight, e.timeout_ms, e.rate_limit, e.rate_window_start, e.rate_window_count, e.throttled_until, e.ordering, e.channels, e.payload_filter, t.app_id, t.event_type
       FROM ${table.sql} AS t JOIN endpoints e ON e.app_id = t.app_id
       WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND (e.filter_types IS NULL OR ${q.dialect.jsonArrayHas('e.filter_types', 't.event_type')})
       ORDER BY e.id`,
      table.params,
    );
    for (const [key] of batch) subscribers.set(key, []);
    // One parse per endpoint, not per pair: an endpoint subscribed to many of the batch's types shares it.
    const filters = new Map<string, PayloadFilter | null>();
    for (const { app_id, event_type, channels, payload_filter, ...ep } of rows) {
      if (!filters.has(ep.id)) filters.set(ep.id, json.parse<PayloadFilter>(payload_filter));
      subscribers.get(subscriptionKey({ app_id, event_type }))!.push({ ...ep, channels: json.parse<string[]>(channels), payload_filter: filters.get(ep.id)! });
    }
  }
  return subscribers;
}
