import { isUniqueViolation } from '../../errors.js';
import { newId } from '../../ids.js';
import type { MessageRow, PublishInput, PublishResult, Scope } from '../types.js';
import type { Columns } from '../sql/dialect.js';
import type { Sql } from '../sql/executor.js';
import { chunks } from '../sql/query.js';
import { beginHandoff, type HandoffEndpoint } from './handoff.js';
import { MESSAGE_COLUMNS } from './log.js';

const DELIVERY_COLUMNS: Columns = [
  ['id', 'TEXT'], ['tenant_id', 'TEXT'], ['environment', 'TEXT'], ['app_id', 'TEXT'], ['message_id', 'TEXT'], ['endpoint_id', 'TEXT'], ['status', 'TEXT'],
  ['next_attempt_at', 'BIGINT'], ['lease_owner', 'TEXT'], ['lease_expires_at', 'BIGINT'], ['created_at', 'BIGINT'], ['updated_at', 'BIGINT'],
];

/**
 * One publish: the message, a delivery per subscribed endpoint and the idempotency key, together or
 * not at all. Concurrent duplicates meet at unique constraints inside the transaction: a racing
 * publish with the same idempotency key (or event id) waits for the first to commit and replays it.
 */
export async function publish(sql: Sql, scope: Scope, input: PublishInput): Promise<PublishResult> {
  let result: PublishResult;
  try {
    result = await sql.tx((q) => publishOnce(q, scope, input));
  } catch (err) {
    // A concurrent publish with the same event id committed first: replay it.
    if (!isUniqueViolation(err) || !input.event_id) throw err;
    const original = await sql.get<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
    if (!original) throw err;
    return { kind: 'replayed', message: original };
  }
  if (result.kind === 'created' && result.deliveries > (result.handedOff?.deliveries.length ?? 0)) sql.workDue();
  return result;
}

async function publishOnce(q: Sql, scope: Scope, input: PublishInput): Promise<PublishResult> {
  const messageById = (id: string) => q.get<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`, [id]);
  if (input.idempotency) {
    const { key, request_hash, window_ms } = input.idempotency;
    const keyArgs = [scope.tenant_id, scope.environment, key];
    await q.run('DELETE FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ? AND created_at <= ?', [...keyArgs, input.now - window_ms]);
    const claimed = await q.all(
      'INSERT INTO idempotency_keys (tenant_id, environment, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key',
      [...keyArgs, request_hash, input.id, input.now],
    );
    if (!claimed.length) {
      const existing = await q.get<{ request_hash: string; message_id: string }>('SELECT request_hash, message_id FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ?', keyArgs);
      if (existing && existing.request_hash !== request_hash) return { kind: 'idempotency_mismatch' };
      const original = existing ? await messageById(existing.message_id) : undefined;
      if (original) return { kind: 'replayed', message: original };
      // The key outlived its message: it names this one now.
      await q.run('UPDATE idempotency_keys SET request_hash = ?, message_id = ?, created_at = ? WHERE tenant_id = ? AND environment = ? AND key = ?', [request_hash, input.id, input.now, ...keyArgs]);
    }
  }
  if (input.event_id) {
    const original = await q.get<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
    if (original) return { kind: 'replayed', message: original };
  }
  const message: MessageRow = {
    id: input.id, app_id: input.app_id, event_type: input.event_type, event_id: input.event_id, payload: input.payload,
    purged_at: null, record_id: input.record?.id ?? null, record_format: input.record?.format ?? null, created_at: input.now,
  };
  await q.run('INSERT INTO messages (id, tenant_id, environment, app_id, event_type, event_id, payload, record_id, record_format, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    message.id, scope.tenant_id, scope.environment, message.app_id, message.event_type, message.event_id, message.payload, message.record_id, message.record_format, message.created_at,
  ]);
  // The event-type filter is matched in SQL: only subscribed endpoints are read.
  const endpoints = await q.all<HandoffEndpoint>(
    `SELECT id, max_in_flight, timeout_ms, rate_limit, rate_window_start, rate_window_count, throttled_until
     FROM endpoints e WHERE app_id = ? AND status = 'enabled' AND deleted_at IS NULL AND (filter_types IS NULL OR ${q.dialect.jsonArrayHas('e.filter_types')})`,
    [input.app_id, input.event_type],
  );
  const handoff = beginHandoff(q, input.handoff, input.now, { tenant_id: scope.tenant_id, environment: scope.environment, app_id: input.app_id, message_id: input.id });
  const rows: unknown[][] = [];
  for (const ep of endpoints) {
    const id = newId('dlv', input.now);
    const lease = handoff ? await handoff.lease(ep, id) : null;
    rows.push([id, scope.tenant_id, scope.environment, input.app_id, input.id, ep.id, lease ? 'delivering' : 'pending', input.now, lease?.owner ?? null, lease?.expires_at ?? null, input.now, input.now]);
  }
  for (const batch of chunks(rows)) {
    const table = q.dialect.rows(DELIVERY_COLUMNS, batch);
    await q.run(`INSERT INTO deliveries (${DELIVERY_COLUMNS.map(([name]) => name).join(', ')}) SELECT * FROM ${table.sql} AS t`, table.params);
  }
  const handedOff = handoff ? await handoff.result() : undefined;
  return { kind: 'created', message, deliveries: rows.length, ...(handedOff ? { handedOff } : {}) };
}
