import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';

const DAY_MS = 24 * 3600 * 1000;

/** Retention, in bounded batches: old messages' payloads, deliveries and attempts; expired keys, secrets, sessions and links; old records. */
export function retentionOps(sql: Sql): Pick<Store, 'purgeExpired' | 'purgeRecords'> {
  return {
    async purgeExpired(cutoff, now, batch) {
      return sql.tx(async (q) => {
        const ids = (
          await q.all<{ id: string }>(
            `SELECT id FROM messages m WHERE purged_at IS NULL AND created_at < ?
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.status IN ('pending', 'delivering'))
             ORDER BY created_at LIMIT ?${q.dialect.skipLocked}`,
            [cutoff, batch],
          )
        ).map((r) => r.id);
        if (ids.length) {
          const list = q.dialect.list(ids);
          await q.run(`DELETE FROM attempts WHERE message_id ${q.dialect.inList()}`, [list]);
          await q.run(`DELETE FROM deliveries WHERE message_id ${q.dialect.inList()}`, [list]);
          await q.run(`UPDATE messages SET payload = NULL, purged_at = ? WHERE id ${q.dialect.inList()}`, [now, list]);
        }
        await q.run('DELETE FROM idempotency_keys WHERE (tenant_id, environment, key) IN (SELECT tenant_id, environment, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)', [now - DAY_MS, batch]);
        await q.run('DELETE FROM endpoint_secrets WHERE id IN (SELECT id FROM endpoint_secrets WHERE expires_at IS NOT NULL AND expires_at < ? LIMIT ?)', [now, batch]);
        await q.run('DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ? LIMIT ?)', [now - DAY_MS, batch]);
        await q.run('DELETE FROM portal_links WHERE id IN (SELECT id FROM portal_links WHERE expires_at < ? LIMIT ?)', [now - DAY_MS, batch]);
        // Shared rate-limit windows exist only where several processes count (counters.ts).
        if (!q.dialect.singleWriter) await q.run('DELETE FROM rate_counters WHERE window_start < ?', [now - 3600 * 1000]);
        return ids.length;
      });
    },
    async purgeRecords(cutoff, now, batch) {
      const rows = await sql.all<{ id: string }>(
        `UPDATE records SET purged_at = ? WHERE id IN (SELECT id FROM records WHERE purged_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?${sql.dialect.skipLocked}) RETURNING id`,
        [now, cutoff, batch],
      );
      return rows.map((r) => r.id);
    },
  };
}
