import type { Api } from './context.js';

/**
 * The API reference at /docs: Scalar's renderer (copied into the dashboard build from the
 * @scalar/api-reference package, so no CDN is involved) reading this server's live OpenAPI
 * document. Its CSP allows only this origin: no fonts, proxies or telemetry from elsewhere.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Herald API reference</title>
</head>
<body>
  <script id="api-reference" data-url="/api/v1/openapi.json" data-configuration='${JSON.stringify({ withDefaultFonts: false, hideClientButton: true, showDeveloperTools: 'never', agent: { disabled: true }, telemetry: false, metaData: { title: 'Herald API reference' } })}'></script>
  <script src="/docs/api-reference.js"></script>
</body>
</html>
`;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

export function docsRoutes(app: Api): void {
  app.get('/docs', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(PAGE),
  );
  // Where people look for it first.
  for (const alias of ['/redoc', '/reference', '/api/v1/docs']) app.get(alias, { schema: { hide: true } }, async (_req, reply) => reply.redirect('/docs', 301));
}
