import type { LeaseDue } from './claim.js';
import type { DueRow } from './claimed.js';

/**
 * SQLite: read each endpoint's due rows, then lease each by rowid: half the time of one UPDATE …
 * WHERE rowid IN (SELECT … LIMIT ?) RETURNING … (which builds an ephemeral table per statement).
 * The claim's transaction holds the database, so nothing writes between the read and the updates.
 */
export const leaseDueSqlite: LeaseDue = async (q, grants, { now, owner, leaseGraceMs }) => {
  const leased: DueRow[] = [];
  for (const g of grants) {
    const due = await q.all<DueRow & { row: number }>(
      `SELECT rowid AS row, id, tenant_id, environment, app_id, message_id, endpoint_id, attempt_count, schedule_index
       FROM deliveries WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
      [g.endpoint_id, now, g.take],
    );
    const expiresAt = now + g.timeout_ms + leaseGraceMs;
    for (const d of due) {
      await q.run("UPDATE deliveries SET status = 'delivering', lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE rowid = ?", [owner, expiresAt, now, d.row]);
      leased.push(d);
    }
  }
  return leased;
};
