import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { deliveryRow } from './log.js';
import { linePlace } from './publish-rows.js';

type ReplayOps = Pick<Store, 'resend' | 'retryNow' | 'recoverFailed'>;

const REQUEUE = `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
  WHERE id = ?`;

/**
 * A resend at an ordered endpoint joins the back of its line (a new place, minted now), so what is
 * waiting keeps its order; a retry keeps the delivery's place.
 */
const RESEND = `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?,
  ordering_seq = CASE WHEN ordering_seq IS NULL THEN NULL ELSE ? END
  WHERE id = ?`;

/** Sending again what was sent (or given up on): the delivery is due now with a fresh retry budget. */
export function replayOps(sql: Sql): ReplayOps {
  return {
    async resend(scope, appId, messageId, endpointId, now, newId) {
      const id = await sql.tx(async (q) => {
        const existing = await q.get<{ id: string; status: string }>(
          `SELECT id, status FROM deliveries WHERE tenant_id = ? AND environment = ? AND message_id = ? AND endpoint_id = ?${q.dialect.forUpdate}`,
          [scope.tenant_id, scope.environment, messageId, endpointId],
        );
        if (existing?.status === 'delivering') return 'in_flight' as const;
        if (existing) {
          await q.run(RESEND, [now, now, linePlace(newId), existing.id]);
          return existing.id;
        }
        // From the message row, locked: nothing else holds a delivery to its message (on
        // PostgreSQL no foreign key does), so a message deleted meanwhile gets no delivery.
        const inserted = await q.run(
          `INSERT INTO deliveries (id, tenant_id, environment, app_id, message_id, endpoint_id, status, next_attempt_at, created_at, updated_at, ordering_key, ordering_seq)
           SELECT ?, tenant_id, environment, app_id, id, ?, 'pending', ?, ?, ?, COALESCE(ordering_key, ''),
             CASE WHEN (SELECT ordering FROM endpoints WHERE id = ?) = 'fifo' THEN ? END FROM (
             SELECT tenant_id, environment, app_id, id, ordering_key FROM messages WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?${q.dialect.forUpdate}
           ) AS m`,
          [newId, endpointId, now, now, now, endpointId, linePlace(newId), scope.tenant_id, scope.environment, appId, messageId],
        );
        return inserted ? newId : null;
      });
      if (id === null || id === 'in_flight') return id;
      sql.workDue();
      return (await deliveryRow(sql, scope, appId, id))!;
    },
    async retryNow(scope, appId, deliveryId, now) {
      const outcome = await sql.tx(async (q) => {
        const row = await q.get<{ status: string }>(`SELECT status FROM deliveries WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?${q.dialect.forUpdate}`, [
          scope.tenant_id, scope.environment, appId, deliveryId,
        ]);
        if (!row) return null;
        if (row.status === 'delivering') return 'in_flight' as const;
        if (row.status === 'succeeded') return 'succeeded' as const;
        if (row.status === 'discarded') return 'discarded' as const;
        await q.run(REQUEUE, [now, now, deliveryId]);
        return 'requeued' as const;
      });
      if (outcome !== 'requeued') return outcome;
      sql.workDue();
      return deliveryRow(sql, scope, appId, deliveryId);
    },
    async recoverFailed(scope, appId, endpointId, since, until, now) {
      const n = await sql.run(
        `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, schedule_index = 0, updated_at = ?
         WHERE tenant_id = ? AND environment = ? AND app_id = ? AND endpoint_id = ? AND status = 'failed' AND created_at >= ? AND created_at < ?`,
        [now, now, scope.tenant_id, scope.environment, appId, endpointId, since, until],
      );
      if (n) sql.workDue();
      return n;
    },
  };
}
