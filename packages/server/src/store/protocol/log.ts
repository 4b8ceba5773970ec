import type { AttemptRow, DeliveryRow, LogFilter, MessageRow, PageQuery, Scope, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { json, toPage, Where } from '../sql/query.js';

type LogOps = Pick<Store, 'listMessages' | 'getMessage' | 'listDeliveries' | 'getDelivery' | 'listAttempts' | 'listEndpointEvents'>;

export const MESSAGE_COLUMNS = 'id, app_id, event_type, event_id, payload, purged_at, record_id, record_format, created_at';
const DELIVERY_SELECT = `SELECT d.id, d.app_id, d.message_id, d.endpoint_id, m.event_type, d.status, d.attempt_count, d.next_attempt_at,
  d.last_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at
  FROM deliveries d JOIN messages m ON m.id = d.message_id`;

const attemptFromRow = (r: Record<string, unknown>): AttemptRow => ({
  ...(r as unknown as AttemptRow),
  request_headers: json.parse<Record<string, string>>(r.request_headers as string) ?? {},
  response_headers: json.parse<Record<string, string>>(r.response_headers as string | null),
});

function scoped(scope: Scope, appId: string, alias: string): Where {
  return new Where().add(`${alias}.tenant_id = ?`, scope.tenant_id).add(`${alias}.environment = ?`, scope.environment).add(`${alias}.app_id = ?`, appId);
}

function applyFilter(where: Where, filter: LogFilter, alias: string, eventTypeColumn: string): Where {
  return where
    .addIf(filter.status, `${alias}.status = ?`)
    .addIf(filter.endpoint_id, `${alias}.endpoint_id = ?`)
    .addIf(filter.message_id, `${alias}.message_id = ?`)
    .addIf(filter.event_type, `${eventTypeColumn} = ?`)
    .addIf(filter.since, `${alias}.created_at >= ?`)
    .addIf(filter.until, `${alias}.created_at < ?`);
}

function messageListWhere(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Where {
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

/** A tenant's delivery log: messages, deliveries and attempts, newest first. */
export async function deliveryRow(sql: Sql, scope: Scope, appId: string, id: string): Promise<DeliveryRow | null> {
  const where = scoped(scope, appId, 'd').add('d.id = ?', id);
  return (await sql.get<DeliveryRow>(`${DELIVERY_SELECT} ${where}`, where.params)) ?? null;
}

export function logOps(sql: Sql): LogOps {
  return {
    async listMessages(scope, appId, filter, page) {
      const where = messageListWhere(scope, appId, filter, page);
      return toPage(await sql.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages ${where} ORDER BY id DESC LIMIT ?`, [...where.params, page.limit + 1]), page);
    },
    async getMessage(scope, appId, id) {
      const row = await sql.get<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE tenant_id = ? AND environment = ? AND app_id = ? AND (id = ? OR event_id = ?)`, [
        scope.tenant_id, scope.environment, appId, id, id,
      ]);
      return row ?? null;
    },
    async listDeliveries(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'd'), filter, 'd', 'm.event_type').addIf(page.iterator, 'd.id < ?');
      return toPage(await sql.all<DeliveryRow>(`${DELIVERY_SELECT} ${where} ORDER BY d.id DESC LIMIT ?`, [...where.params, page.limit + 1]), page);
    },
    getDelivery: (scope, appId, id) => deliveryRow(sql, scope, appId, id),
    async listAttempts(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'a'), filter, 'a', 'a.event_type').addIf(filter.delivery_id, 'a.delivery_id = ?').addIf(page.iterator, 'a.id < ?');
      const rows = await sql.all(`SELECT a.* FROM attempts a ${where} ORDER BY a.id DESC LIMIT ?`, [...where.params, page.limit + 1]);
      return toPage(rows.map(attemptFromRow), page);
    },
    async listEndpointEvents(scope, appId, endpointId, from, limit) {
      const where = scoped(scope, appId, 'd').add('d.endpoint_id = ?', endpointId).add('m.purged_at IS NULL').addIf(from.after, 'd.id > ?').addIf(from.since, 'd.created_at >= ?');
      const rows = await sql.all<DeliveryRow & Pick<MessageRow, 'event_id' | 'payload' | 'purged_at' | 'record_id' | 'record_format'> & { message_created_at: number }>(
        `SELECT d.id, d.app_id, d.message_id, d.endpoint_id, m.event_type, d.status, d.attempt_count, d.next_attempt_at, d.last_attempt_at,
           d.last_status_code, d.last_error, d.created_at, d.updated_at, m.event_id, m.payload, m.purged_at, m.record_id, m.record_format,
           m.created_at AS message_created_at
         FROM deliveries d JOIN messages m ON m.id = d.message_id ${where} ORDER BY d.id LIMIT ?`,
        [...where.params, limit],
      );
      return rows.map(({ event_id, payload, purged_at, record_id, record_format, message_created_at, ...delivery }) => ({
        delivery,
        message: { id: delivery.message_id, app_id: delivery.app_id, event_type: delivery.event_type, event_id, payload, purged_at, record_id, record_format, created_at: message_created_at },
      }));
    },
  };
}
