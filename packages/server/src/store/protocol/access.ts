import type { PortalLinkRow, SessionFilter, SessionRow, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { after, toPage } from '../sql/query.js';

type AccessOps = Pick<
  Store,
  | 'getTenantLimits' | 'putTenantLimits' | 'createSession' | 'getLiveSession' | 'revokeSessions'
  | 'createPortalLink' | 'getLivePortalLink' | 'listPortalLinks' | 'revokePortalLinks'
>;

const SESSION_COLUMNS = 'id, kind, tenant_id, portal_link_id, created_at, expires_at, revoked_at';
const LINK_COLUMNS = 'id, tenant_id, environment, app_id, read_only, created_at, expires_at, revoked_at';
type LinkRaw = Omit<PortalLinkRow, 'read_only'> & { read_only: number };
const linkFromRow = (r: LinkRaw): PortalLinkRow => ({ ...r, read_only: r.read_only === 1 });

/** The column and value a session filter matches on. */
function sessionFilterClause(filter: SessionFilter): [string, string] {
  if ('id' in filter) return ['id = ?', filter.id];
  if ('kind' in filter) return ['kind = ?', filter.kind];
  if ('tenant_id' in filter) return ['tenant_id = ?', filter.tenant_id];
  return ['portal_link_id = ?', filter.portal_link_id];
}

/** Who may act: tenant limit overrides, browser sessions and portal links. */
export function accessOps(sql: Sql): AccessOps {
  return {
    async getTenantLimits(tenantId) {
      const row = await sql.get<{ limits: string }>('SELECT limits FROM tenant_limits WHERE tenant_id = ?', [tenantId]);
      return row ? (JSON.parse(row.limits) as Record<string, number>) : {};
    },
    async putTenantLimits(tenantId, limits, now) {
      await sql.run(
        `INSERT INTO tenant_limits (tenant_id, limits, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET limits = excluded.limits, updated_at = excluded.updated_at`,
        [tenantId, JSON.stringify(limits), now],
      );
    },
    async createSession(s) {
      await sql.run(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [s.id, s.kind, s.tenant_id, s.portal_link_id, s.created_at, s.expires_at, s.revoked_at]);
    },
    async getLiveSession(id, now) {
      return (await sql.get<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`, [id, now])) ?? null;
    },
    async revokeSessions(filter, now) {
      const [clause, value] = sessionFilterClause(filter);
      return sql.run(`UPDATE sessions SET revoked_at = ? WHERE ${clause} AND revoked_at IS NULL AND expires_at > ?`, [now, value, now]);
    },
    async createPortalLink(l) {
      await sql.run(`INSERT INTO portal_links (${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        l.id, l.tenant_id, l.environment, l.app_id, l.read_only ? 1 : 0, l.created_at, l.expires_at, l.revoked_at,
      ]);
    },
    async getLivePortalLink(id, now) {
      const row = await sql.get<LinkRaw>(`SELECT ${LINK_COLUMNS} FROM portal_links WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`, [id, now]);
      return row ? linkFromRow(row) : null;
    },
    async listPortalLinks(scope, appId, page, now) {
      const next = after(page);
      const rows = await sql.all<LinkRaw>(
        `SELECT ${LINK_COLUMNS} FROM portal_links WHERE tenant_id = ? AND environment = ? AND app_id = ? AND expires_at > ? ${next.clause} ORDER BY id ${next.order} LIMIT ?`,
        [scope.tenant_id, scope.environment, appId, now, ...next.params, page.limit + 1],
      );
      return toPage(rows.map(linkFromRow), page);
    },
    async revokePortalLinks(scope, appId, id, now) {
      return sql.tx(async (q) => {
        const revoked = await q.all<{ id: string }>(
          `UPDATE portal_links SET revoked_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND revoked_at IS NULL AND expires_at > ? ${id ? 'AND id = ?' : ''} RETURNING id`,
          [now, scope.tenant_id, scope.environment, appId, now, ...(id ? [id] : [])],
        );
        if (revoked.length) {
          await q.run(`UPDATE sessions SET revoked_at = ? WHERE portal_link_id ${q.dialect.inList()} AND revoked_at IS NULL`, [now, q.dialect.list(revoked.map((r) => r.id))]);
        }
        return revoked.length;
      });
    },
  };
}
