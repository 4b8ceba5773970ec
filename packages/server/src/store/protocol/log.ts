import type { StoredHeaders } from '../../delivery/header-policy.js';
import type { AttemptRow, DeliveryRow, DeliveryStatus, LogFilter, MessageRow, PageQuery, Scope, Store } from '../types.js';
import type { Dialect } from '../sql/dialect.js';
import type { Sql } from '../sql/executor.js';
import { json, pageOrder, toPage, Where } from '../sql/query.js';

type LogOps = Pick<Store, 'listMessages' | 'getMessage' | 'listDeliveries' | 'getDelivery' | 'listAttempts' | 'countDeliveries' | 'listEndpointEvents'>;

export const MESSAGE_COLUMNS = 'id, app_id, event_type, event_id, payload, purged_at, record_id, record_format, channels, headers, ordering_key, created_at';

export const messageFromRow = (r: Record<string, unknown>): MessageRow => ({
  ...(r as unknown as MessageRow),
  channels: json.parse<string[]>(r.channels as string | null),
  headers: json.parse<StoredHeaders>(r.headers as string | null),
});
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

/** How many of an application's newest deliveries a text search looks through: a scan, so bounded. */
export const SEARCH_WINDOW = 10_000;

/** `text` as a LIKE pattern matching itself literally (with ESCAPE '\\'). */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Searches (a type prefix, payload text) scan rows: they look only at the application's newest
 * SEARCH_WINDOW deliveries, found through the (app_id, id) index, so a search costs the same on
 * a year of history as on a day.
 */
function applySearch(where: Where, filter: LogFilter, appId: string): Where {
  if (filter.event_type_prefix === undefined && filter.payload_contains === undefined) return where;
  where.add(`d.id >= COALESCE((SELECT w.id FROM deliveries w WHERE w.app_id = ? ORDER BY w.id DESC LIMIT 1 OFFSET ${SEARCH_WINDOW - 1}), '')`, appId);
  if (filter.event_type_prefix !== undefined) where.add(`m.event_type LIKE ? ESCAPE '\\'`, `${literal(filter.event_type_prefix)}%`);
  if (filter.payload_contains !== undefined) where.add(`LOWER(m.payload) LIKE ? ESCAPE '\\'`, `%${literal(filter.payload_contains.toLowerCase())}%`);
  return where;
}

function applyFilter(where: Where, filter: LogFilter, alias: string, eventTypeColumn: string, dialect: Dialect): Where {
  return where
    .addAnyOf(filter.event_types, eventTypeColumn, dialect)
    .addIf(filter.status, `${alias}.status = ?`)
    .addIf(filter.endpoint_id, `${alias}.endpoint_id = ?`)
    .addIf(filter.message_id, `${alias}.message_id = ?`)
    .addIf(filter.event_type, `${eventTypeColumn} = ?`)
    .addIf(filter.since, `${alias}.created_at >= ?`)
    .addIf(filter.until, `${alias}.created_at < ?`);
}

function messageListWhere(dialect: Dialect, scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Where {
  return new Where()
    .add('tenant_id = ?', scope.tenant_id)
    .add('environment = ?', scope.environment)
    .add('app_id = ?', appId)
    .add('purged_at IS NULL')
    .addIf(filter.event_type, 'event_type = ?')
    .addAnyOf(filter.event_types, 'event_type', dialect)
    .addIf(filter.channel, dialect.jsonArrayHas('channels'))
    .addIf(filter.since, 'created_at >= ?')
    .addIf(filter.until, 'created_at < ?')
    .cursor(page);
}

/** A tenant's delivery log: messages, deliveries and attempts, newest first. */
export async function deliveryRow(sql: Sql, scope: Scope, appId: string, id: string): Promise<DeliveryRow | null> {
  const where = scoped(scope, appId, 'd').add('d.id = ?', id);
  return (await sql.get<DeliveryRow>(`${DELIVERY_SELECT} ${where}`, where.params)) ?? null;
}

export function logOps(sql: Sql): LogOps {
  return {
    async listMessages(scope, appId, filter, page) {
      const where = messageListWhere(sql.dialect, scope, appId, filter, page);
      return toPage((await sql.all(`SELECT ${MESSAGE_COLUMNS} FROM messages ${where} ORDER BY id ${pageOrder(page)} LIMIT ?`, [...where.params, page.limit + 1])).map(messageFromRow), page);
    },
    async getMessage(scope, appId, id) {
      const row = await sql.get(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE tenant_id = ? AND environment = ? AND app_id = ? AND (id = ? OR event_id = ?)`, [
        scope.tenant_id, scope.environment, appId, id, id,
      ]);
      return row ? messageFromRow(row) : null;
    },
    async listDeliveries(scope, appId, filter, page) {
      const where = applySearch(applyFilter(scoped(scope, appId, 'd'), filter, 'd', 'm.event_type', sql.dialect), filter, appId).cursor(page, 'd.id');
      return toPage(await sql.all<DeliveryRow>(`${DELIVERY_SELECT} ${where} ORDER BY d.id ${pageOrder(page)} LIMIT ?`, [...where.params, page.limit + 1]), page);
    },
    getDelivery: (scope, appId, id) => deliveryRow(sql, scope, appId, id),
    async countDeliveries(scope, appId, filter) {
      const where = applyFilter(scoped(scope, appId, 'd'), filter, 'd', 'm.event_type', sql.dialect);
      const rows = await sql.all<{ status: DeliveryStatus; n: number | string }>(
        `SELECT d.status, COUNT(*) AS n FROM deliveries d JOIN messages m ON m.id = d.message_id ${where} GROUP BY d.status`,
        where.params,
      );
      const counts: Record<DeliveryStatus, number> = { pending: 0, delivering: 0, succeeded: 0, failed: 0, discarded: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },
    async listAttempts(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'a'), filter, 'a', 'a.event_type', sql.dialect).addIf(filter.delivery_id, 'a.delivery_id = ?').addIf(filter.attempt_id, 'a.id = ?').cursor(page, 'a.id');
      const rows = await sql.all(`SELECT a.* FROM attempts a ${where} ORDER BY a.id ${pageOrder(page)} LIMIT ?`, [...where.params, page.limit + 1]);
      return toPage(rows.map(attemptFromRow), page);
    },
    async listEndpointEvents(scope, appId, endpointId, from, limit) {
      const where = scoped(scope, appId, 'd').add('d.endpoint_id = ?', endpointId).add('m.purged_at IS NULL').addIf(from.after, 'd.id > ?').addIf(from.since, 'd.created_at >= ?');
      const rows = await sql.all<DeliveryRow & Pick<MessageRow, 'event_id' | 'payload' | 'purged_at' | 'record_id' | 'record_format'> & { channels: string | null; headers: string | null; ordering_key: string | null; message_created_at: number }>(
        `SELECT d.id, d.app_id, d.message_id, d.endpoint_id, m.event_type, d.status, d.attempt_count, d.next_attempt_at, d.last_attempt_at,
           d.last_status_code, d.last_error, d.created_at, d.updated_at, m.event_id, m.payload, m.purged_at, m.record_id, m.record_format,
           m.channels, m.headers, m.ordering_key, m.created_at AS message_created_at
         FROM deliveries d JOIN messages m ON m.id = d.message_id ${where} ORDER BY d.id LIMIT ?`,
        [...where.params, limit],
      );
      return rows.map(({ event_id, payload, purged_at, record_id, record_format, channels, headers, ordering_key, message_created_at, ...delivery }) => ({
        delivery,
        message: {
          id: delivery.message_id, app_id: delivery.app_id, event_type: delivery.event_type, event_id, payload, purged_at, record_id, record_format,
          channels: json.parse<string[]>(channels), headers: json.parse<StoredHeaders>(headers), ordering_key, created_at: message_created_at,
        },
      }));
    },
  };
}
