import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';

/**
 * Shared rate-limit windows: each process adds what it counted and reads back the totals. Only
 * stores shared by several processes expose it; a single writer counts in memory (limits/counters.ts).
 */
export function counterOps(sql: Sql): Required<Pick<Store, 'addToCounters'>> {
  return {
    async addToCounters(increments) {
      if (!increments.length) return [];
      // Sorted, so two processes lock rows in the same order.
      const sorted = [...increments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.window_start - b.window_start));
      const rows = sql.dialect.rows([['key', 'TEXT'], ['window_start', 'BIGINT'], ['count', 'BIGINT']], sorted.map((i) => [i.key, i.window_start, i.n]));
      return sql.all<{ key: string; window_start: number; count: number }>(
        `INSERT INTO rate_counters (key, window_start, count) SELECT * FROM ${rows.sql} AS t WHERE true
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + excluded.count
         RETURNING key, window_start, count`,
        rows.params,
      );
    },
  };
}
