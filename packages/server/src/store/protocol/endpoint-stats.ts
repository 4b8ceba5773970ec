import type { EndpointStats, Scope, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';

/** The latencies a median is taken over, per endpoint: the newest attempts of the window. */
export const LATENCY_SAMPLE = 1000;

/**
 * Each endpoint's attempts since `since`: counts, the median latency of the newest
 * LATENCY_SAMPLE and the last failure, all read through the (endpoint_id, created_at) index.
 */
export function endpointStatsOps(sql: Sql): Pick<Store, 'endpointStats'> {
  return {
    async endpointStats(scope: Scope, appId: string, endpointIds: string[], since: number): Promise<EndpointStats[]> {
      const out: EndpointStats[] = [];
      for (const id of endpointIds) {
        const scoped = 'endpoint_id = ? AND tenant_id = ? AND environment = ? AND app_id = ? AND created_at >= ?';
        const params = [id, scope.tenant_id, scope.environment, appId, since];
        const counts = await sql.get<{ attempts: number | string; succeeded: number | string | null }>(
          `SELECT COUNT(*) AS attempts, SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded FROM attempts WHERE ${scoped}`,
          params,
        );
        const attempts = Number(counts?.attempts ?? 0);
        const latencies = (await sql.all<{ duration_ms: number }>(`SELECT duration_ms FROM attempts WHERE ${scoped} ORDER BY created_at DESC LIMIT ${LATENCY_SAMPLE}`, params))
          .map((r) => Number(r.duration_ms))
          .sort((a, b) => a - b);
        const lastError = await sql.get<{ created_at: number; error_class: string | null; response_status: number | null; error_message: string | null }>(
          `SELECT created_at, error_class, response_status, error_message FROM attempts WHERE ${scoped} AND status = 'failed' ORDER BY created_at DESC LIMIT 1`,
          params,
        );
        out.push({
          endpoint_id: id,
          attempts,
          succeeded: Number(counts?.succeeded ?? 0),
          p50_latency_ms: latencies.length ? latencies[Math.floor((latencies.length - 1) / 2)]! : null,
          last_error: lastError ? { ...lastError, created_at: Number(lastError.created_at) } : null,
        });
      }
      return out;
    },
  };
}
