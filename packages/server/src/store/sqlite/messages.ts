import type { LogFilter, MessageRow, PageQuery, PublishInput, PublishResult, Scope, Store } from '../types.js';
import { toPage, Where, type Db } from './db.js';
import { makeHandoff, type HandoffEndpoint } from './handoff.js';

type MessageOps = Pick<Store, 'publish' | 'listMessages' | 'getMessage'>;

export const MESSAGE_COLUMNS = 'id, app_id, event_type, event_id, payload, purged_at, record_id, record_format, created_at';

/** The message log's filter, shared by both store dialects. */
export function messageListWhere(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Where {
  return new Where()
    .add('tenant_id = ?', scope.tenant_id)
    .add('environment = ?', scope.environment)
    .add('app_id = ?', appId)
    .add('purged_at IS NULL')
    .addIf(filter.event_type, 'event_type = ?')
    .addIf(filter.since, 'created_at >= ?')
    .addIf(filter.until, 'created_at < ?')
    .addIf(page.iterator, 'id < ?');
}

export function makeMessageOps(db: Db): MessageOps {
  const findKey = db.prepare('SELECT request_hash, message_id, created_at FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ?');
  const deleteKey = db.prepare('DELETE FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ?');
  const insertKey = db.prepare(
    'INSERT INTO idempotency_keys (tenant_id, environment, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const messageById = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`);
  const messageByEventId = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`);
  const insertMessage = db.prepare(
    'INSERT INTO messages (id, tenant_id, environment, app_id, event_type, event_id, payload, record_id, record_format, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The event-type filter is matched here rather than in JS: only subscribed endpoints become JS
  // objects. (Reading all of an application's endpoints per publish and parsing each filter was a
  // quarter of a publish's time with 100 endpoints.)
  const subscribedEndpoints = db.prepare(
    `SELECT id, max_in_flight, timeout_ms, rate_limit, rate_window_start, rate_window_count, throttled_until
     FROM endpoints e WHERE app_id = ? AND status = 'enabled' AND deleted_at IS NULL
       AND (filter_types IS NULL OR EXISTS (SELECT 1 FROM json_each(e.filter_types) WHERE value = ?))`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (id, tenant_id, environment, app_id, message_id, endpoint_id, status, next_attempt_at, lease_owner, lease_expires_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const beginHandoff = makeHandoff(db);

  // One publish: message, deliveries and idempotency key together or not at all. Always run inside
  // a group's transaction (below), where it is a savepoint: one failing rolls back alone.
  const publishOne = db.transaction((scope: Scope, input: PublishInput): PublishResult => {
    if (input.idempotency) {
      const existing = findKey.get(scope.tenant_id, scope.environment, input.idempotency.key) as
        | { request_hash: string; message_id: string; created_at: number }
        | undefined;
      if (existing && existing.created_at > input.now - input.idempotency.window_ms) {
        if (existing.request_hash !== input.idempotency.request_hash) return { kind: 'idempotency_mismatch' };
        const original = messageById.get(existing.message_id) as MessageRow | undefined;
        if (original) return { kind: 'replayed', message: original };
      }
      if (existing) deleteKey.run(scope.tenant_id, scope.environment, input.idempotency.key);
    }
    if (input.event_id) {
      const original = messageByEventId.get(input.app_id, input.event_id) as MessageRow | undefined;
      if (original) return { kind: 'replayed', message: original };
    }
    insertMessage.run(
      input.id, scope.tenant_id, scope.environment, input.app_id, input.event_type, input.event_id, input.payload,
      input.record?.id ?? null, input.record?.format ?? null, input.now,
    );
    let deliveries = 0;
    const handoff = beginHandoff(input.handoff, input.now, { tenant_id: scope.tenant_id, environment: scope.environment, app_id: input.app_id, message_id: input.id });
    for (const ep of subscribedEndpoints.all(input.app_id, input.event_type) as HandoffEndpoint[]) {
      const id = input.newDeliveryId();
      const lease = handoff?.lease(ep, id) ?? null;
      insertDelivery.run(
        id, scope.tenant_id, scope.environment, input.app_id, input.id, ep.id, lease ? 'delivering' : 'pending', input.now,
        lease?.owner ?? null, lease?.expires_at ?? null, input.now, input.now,
      );
      deliveries++;
    }
    if (input.idempotency) {
      insertKey.run(scope.tenant_id, scope.environment, input.idempotency.key, input.idempotency.request_hash, input.id, input.now);
    }
    const message: MessageRow = {
      id: input.id,
      app_id: input.app_id,
      event_type: input.event_type,
      event_id: input.event_id,
      payload: input.payload,
      purged_at: null,
      record_id: input.record?.id ?? null,
      record_format: input.record?.format ?? null,
      created_at: input.now,
    };
    const handedOff = handoff?.result({
      event_type: input.event_type,
      event_id: input.event_id,
      payload: input.payload,
      created_at: input.now,
      record_id: message.record_id,
      record_format: message.record_format,
    });
    return { kind: 'created', message, deliveries, ...(handedOff ? { handedOff } : {}) };
  });

  // Group commit: publishes that arrive together (the store thread takes every queued call before
  // its next turn) share one BEGIN IMMEDIATE … COMMIT, and each caller hears back only after that
  // COMMIT. A commit per publish was ~60 % of the store thread's time under publish load.
  // Duplicates in one group still meet: later savepoints see earlier ones' rows.
  let group: { scope: Scope; input: PublishInput; resolve: (r: PublishResult) => void; reject: (e: unknown) => void }[] = [];
  const runGroup = db.transaction((batch: typeof group) =>
    batch.map((p) => {
      try {
        return { ok: true as const, result: publishOne(p.scope, p.input) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
  function commitGroup(): void {
    const batch = group;
    group = [];
    let outcomes: ReturnType<typeof runGroup>;
    try {
      outcomes = runGroup.immediate(batch);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.result) : batch[i]!.reject(o.error)));
  }

  return {
    publish(scope, input) {
      return new Promise<PublishResult>((resolve, reject) => {
        if (!group.length) setImmediate(commitGroup);
        group.push({ scope, input, resolve, reject });
      });
    },

    async listMessages(scope, appId, filter, page) {
      const where = messageListWhere(scope, appId, filter, page);
      const rows = db
        .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages ${where} ORDER BY id DESC LIMIT ?`)
        .all(...where.params, page.limit + 1) as MessageRow[];
      return toPage(rows, page);
    },

    async getMessage(scope, appId, id) {
      const row = db
        .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE tenant_id = ? AND environment = ? AND app_id = ? AND (id = ? OR event_id = ?)`)
        .get(scope.tenant_id, scope.environment, appId, id, id) as MessageRow | undefined;
      return row ?? null;
    },
  };
}
