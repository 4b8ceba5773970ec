import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';

type LeaseOps = Pick<Store, 'extendLeases' | 'releaseExpiredLeases' | 'releaseAllLeases'>;

const RELEASE = "UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE status = 'delivering'";

/** Leases: kept while an attempt runs, taken back when their worker died. */
export function leaseOps(sql: Sql): LeaseOps {
  return {
    async extendLeases(owner, deliveryIds, until) {
      if (!deliveryIds.length) return 0;
      // Rows locked by the recorder's commit are skipped, not waited for: taking the same rows in
      // another order deadlocked the two, and PostgreSQL takes a second (deadlock_timeout) to say so.
      // A row the recorder is finishing needs no lease; if its commit fails, the next renewal takes it.
      return sql.run(
        `UPDATE deliveries SET lease_expires_at = ${sql.dialect.greatest}(lease_expires_at, ?) WHERE id IN (
           SELECT id FROM deliveries WHERE id ${sql.dialect.inList()} AND lease_owner = ? AND status = 'delivering'${sql.dialect.skipLocked})`,
        [until, sql.dialect.list(deliveryIds), owner],
      );
    },
    async releaseExpiredLeases(now) {
      const n = await sql.run(`${RELEASE} AND lease_expires_at <= ?`, [now, now]);
      if (n) sql.workDue();
      return n;
    },
    async releaseAllLeases(now) {
      // Only a single writer knows every lease is a dead run's; elsewhere other processes may be sending.
      return sql.dialect.singleWriter ? sql.run(RELEASE, [now]) : 0;
    },
  };
}
