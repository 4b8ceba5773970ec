import { newId } from '../../ids.js';
import type { PublishOutcome } from '../types.js';
import type { Columns } from '../sql/dialect.js';
import type { Sql } from '../sql/executor.js';
import { DELIVERY_COLUMNS, deliveryValues, MESSAGE_INSERT, messageOf, messageValues, names, readSubscribers, subscribersOf, type PublishItem } from './publish-rows.js';

const INPUT_COLUMNS: Columns = [...MESSAGE_INSERT, ['idem_key', 'TEXT'], ['request_hash', 'TEXT']];
const MESSAGE_COLUMNS = names(MESSAGE_INSERT);

/**
 * PostgreSQL: a batch's writes as one statement. Each statement of a transaction is a round trip,
 * and with the server on the same two cores a round trip cost 2–3 ms under load: the six of a
 * transaction (connect, BEGIN, messages, subscriptions, deliveries, COMMIT) were most of a
 * batch's time. Here the subscriptions are read first (a read needs no transaction), then one
 * statement, atomic by itself, claims the idempotency keys, inserts the messages whose keys it
 * claimed and whose event ids are new, and their deliveries. A publish it did not store (its key
 * or event id was taken) is left undefined and runs on its own afterwards, where it replays.
 */
export async function publishInOneStatement(sql: Sql, items: readonly PublishItem[], later: ReadonlySet<number>): Promise<(PublishOutcome | undefined)[]> {
  const open = items.map((_, i) => i).filter((i) => !later.has(i));
  const subscribers = await readSubscribers(sql, open.map((i) => items[i]!.input));
  // Filters are evaluated once per publish: the deliveries and the outcome's count share the answer.
  const receivers = new Map(open.map((i) => [i, subscribersOf(subscribers, items[i]!.input)]));
  const inputs = open.map((i) => {
    const { scope, input } = items[i]!;
    return [...messageValues(scope, input), input.idempotency?.key ?? null, input.idempotency?.request_hash ?? null];
  });
  const deliveries = open.flatMap((i) => {
    const { scope, input } = items[i]!;
    return receivers.get(i)!.map((ep) => deliveryValues(scope, input, ep, newId('dlv', input.now)));
  });
  const input = sql.dialect.rows(INPUT_COLUMNS, inputs);
  const rows = deliveries.length ? sql.dialect.rows(DELIVERY_COLUMNS, deliveries) : null;
  const stored = await sql.all<{ id: string }>(
    `WITH input AS ${input.sql},
     claimed AS (
       INSERT INTO idempotency_keys (tenant_id, environment, key, request_hash, message_id, created_at)
       SELECT tenant_id, environment, idem_key, request_hash, id, created_at FROM input WHERE idem_key IS NOT NULL
       ON CONFLICT DO NOTHING RETURNING message_id
     ),
     stored AS (
       INSERT INTO messages (${MESSAGE_COLUMNS}) SELECT ${MESSAGE_COLUMNS} FROM input
       WHERE idem_key IS NULL OR id IN (SELECT message_id FROM claimed)
       ON CONFLICT DO NOTHING RETURNING id
     )${rows ? `,
     delivered AS (INSERT INTO deliveries (${names(DELIVERY_COLUMNS)}) SELECT * FROM ${rows.sql} AS d WHERE d.message_id IN (SELECT id FROM stored))` : ''}
     SELECT id FROM stored`,
    [...input.params, ...(rows?.params ?? [])],
  );
  const created = new Set(stored.map((r) => r.id));
  const outcomes: (PublishOutcome | undefined)[] = new Array(items.length);
  for (const i of open) {
    const input = items[i]!.input;
    if (!created.has(input.id)) continue;
    outcomes[i] = { kind: 'created', message: messageOf(input), deliveries: receivers.get(i)!.length };
  }
  return outcomes;
}
