import type { AttemptRow, DeliveryRow, LogFilter, MessageRow, Scope, Store } from '../types.js';
import { json, toPage, Where, type Db } from './db.js';

type LogOps = Pick<Store, 'listDeliveries' | 'getDelivery' | 'listAttempts' | 'listEndpointEvents' | 'resend' | 'retryNow' | 'recoverFailed'>;

export const DELIVERY_SELECT = `SELECT d.id, d.app_id, d.message_id, d.endpoint_id, m.event_type, d.status, d.attempt_count, d.next_attempt_at,
  d.last_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at
  FROM deliveries d JOIN messages m ON m.id = d.message_id`;

type Raw = Record<string, unknown>;

export const attemptFromRow = (r: Raw): AttemptRow => ({
  ...(r as unknown as AttemptRow),
  request_headers: json.parse<Record<string, string>>(r.request_headers as string) ?? {},
  response_headers: json.parse<Record<string, string>>(r.response_headers as string | null),
});

export function scoped(scope: Scope, appId: string, alias: string): Where {
  return new Where()
    .add(`${alias}.tenant_id = ?`, scope.tenant_id)
    .add(`${alias}.environment = ?`, scope.environment)
    .add(`${alias}.app_id = ?`, appId);
}

export function applyFilter(where: Where, filter: LogFilter, alias: string, eventTypeColumn: string): Where {
  return where
    .addIf(filter.status, `${alias}.status = ?`)
    .addIf(filter.endpoint_id, `${alias}.endpoint_id = ?`)
    .addIf(filter.message_id, `${alias}.message_id = ?`)
    .addIf(filter.event_type, `${eventTypeColumn} = ?`)
    .addIf(filter.since, `${alias}.created_at >= ?`)
    .addIf(filter.until, `${alias}.created_at < ?`);
}

export function makeLogOps(db: Db): LogOps {
  const getDeliveryRow = (scope: Scope, appId: string, id: string) => {
    const where = scoped(scope, appId, 'd').add('d.id = ?', id);
    return (db.prepare(`${DELIVERY_SELECT} ${where}`).get(...where.params) as DeliveryRow | undefined) ?? null;
  };
  const requeue = db.prepare(
    `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
     WHERE id = ?`,
  );

  return {
    async listDeliveries(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'd'), filter, 'd', 'm.event_type').addIf(page.iterator, 'd.id < ?');
      const rows = db.prepare(`${DELIVERY_SELECT} ${where} ORDER BY d.id DESC LIMIT ?`).all(...where.params, page.limit + 1) as DeliveryRow[];
      return toPage(rows, page);
    },
    async getDelivery(scope, appId, id) {
      return getDeliveryRow(scope, appId, id);
    },
    async listAttempts(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'a'), filter, 'a', 'a.event_type')
        .addIf(filter.delivery_id, 'a.delivery_id = ?')
        .addIf(page.iterator, 'a.id < ?');
      const rows = db.prepare(`SELECT a.* FROM attempts a ${where} ORDER BY a.id DESC LIMIT ?`).all(...where.params, page.limit + 1) as Raw[];
      return toPage(rows.map(attemptFromRow), page);
    },
    async listEndpointEvents(scope, appId, endpointId, from, limit) {
      const where = scoped(scope, appId, 'd')
        .add('d.endpoint_id = ?', endpointId)
        .add('m.purged_at IS NULL')
        .addIf(from.after, 'd.id > ?')
        .addIf(from.since, 'd.created_at >= ?');
      const rows = db
        .prepare(
          `SELECT d.id, d.app_id, d.message_id, d.endpoint_id, m.event_type, d.status, d.attempt_count, d.next_attempt_at, d.last_attempt_at,
             d.last_status_code, d.last_error, d.created_at, d.updated_at, m.event_id, m.payload, m.purged_at, m.record_id, m.record_format,
             m.created_at AS message_created_at
           FROM deliveries d JOIN messages m ON m.id = d.message_id ${where} ORDER BY d.id LIMIT ?`,
        )
        .all(...where.params, limit) as (DeliveryRow & Pick<MessageRow, 'event_id' | 'payload' | 'purged_at' | 'record_id' | 'record_format'> & { message_created_at: number })[];
      return rows.map(({ event_id, payload, purged_at, record_id, record_format, message_created_at, ...delivery }) => ({
        delivery,
        message: { id: delivery.message_id, app_id: delivery.app_id, event_type: delivery.event_type, event_id, payload, purged_at, record_id, record_format, created_at: message_created_at },
      }));
    },
    async resend(scope, appId, messageId, endpointId, now, newId) {
      return db.transaction(() => {
        const existing = db
          .prepare('SELECT id, status FROM deliveries WHERE tenant_id = ? AND environment = ? AND message_id = ? AND endpoint_id = ?')
          .get(scope.tenant_id, scope.environment, messageId, endpointId) as { id: string; status: string } | undefined;
        if (existing?.status === 'delivering') return 'in_flight' as const;
        if (existing) {
          requeue.run(now, now, existing.id);
          return getDeliveryRow(scope, appId, existing.id)!;
        }
        db.prepare(
          `INSERT INTO deliveries (id, tenant_id, environment, app_id, message_id, endpoint_id, status, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
        ).run(newId, scope.tenant_id, scope.environment, appId, messageId, endpointId, now, now, now);
        return getDeliveryRow(scope, appId, newId)!;
      }).immediate();
    },
    async retryNow(scope, appId, deliveryId, now) {
      return db.transaction(() => {
        const row = getDeliveryRow(scope, appId, deliveryId);
        if (!row) return null;
        if (row.status === 'delivering') return 'in_flight' as const;
        if (row.status === 'succeeded') return 'succeeded' as const;
        if (row.status === 'discarded') return 'discarded' as const;
        requeue.run(now, now, deliveryId);
        return getDeliveryRow(scope, appId, deliveryId);
      }).immediate();
    },
    async recoverFailed(scope, appId, endpointId, since, until, now) {
      return db
        .prepare(
          `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, updated_at = ?
           WHERE tenant_id = ? AND environment = ? AND app_id = ? AND endpoint_id = ? AND status = 'failed' AND created_at >= ? AND created_at < ?`,
        )
        .run(now, now, scope.tenant_id, scope.environment, appId, endpointId, since, until).changes;
    },
  };
}
