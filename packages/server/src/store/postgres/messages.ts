import { isUniqueViolation } from '../../errors.js';
import { toPage } from '../sqlite/db.js';
import { applyFilter, attemptFromRow, DELIVERY_SELECT, scoped } from '../sqlite/log.js';
import { MESSAGE_COLUMNS, messageListWhere } from '../sqlite/messages.js';
import type { DeliveryRow, MessageRow, PublishResult, Store } from '../types.js';
import type { PgDb } from './db.js';

type MessageOps = Pick<
  Store,
  'publish' | 'listMessages' | 'getMessage' | 'listDeliveries' | 'getDelivery' | 'listAttempts' | 'listEndpointEvents' | 'resend' | 'retryNow' | 'recoverFailed'
>;

/**
 * Publishing under concurrency: the idempotency key (and the event id) are claimed by unique
 * constraints inside the transaction, so a racing duplicate waits for the first to commit and
 * then replays it instead of creating a second message.
 */
export function makePgMessageOps({ q, tx }: PgDb, notifyWork: () => void): MessageOps {
  const messageById = async (id: string) => (await q<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`, [id]))[0];

  async function publishOnce(scope: Parameters<Store['publish']>[0], input: Parameters<Store['publish']>[1]): Promise<PublishResult> {
    return tx(async (qq) => {
      if (input.idempotency) {
        const { key, request_hash, window_ms } = input.idempotency;
        await qq('DELETE FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ? AND created_at <= ?', [scope.tenant_id, scope.environment, key, input.now - window_ms]);
        const claimed = await qq(
          'INSERT INTO idempotency_keys (tenant_id, environment, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key',
          [scope.tenant_id, scope.environment, key, request_hash, input.id, input.now],
        );
        if (!claimed.length) {
          const [existing] = await qq<{ request_hash: string; message_id: string }>('SELECT request_hash, message_id FROM idempotency_keys WHERE tenant_id = ? AND environment = ? AND key = ?', [
            scope.tenant_id, scope.environment, key,
          ]);
          if (existing && existing.request_hash !== request_hash) return { kind: 'idempotency_mismatch' };
          const [original] = await qq<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`, [existing?.message_id]);
          if (original) return { kind: 'replayed', message: original };
        }
      }
      if (input.event_id) {
        const [original] = await qq<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
        if (original) return { kind: 'replayed', message: original };
      }
      await qq(
        'INSERT INTO messages (id, tenant_id, environment, app_id, event_type, event_id, payload, record_id, record_format, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [input.id, scope.tenant_id, scope.environment, input.app_id, input.event_type, input.event_id, input.payload, input.record?.id ?? null, input.record?.format ?? null, input.now],
      );
      const endpoints = await qq<{ id: string; filter_types: string | null }>("SELECT id, filter_types FROM endpoints WHERE app_id = ? AND status = 'enabled' AND deleted_at IS NULL", [input.app_id]);
      const targets = endpoints.filter((e) => e.filter_types === null || (JSON.parse(e.filter_types) as string[]).includes(input.event_type));
      if (targets.length) {
        // One multi-row insert per publish rather than a statement per endpoint.
        const ids = targets.map(() => input.newDeliveryId());
        await qq(
          `INSERT INTO deliveries (id, tenant_id, environment, app_id, message_id, endpoint_id, status, next_attempt_at, created_at, updated_at)
           SELECT d.id, ?, ?, ?, ?, d.endpoint_id, 'pending', ?, ?, ? FROM unnest(?::text[], ?::text[]) AS d(id, endpoint_id)`,
          [scope.tenant_id, scope.environment, input.app_id, input.id, input.now, input.now, input.now, ids, targets.map((t) => t.id)],
        );
      }
      const message: MessageRow = {
        id: input.id, app_id: input.app_id, event_type: input.event_type, event_id: input.event_id, payload: input.payload,
        purged_at: null, record_id: input.record?.id ?? null, record_format: input.record?.format ?? null, created_at: input.now,
      };
      return { kind: 'created', message, deliveries: targets.length };
    });
  }

  const deliveryRow = async (scope: Parameters<Store['getDelivery']>[0], appId: string, id: string) => {
    const where = scoped(scope, appId, 'd').add('d.id = ?', id);
    return (await q<DeliveryRow>(`${DELIVERY_SELECT} ${where}`, where.params))[0] ?? null;
  };
  const requeue = 'UPDATE deliveries SET status = \'pending\', next_attempt_at = ?, schedule_index = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE id = ?';

  return {
    async publish(scope, input) {
      try {
        const result = await publishOnce(scope, input);
        if (result.kind === 'created' && result.deliveries > 0) notifyWork();
        return result;
      } catch (err) {
        // A concurrent publish with the same event id committed first: replay it.
        if (isUniqueViolation(err) && input.event_id) {
          const [original] = await q<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE app_id = ? AND event_id = ?`, [input.app_id, input.event_id]);
          if (original) return { kind: 'replayed', message: original };
        }
        throw err;
      }
    },
    async listMessages(scope, appId, filter, page) {
      const where = messageListWhere(scope, appId, filter, page);
      return toPage(await q<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages ${where} ORDER BY id DESC LIMIT ?`, [...where.params, page.limit + 1]), page);
    },
    async getMessage(scope, appId, id) {
      const [row] = await q<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE tenant_id = ? AND environment = ? AND app_id = ? AND (id = ? OR event_id = ?)`, [
        scope.tenant_id, scope.environment, appId, id, id,
      ]);
      return row ?? null;
    },
    async listDeliveries(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'd'), filter, 'd', 'm.event_type').addIf(page.iterator, 'd.id < ?');
      return toPage(await q<DeliveryRow>(`${DELIVERY_SELECT} ${where} ORDER BY d.id DESC LIMIT ?`, [...where.params, page.limit + 1]), page);
    },
    getDelivery: deliveryRow,
    async listAttempts(scope, appId, filter, page) {
      const where = applyFilter(scoped(scope, appId, 'a'), filter, 'a', 'a.event_type').addIf(filter.delivery_id, 'a.delivery_id = ?').addIf(page.iterator, 'a.id < ?');
      const rows = await q(`SELECT a.* FROM attempts a ${where} ORDER BY a.id DESC LIMIT ?`, [...where.params, page.limit + 1]);
      return toPage(rows.map(attemptFromRow), page);
    },
    async listEndpointEvents(scope, appId, endpointId, from, limit) {
      const where = scoped(scope, appId, 'd').add('d.endpoint_id = ?', endpointId).add('m.purged_at IS NULL').addIf(from.after, 'd.id > ?').addIf(from.since, 'd.created_at >= ?');
      const rows = await q<DeliveryRow & Pick<MessageRow, 'event_id' | 'payload' | 'purged_at' | 'record_id' | 'record_format'> & { message_created_at: number }>(
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
    async resend(scope, appId, messageId, endpointId, now, newId) {
      const id = await tx(async (qq) => {
        const [existing] = await qq<{ id: string; status: string }>(
          'SELECT id, status FROM deliveries WHERE tenant_id = ? AND environment = ? AND message_id = ? AND endpoint_id = ? FOR UPDATE',
          [scope.tenant_id, scope.environment, messageId, endpointId],
        );
        if (existing?.status === 'delivering') return 'in_flight' as const;
        if (existing) {
          await qq(requeue, [now, now, existing.id]);
          return existing.id;
        }
        await qq(
          `INSERT INTO deliveries (id, tenant_id, environment, app_id, message_id, endpoint_id, status, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
          [newId, scope.tenant_id, scope.environment, appId, messageId, endpointId, now, now, now],
        );
        return newId;
      });
      if (id !== 'in_flight') notifyWork();
      return id === 'in_flight' ? id : (await deliveryRow(scope, appId, id))!;
    },
    async retryNow(scope, appId, deliveryId, now) {
      const outcome = await tx(async (qq) => {
        const [row] = await qq<{ status: string }>('SELECT status FROM deliveries WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? FOR UPDATE', [
          scope.tenant_id, scope.environment, appId, deliveryId,
        ]);
        if (!row) return null;
        if (row.status === 'delivering') return 'in_flight' as const;
        if (row.status === 'succeeded') return 'succeeded' as const;
        if (row.status === 'discarded') return 'discarded' as const;
        await qq(requeue, [now, now, deliveryId]);
        return 'requeued' as const;
      });
      if (outcome === 'requeued') notifyWork();
      return outcome === 'requeued' ? deliveryRow(scope, appId, deliveryId) : outcome;
    },
    async recoverFailed(scope, appId, endpointId, since, until, now) {
      const rows = await q(
        `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, updated_at = ?
         WHERE tenant_id = ? AND environment = ? AND app_id = ? AND endpoint_id = ? AND status = 'failed' AND created_at >= ? AND created_at < ? RETURNING id`,
        [now, now, scope.tenant_id, scope.environment, appId, endpointId, since, until],
      );
      if (rows.length) notifyWork();
      return rows.length;
    },
  };
}
