import { isUniqueViolation } from '../../errors.js';
import { newId } from '../../ids.js';
import type { MessageRow, PublishInput, PublishOutcome, PublishResult, Scope } from '../types.js';
import type { Columns } from '../sql/dialect.js';
import type { Sql } from '../sql/executor.js';
import { chunks } from '../sql/query.js';
import { beginHandoff, type Handoff, type HandoffEndpoint } from './handoff.js';
import { MESSAGE_COLUMNS, messageFromRow } from './log.js';
import { DELIVERY_COLUMNS, deliveryValues, MESSAGE_INSERT, messageOf, messageValues, names, readSubscribers, subscribersOf, type PublishItem } from './publish-rows.js';
import { publishInOneStatement } from './publish-statement.postgres.js';

export type { PublishItem } from './publish-rows.js';

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
    const original = await sql.get(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
    if (!original) throw err;
    return { kind: 'replayed', message: messageFromRow(original) };
  }
  if (result.kind === 'created' && result.deliveries > (result.handedOff?.deliveries.length ?? 0)) sql.workDue();
  return result;
}

async function publishOnce(q: Sql, scope: Scope, input: PublishInput): Promise<PublishResult> {
  const messageById = async (id: string) => {
    const row = await q.get(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`, [id]);
    return row ? messageFromRow(row) : undefined;
  };
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
    const original = await q.get(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
    if (original) return { kind: 'replayed', message: messageFromRow(original) };
  }
  const message = messageOf(input);
  await q.run(`INSERT INTO messages (${names(MESSAGE_INSERT)}) VALUES (${MESSAGE_INSERT.map(() => '?').join(', ')})`, messageValues(scope, input));
  const endpoints = subscribersOf(await readSubscribers(q, [input]), input);
  const handoff = beginHandoff(q, input.handoff, input.now, { tenant_id: scope.tenant_id, environment: scope.environment, app_id: input.app_id, message_id: input.id });
  const rows: unknown[][] = [];
  for (const ep of endpoints) rows.push(await deliveryRow(scope, input, ep, handoff));
  await insertDeliveries(q, rows);
  const handedOff = handoff ? await handoff.result() : undefined;
  return { kind: 'created', message, deliveries: rows.length, ...(handedOff ? { handedOff } : {}) };
}

const KEY_COLUMNS: Columns = [['tenant_id', 'TEXT'], ['environment', 'TEXT'], ['key', 'TEXT'], ['request_hash', 'TEXT'], ['message_id', 'TEXT'], ['created_at', 'BIGINT']];
const EVENT_ID_COLUMNS: Columns = [['app_id', 'TEXT'], ['event_id', 'TEXT']];

/**
 * Many publishes in one transaction, with set-based statements: the idempotency keys claimed in
 * one INSERT, the messages in one, the subscribed endpoints of every (application, event type)
 * read in one, the deliveries in one. Each publish keeps its own outcome: one that repeats another
 * of the batch (same idempotency key or event id) or meets a concurrent publish's key runs on its
 * own after the batch commits, and when the batch fails every publish is run again on its own, so
 * a failure is only ever the failing publish's.
 */
export async function publishBatch(sql: Sql, items: readonly PublishItem[]): Promise<PublishOutcome[]> {
  const oneStatement = sql.dialect.writesInWith;
  if (items.length === 0 || (items.length === 1 && !oneStatement)) return Promise.all(items.map((it) => publishAlone(sql, it)));
  const later = repeatsWithin(items);
  let outcomes: (PublishOutcome | undefined)[];
  try {
    outcomes = oneStatement ? await publishInOneStatement(sql, items, later) : await sql.tx((q) => publishTogether(q, items, later));
    if (outcomes.some((r) => r?.kind === 'created' && r.deliveries > (r.handedOff?.deliveries.length ?? 0))) sql.workDue();
  } catch {
    // Each on its own (each says when work is due), a repeat still after what it repeats: run at
    // once, the two raced and either could come out the original.
    outcomes = await Promise.all(items.map((it, i) => (later.has(i) ? undefined : publishAlone(sql, it))));
  }
  for (let i = 0; i < items.length; i++) if (!outcomes[i]) outcomes[i] = await publishAlone(sql, items[i]!);
  return outcomes as PublishOutcome[];
}

async function publishAlone(sql: Sql, { scope, input }: PublishItem): Promise<PublishOutcome> {
  try {
    return await publish(sql, scope, input);
  } catch (err) {
    const e = err as { message?: unknown; code?: unknown };
    return { kind: 'failed', error: { message: String(e?.message ?? err), ...(typeof e?.code === 'string' ? { code: e.code } : {}) } };
  }
}

/** Publishes that must see an earlier one of the batch committed: a second use of an idempotency key or event id. */
function repeatsWithin(items: readonly PublishItem[]): Set<number> {
  const seen = new Set<string>();
  const later = new Set<number>();
  items.forEach(({ scope, input }, i) => {
    const keys = [
      input.idempotency ? `k\u0000${scope.tenant_id}\u0000${scope.environment}\u0000${input.idempotency.key}` : null,
      input.event_id !== null ? `e\u0000${input.app_id}\u0000${input.event_id}` : null,
    ].filter((k): k is string => k !== null);
    if (keys.some((k) => seen.has(k))) later.add(i);
    else for (const k of keys) seen.add(k);
  });
  return later;
}

/** The batch's transaction: an outcome per publish, or undefined for those to run on their own afterwards. */
async function publishTogether(q: Sql, items: readonly PublishItem[], later: ReadonlySet<number>): Promise<(PublishOutcome | undefined)[]> {
  const outcomes: (PublishOutcome | undefined)[] = new Array(items.length);
  let open = items.map((_, i) => i).filter((i) => !later.has(i));

  // Idempotency keys: those another transaction holds make their publish run alone (it replays or is refused).
  const keyed = open.filter((i) => items[i]!.input.idempotency);
  if (keyed.length) {
    const keyRows = keyed.map((i) => {
      const { scope, input } = items[i]!;
      return [scope.tenant_id, scope.environment, input.idempotency!.key, input.idempotency!.request_hash, input.id, input.now];
    });
    const expired = keyed.map((i) => items[i]!.input.now - items[i]!.input.idempotency!.window_ms);
    const claimed = new Set<string>();
    for (const batch of chunks(keyRows.map((r, n) => [...r, expired[n]]))) {
      const table = q.dialect.rows([...KEY_COLUMNS, ['expired_at', 'BIGINT']], batch);
      await q.run(
        `DELETE FROM idempotency_keys WHERE EXISTS (SELECT 1 FROM ${table.sql} AS t WHERE t.tenant_id = idempotency_keys.tenant_id AND t.environment = idempotency_keys.environment AND t.key = idempotency_keys.key AND idempotency_keys.created_at <= t.expired_at)`,
        table.params,
      );
    }
    for (const batch of chunks(keyRows)) {
      const table = q.dialect.rows(KEY_COLUMNS, batch);
      const rows = await q.all<{ message_id: string }>(
        `INSERT INTO idempotency_keys (${names(KEY_COLUMNS)}) SELECT * FROM ${table.sql} AS t WHERE true ON CONFLICT DO NOTHING RETURNING message_id`,
        table.params,
      );
      for (const r of rows) claimed.add(r.message_id);
    }
    open = open.filter((i) => !items[i]!.input.idempotency || claimed.has(items[i]!.input.id));
  }

  // Event ids seen before: the original is the answer.
  const withEventId = open.filter((i) => items[i]!.input.event_id !== null);
  if (withEventId.length) {
    const replayed = new Map<string, MessageRow>();
    for (const batch of chunks(withEventId)) {
      const table = q.dialect.rows(EVENT_ID_COLUMNS, batch.map((i) => [items[i]!.input.app_id, items[i]!.input.event_id]));
      const rows = await q.all(`SELECT ${prefixed('m', MESSAGE_COLUMNS)} FROM messages m JOIN ${table.sql} AS t ON m.app_id = t.app_id AND m.event_id = t.event_id`, table.params);
      for (const m of rows.map(messageFromRow)) replayed.set(`${m.app_id}\u0000${m.event_id}`, m);
    }
    for (const i of withEventId) {
      const original = replayed.get(`${items[i]!.input.app_id}\u0000${items[i]!.input.event_id}`);
      if (original) outcomes[i] = { kind: 'replayed', message: original };
    }
    open = open.filter((i) => !outcomes[i]);
  }

  // The messages. One whose event id a concurrent transaction just stored is not inserted: it runs alone and replays.
  const messages = new Map<number, MessageRow>();
  const inserted = new Set<string>();
  for (const batch of chunks(open)) {
    const rows = batch.map((i) => messageValues(items[i]!.scope, items[i]!.input));
    const table = q.dialect.rows(MESSAGE_INSERT, rows);
    const ids = await q.all<{ id: string }>(`INSERT INTO messages (${names(MESSAGE_INSERT)}) SELECT * FROM ${table.sql} AS t WHERE true ON CONFLICT DO NOTHING RETURNING id`, table.params);
    for (const { id } of ids) inserted.add(id);
  }
  const raced = open.filter((i) => !inserted.has(items[i]!.input.id));
  const racedKeys = raced.filter((i) => items[i]!.input.idempotency);
  if (racedKeys.length) await q.run(`DELETE FROM idempotency_keys WHERE message_id ${q.dialect.inList()}`, [q.dialect.list(racedKeys.map((i) => items[i]!.input.id))]);
  open = open.filter((i) => inserted.has(items[i]!.input.id));
  for (const i of open) messages.set(i, messageOf(items[i]!.input));

  // Every subscription the batch needs, in one read.
  const subscribers = await readSubscribers(q, open.map((i) => items[i]!.input));

  const deliveries: unknown[][] = [];
  for (const i of open) {
    const { scope, input } = items[i]!;
    const endpoints = subscribersOf(subscribers, input);
    const handoff = beginHandoff(q, input.handoff, input.now, { tenant_id: scope.tenant_id, environment: scope.environment, app_id: input.app_id, message_id: input.id });
    const rows = handoff ? [] : deliveries;
    for (const ep of endpoints) rows.push(await deliveryRow(scope, input, ep, handoff));
    if (!handoff) {
      outcomes[i] = { kind: 'created', message: messages.get(i)!, deliveries: endpoints.length };
      continue;
    }
    // A hand-off decides from what is stored, so this publish's deliveries are stored before the next one's are decided.
    await insertDeliveries(q, rows);
    outcomes[i] = { kind: 'created', message: messages.get(i)!, deliveries: endpoints.length, handedOff: await handoff.result() };
  }
  await insertDeliveries(q, deliveries);
  return outcomes;
}

async function insertDeliveries(q: Sql, rows: unknown[][]): Promise<void> {
  for (const batch of chunks(rows)) {
    const table = q.dialect.rows(DELIVERY_COLUMNS, batch);
    await q.run(`INSERT INTO deliveries (${names(DELIVERY_COLUMNS)}) SELECT * FROM ${table.sql} AS t`, table.params);
  }
}

/** A new delivery's row: leased to this process when the hand-off takes it, pending otherwise. */
async function deliveryRow(scope: Scope, input: PublishInput, ep: HandoffEndpoint, handoff: Handoff | null): Promise<unknown[]> {
  const id = newId('dlv', input.now);
  return deliveryValues(scope, input, ep, id, handoff ? await handoff.lease(ep, id) : null);
}

const prefixed = (alias: string, columns: string) => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
