import type { StoredHeaders } from '../../delivery/header-policy.js';
import { json } from '../sql/query.js';
import type { ClaimedDelivery, ClaimResult } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { runtimesOf } from './runtime.js';

/** The delivery columns a claim reads; the rest of a ClaimedDelivery comes from its message. */
export type DueRow = Pick<ClaimedDelivery, 'id' | 'tenant_id' | 'environment' | 'app_id' | 'message_id' | 'endpoint_id' | 'attempt_count' | 'schedule_index'>;

/** What a claim reads of a delivery's message (and its record, for pointer payloads). */
interface MessageForSend {
  id: string;
  event_type: string;
  event_id: string | null;
  payload: string;
  created_at: number;
  record_id: string | null;
  record_format: string | null;
  content_hash: string | null;
  trace_context: string | null;
  headers: string | null;
}

/**
 * Leased delivery rows as a worker holds them: with their messages (a fanned-out message is read
 * once) and their endpoints' runtimes. Shared by the claim and the publish hand-off.
 */
export async function claimedDeliveries(q: Sql, rows: DueRow[], now: number): Promise<ClaimResult> {
  if (!rows.length) return { deliveries: [], endpoints: new Map() };
  const messageIds = [...new Set(rows.map((r) => r.message_id))];
  const messages = await q.all<MessageForSend>(
    `SELECT m.id, m.event_type, m.event_id, m.payload, m.created_at, m.record_format, m.trace_context, m.headers, r.id AS record_id, r.content_hash
     FROM messages m LEFT JOIN records r ON r.id = m.record_id WHERE m.id ${q.dialect.inList()}`,
    [q.dialect.list(messageIds)],
  );
  const byId = new Map(messages.map((m) => [m.id, m]));
  const endpoints = await runtimesOf(q, [...new Set(rows.map((r) => r.endpoint_id))], now);
  const deliveries = rows.map((d): ClaimedDelivery => {
    const m = byId.get(d.message_id)!;
    // Named, not spread: a claim row may carry more columns than a ClaimedDelivery.
    return {
      id: d.id,
      tenant_id: d.tenant_id,
      environment: d.environment,
      app_id: d.app_id,
      message_id: d.message_id,
      endpoint_id: d.endpoint_id,
      attempt_count: d.attempt_count,
      schedule_index: d.schedule_index,
      event_type: m.event_type,
      event_id: m.event_id,
      payload: m.payload,
      message_created_at: m.created_at,
      record: m.record_id ? { id: m.record_id, format: m.record_format!, content_hash: m.content_hash! } : null,
      trace_context: m.trace_context,
      headers: json.parse<StoredHeaders>(m.headers),
    };
  });
  return { deliveries, endpoints };
}
