/**
 * What a customer-portal token may reach: this table and nothing else (any other route answers
 * 404, as if absent). Every `:app` must be the link's own application id. A read-only link gets
 * the `read` rows only. Publishing, records, webhook keys, settings, portal links and the
 * application's own settings are never in it.
 */
export const PORTAL_SCOPE: readonly { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; route: string; access: 'read' | 'write' }[] = [
  { method: 'GET', route: '/api/v1/app/:app', access: 'read' },
  { method: 'GET', route: '/api/v1/event-type', access: 'read' },
  { method: 'GET', route: '/api/v1/event-type/:name', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/endpoint', access: 'read' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint', access: 'write' },
  { method: 'GET', route: '/api/v1/app/:app/endpoint/:endpoint', access: 'read' },
  { method: 'PATCH', route: '/api/v1/app/:app/endpoint/:endpoint', access: 'write' },
  { method: 'DELETE', route: '/api/v1/app/:app/endpoint/:endpoint', access: 'write' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint/:endpoint/secret/rotate', access: 'write' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint/:endpoint/verify', access: 'write' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint/:endpoint/send-example', access: 'write' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint/:endpoint/recover', access: 'write' },
  { method: 'POST', route: '/api/v1/app/:app/endpoint/:endpoint/transformation/apply', access: 'write' },
  { method: 'GET', route: '/api/v1/app/:app/endpoint/:endpoint/events', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/msg', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/msg/:msg', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/msg/:msg/delivery', access: 'read' },
  { method: 'POST', route: '/api/v1/app/:app/msg/:msg/endpoint/:endpoint/resend', access: 'write' },
  { method: 'GET', route: '/api/v1/app/:app/delivery', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/delivery/:delivery', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/delivery/:delivery/attempt', access: 'read' },
  { method: 'POST', route: '/api/v1/app/:app/delivery/:delivery/retry', access: 'write' },
  { method: 'GET', route: '/api/v1/app/:app/attempt', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/endpoint-health', access: 'read' },
  { method: 'GET', route: '/api/v1/app/:app/stream', access: 'read' },
];

const byKey = new Map(PORTAL_SCOPE.map((r) => [`${r.method} ${r.route}`, r]));

/** Whether a portal session for `appId` may call this route (HEAD is GET's). */
export function portalMayCall(method: string, route: string | undefined, params: unknown, grant: { app_id: string; read_only: boolean }): boolean {
  const row = byKey.get(`${method === 'HEAD' ? 'GET' : method} ${route}`);
  if (!row || (grant.read_only && row.access !== 'read')) return false;
  const app = (params as { app?: unknown } | undefined)?.app;
  return !route!.includes(':app') || app === grant.app_id;
}
