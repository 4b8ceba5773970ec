import type { PortalLinkRow, SessionRow, Store } from '../types.js';
import { toPage } from '../sqlite/db.js';
import { linkFromRow, sessionFilterClause } from '../sqlite/security.js';
import type { PgDb } from './db.js';

type SecurityOps = Pick<
  Store,
  | 'getTenantLimits' | 'putTenantLimits' | 'createSession' | 'getLiveSession' | 'revokeSessions'
  | 'createPortalLink' | 'getLivePortalLink' | 'listPortalLinks' | 'revokePortalLinks' | 'addToCounters'
>;

const SESSION_COLUMNS = 'id, kind, tenant_id, portal_link_id, created_at, expires_at, revoked_at';
const LINK_COLUMNS = 'id, tenant_id, environment, app_id, read_only, created_at, expires_at, revoked_at';
type LinkRaw = Omit<PortalLinkRow, 'read_only'> & { read_only: number };

/** Tenant limit overrides, browser sessions, portal links and the shared rate-limit windows. */
export function makePgSecurityOps({ q, tx }: PgDb): SecurityOps {
  return {
    async getTenantLimits(tenantId) {
      const [row] = await q<{ limits: string }>('SELECT limits FROM tenant_limits WHERE tenant_id = ?', [tenantId]);
      return row ? (JSON.parse(row.limits) as Record<string, number>) : {};
    },
    async putTenantLimits(tenantId, limits, now) {
      await q(
        `INSERT INTO tenant_limits (tenant_id, limits, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET limits = excluded.limits, updated_at = excluded.updated_at`,
        [tenantId, JSON.stringify(limits), now],
      );
    },
    async createSession(s) {
      await q(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [s.id, s.kind, s.tenant_id, s.portal_link_id, s.created_at, s.expires_at, s.revoked_at]);
    },
    async getLiveSession(id, now) {
      return (await q<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`, [id, now]))[0] ?? null;
    },
    async revokeSessions(filter, now) {
      const [clause, value] = sessionFilterClause(filter);
      return (await q(`UPDATE sessions SET revoked_at = ? WHERE ${clause} AND revoked_at IS NULL AND expires_at > ? RETURNING id`, [now, value, now])).length;
    },
    async createPortalLink(l) {
      await q(`INSERT INTO portal_links (${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        l.id, l.tenant_id, l.environment, l.app_id, l.read_only ? 1 : 0, l.created_at, l.expires_at, l.revoked_at,
      ]);
    },
    async getLivePortalLink(id, now) {
      const [row] = await q<LinkRaw>(`SELECT ${LINK_COLUMNS} FROM portal_links WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`, [id, now]);
      return row ? linkFromRow(row) : null;
    },
    async listPortalLinks(scope, appId, page, now) {
      const rows = await q<LinkRaw>(
        `SELECT ${LINK_COLUMNS} FROM portal_links WHERE tenant_id = ? AND environment = ? AND app_id = ? AND expires_at > ? ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        [scope.tenant_id, scope.environment, appId, now, ...(page.iterator ? [page.iterator] : []), page.limit + 1],
      );
      return toPage(rows.map(linkFromRow), page);
    },
    async revokePortalLinks(scope, appId, id, now) {
      return tx(async (qq) => {
        const revoked = await qq<{ id: string }>(
          `UPDATE portal_links SET revoked_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND revoked_at IS NULL AND expires_at > ? ${id ? 'AND id = ?' : ''} RETURNING id`,
          [now, scope.tenant_id, scope.environment, appId, now, ...(id ? [id] : [])],
        );
        if (revoked.length) await qq('UPDATE sessions SET revoked_at = ? WHERE portal_link_id = ANY(?::text[]) AND revoked_at IS NULL', [now, revoked.map((r) => r.id)]);
        return revoked.length;
      });
    },
    async addToCounters(increments) {
      if (!increments.length) return [];
      // One statement for every key this process counted; sorted so two processes lock rows in the same order.
      const sorted = [...increments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.window_start - b.window_start));
      return q<{ key: string; window_start: number; count: number }>(
        `INSERT INTO rate_counters (key, window_start, count)
           SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[])
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + excluded.count
         RETURNING key, window_start, count`,
        [sorted.map((i) => i.key), sorted.map((i) => i.window_start), sorted.map((i) => i.n)],
      );
    },
  };
}
