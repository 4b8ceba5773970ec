import type { Attempt, Delivery } from '@herald/webhooks/client';
import { api } from '../api';
import { ErrorNote, useLoad } from '../ui';

const COLORS: Record<string, string> = { succeeded: '#1f7a4d', failed: '#b42318', pending: '#8a6d00', delivering: '#2459b8', discarded: '#666' };

/** Bars where a person would rather look than read: outcomes, and success rate per endpoint. */
const SERIES = ['#2459b8', '#1f7a4d', '#b42318', '#8a6d00', '#6b3fa0', '#0f766e'];

/** What both time charts plot: the busiest endpoints (one series each) and the window's time span. */
function timeWindow(attempts: Attempt[]): { endpoints: string[]; t0: number; span: number } {
  const counts = new Map<string, number>();
  for (const a of attempts) counts.set(a.endpoint_id, (counts.get(a.endpoint_id) ?? 0) + 1);
  const endpoints = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, SERIES.length).map(([id]) => id);
  const times = attempts.map((a) => Date.parse(a.created_at));
  const t0 = Math.min(...times);
  return { endpoints, t0, span: Math.max(1, Math.max(...times) - t0) };
}

/** The time charts' axes: plot area x 40–310, y 10–110, labelled at its top and bottom. */
function ChartAxes({ top, bottom }: { top: string; bottom: string }) {
  return (
    <>
      <line x1="40" y1="110" x2="310" y2="110" stroke="#9aa4b2" />
      <line x1="40" y1="10" x2="40" y2="110" stroke="#9aa4b2" />
      <text x="36" y="14" fontSize="9" textAnchor="end">
        {top}
      </text>
      <text x="36" y="110" fontSize="9" textAnchor="end">
        {bottom}
      </text>
    </>
  );
}

/** Attempt latency over time, one series per endpoint (the six busiest in the window). */
function LatencyChart({ attempts }: { attempts: Attempt[] }) {
  if (!attempts.length) return <p className="muted">No attempts yet.</p>;
  const { endpoints, t0, span } = timeWindow(attempts);
  const maxMs = Math.max(1, ...attempts.map((a) => a.duration_ms));
  const x = (t: number) => 40 + (270 * (t - t0)) / span;
  const y = (ms: number) => 110 - (100 * ms) / maxMs;
  return (
    <figure>
      <svg role="img" aria-label="Attempt latency over time per endpoint" viewBox="0 0 320 130" className="chart">
        <ChartAxes top={`${maxMs} ms`} bottom="0" />
        {endpoints.map((id, i) => (
          <g key={id} fill={SERIES[i]}>
            {attempts
              .filter((a) => a.endpoint_id === id)
              .map((a) => (
                <circle key={a.id} cx={x(Date.parse(a.created_at))} cy={y(a.duration_ms)} r="2" opacity={a.status === 'failed' ? 0.5 : 1} />
              ))}
          </g>
        ))}
      </svg>
      <figcaption>
        {endpoints.map((id, i) => (
          <span key={id} className="legend">
            <span style={{ background: SERIES[i] }} aria-hidden="true" /> <span className="mono">{id}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Success rate per endpoint over time: the window's attempts in ten equal time buckets. */
function SuccessChart({ attempts }: { attempts: Attempt[] }) {
  if (!attempts.length) return null;
  const { endpoints, t0, span } = timeWindow(attempts);
  const BUCKETS = 10;
  const bucketOf = (t: number) => Math.min(BUCKETS - 1, Math.floor((BUCKETS * (t - t0)) / span));
  return (
    <figure>
      <svg role="img" aria-label="Success rate over time per endpoint" viewBox="0 0 320 130" className="chart">
        <ChartAxes top="100 %" bottom="0 %" />
        {endpoints.map((id, i) => {
          const ok = new Array<number>(BUCKETS).fill(0);
          const all = new Array<number>(BUCKETS).fill(0);
          for (const a of attempts) {
            if (a.endpoint_id !== id) continue;
            const b = bucketOf(Date.parse(a.created_at));
            all[b]!++;
            if (a.status === 'succeeded') ok[b]!++;
          }
          const points = all.flatMap((n, b) => (n ? [`${40 + (270 * (b + 0.5)) / BUCKETS},${110 - (100 * ok[b]!) / n}`] : []));
          return <polyline key={id} points={points.join(' ')} fill="none" stroke={SERIES[i]} strokeWidth="2" />;
        })}
      </svg>
    </figure>
  );
}

export function Overview({ app }: { app: string }) {
  const recent = useLoad(() => api.listDeliveries(app, { limit: 250 }), [app]);
  const attempts = useLoad(() => api.listAttemptsOfApp(app, { limit: 250 }), [app]);
  const deliveries: Delivery[] = recent.data?.data ?? [];
  const byStatus = new Map<string, number>();
  const byEndpoint = new Map<string, { ok: number; done: number }>();
  for (const d of deliveries) {
    byStatus.set(d.status, (byStatus.get(d.status) ?? 0) + 1);
    if (d.status === 'succeeded' || d.status === 'failed') {
      const e = byEndpoint.get(d.endpoint_id) ?? { ok: 0, done: 0 };
      e.done++;
      if (d.status === 'succeeded') e.ok++;
      byEndpoint.set(d.endpoint_id, e);
    }
  }
  const max = Math.max(1, ...byStatus.values());
  return (
    <section>
      <h3>Last {deliveries.length} deliveries</h3>
      <ErrorNote error={recent.error} />
      <figure>
        <svg role="img" aria-label="Deliveries by status" viewBox="0 0 320 135" className="chart">
          {[...byStatus.entries()].map(([status, n], i) => (
            <g key={status} transform={`translate(${10 + i * 62}, 0)`}>
              <rect x="0" y={110 - (85 * n) / max} width="44" height={(85 * n) / max} fill={COLORS[status] ?? '#444'} />
              <text x="22" y="124" textAnchor="middle" fontSize="10">
                {status}
              </text>
              <text x="22" y={106 - (85 * n) / max} textAnchor="middle" fontSize="10">
                {n}
              </text>
            </g>
          ))}
        </svg>
        <figcaption>Queue and outcomes: pending and delivering are the queue depth in this window.</figcaption>
      </figure>
      <h4>Attempt latency</h4>
      <ErrorNote error={attempts.error} />
      <LatencyChart attempts={attempts.data?.data ?? []} />
      <h4>Success rate over time</h4>
      <SuccessChart attempts={attempts.data?.data ?? []} />
      <h4>Success rate per endpoint</h4>
      <table>
        <thead>
          <tr>
            <th>Endpoint</th>
            <th>Finished</th>
            <th>Success</th>
          </tr>
        </thead>
        <tbody>
          {[...byEndpoint.entries()].map(([id, e]) => (
            <tr key={id}>
              <td className="mono">{id}</td>
              <td>{e.done}</td>
              <td>
                <meter min={0} max={1} value={e.ok / e.done} aria-label={`success rate ${Math.round((100 * e.ok) / e.done)} %`} /> {Math.round((100 * e.ok) / e.done)} %
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
