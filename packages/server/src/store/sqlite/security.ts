import type { PortalLinkRow, SessionFilter, SessionRow, Store } from '../types.js';
import { toPage, type Db } from './db.js';

type SecurityOps = Pick<
  Store,
  'getTenantLimits' | 'putTenantLimits' | 'createSession' | 'getLiveSession' | 'revokeSessions' | 'createPortalLink' | 'getLivePortalLink' | 'listPortalLinks' | 'revokePortalLinks'
>;

const SESSION_COLUMNS = 'id, kind, tenant_id, portal_link_id, created_at, expires_at, revoked_at';
const LINK_COLUMNS = 'id, tenant_id, environment, app_id, read_only, created_at, expires_at, revoked_at';
type LinkRaw = Omit<PortalLinkRow, 'read_only'> & { read_only: number };
export const linkFromRow = (r: LinkRaw): PortalLinkRow => ({ ...r, read_only: r.read_only === 1 });

/** The column and value a session filter matches on (shared with the PostgreSQL store). */
export function sessionFilterClause(filter: SessionFilter): [string, string] {
  if ('id' in filter) return ['id = ?', filter.id];
  if ('kind' in filter) return ['kind = ?', filter.kind];
  if ('tenant_id' in filter) return ['tenant_id = ?', filter.tenant_id];
  return ['portal_link_id = ?', filter.portal_link_id];
}

/** Tenant limit overrides, browser sessions and portal links. */
export function makeSecurityOps(db: Db): SecurityOps {
  return {
    async getTenantLimits(tenantId) {
      const row = db.prepare('SELECT limits FROM tenant_limits WHERE tenant_id = ?').get(tenantId) as { limits: string } | undefined;
      return row ? (JSON.parse(row.limits) as Record<string, number>) : {};
    },
    async putTenantLimits(tenantId, limits, now) {
      db.prepare(
        `INSERT INTO tenant_limits (tenant_id, limits, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET limits = excluded.limits, updated_at = excluded.updated_at`,
      ).run(tenantId, JSON.stringify(limits), now);
    },
    async createSession(s) {
      db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(s.id, s.kind, s.tenant_id, s.portal_link_id, s.created_at, s.expires_at, s.revoked_at);
    },
    async getLiveSession(id, now) {
      return (db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`).get(id, now) as SessionRow | undefined) ?? null;
    },
    async revokeSessions(filter, now) {
      const [clause, value] = sessionFilterClause(filter);
      return db.prepare(`UPDATE sessions SET revoked_at = ? WHERE ${clause} AND revoked_at IS NULL AND expires_at > ?`).run(now, value, now).changes;
    },
    async createPortalLink(l) {
      db.prepare(`INSERT INTO portal_links (${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        l.id, l.tenant_id, l.environment, l.app_id, l.read_only ? 1 : 0, l.created_at, l.expires_at, l.revoked_at,
      );
    },
    async getLivePortalLink(id, now) {
      const row = db.prepare(`SELECT ${LINK_COLUMNS} FROM portal_links WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`).get(id, now) as LinkRaw | undefined;
      return row ? linkFromRow(row) : null;
    },
    async listPortalLinks(scope, appId, page, now) {
      const rows = db
        .prepare(
          `SELECT ${LINK_COLUMNS} FROM portal_links WHERE tenant_id = ? AND environment = ? AND app_id = ? AND expires_at > ? ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(scope.tenant_id, scope.environment, appId, now, ...(page.iterator ? [page.iterator] : []), page.limit + 1) as LinkRaw[];
      return toPage(rows.map(linkFromRow), page);
    },
    async revokePortalLinks(scope, appId, id, now) {
      return db.transaction(() => {
        const ids = (
          db
            .prepare(`SELECT id FROM portal_links WHERE tenant_id = ? AND environment = ? AND app_id = ? AND revoked_at IS NULL AND expires_at > ? ${id ? 'AND id = ?' : ''}`)
            .all(scope.tenant_id, scope.environment, appId, now, ...(id ? [id] : [])) as { id: string }[]
        ).map((r) => r.id);
        for (const linkId of ids) {
          db.prepare('UPDATE portal_links SET revoked_at = ? WHERE id = ?').run(now, linkId);
          db.prepare('UPDATE sessions SET revoked_at = ? WHERE portal_link_id = ? AND revoked_at IS NULL').run(now, linkId);
        }
        return ids.length;
      })();
    },
  };
}
