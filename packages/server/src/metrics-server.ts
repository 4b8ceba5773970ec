import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/**
 * /metrics on its own address (HERALD_METRICS_ADDR, host:port): reachable only where the
 * operator binds it (a private interface, a sidecar), so it needs no token and the API port
 * serves none.
 */
export async function serveMetrics(addr: string, metrics: Metrics, logger: Logger): Promise<{ url: string; close(): Promise<void> }> {
  const match = addr.match(/^(.*):(\d+)$/);
  if (!match) throw new Error(`HERALD_METRICS_ADDR must be host:port, got "${addr}"`);
  const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/problem+json; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(JSON.stringify({ type: 'https://herald.dev/problems/not-found', title: 'Not Found', status: 404, detail: 'This address serves GET /metrics only' }));
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'x-content-type-options': 'nosniff' });
        res.end(text);
      },
      (err: unknown) => {
        logger.error({ err }, 'metrics scrape failed');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(match[2]), host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
