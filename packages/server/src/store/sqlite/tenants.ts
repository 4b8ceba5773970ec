import type { Store } from '../types.js';
import { toPage, type Db } from './db.js';

type TenantOps = Pick<
  Store,
  'createTenant' | 'listTenants' | 'getTenant' | 'createApiKey' | 'listApiKeys' | 'revokeApiKey' | 'findApiKey' | 'getEnvironmentSettings' | 'putEnvironmentSettings'
>;

const NO_SETTINGS = { preset: null, operational_app: null, signature_scheme: null, scheme_options: null, envelope: null };

export function makeTenantOps(db: Db): TenantOps {
  const insertTenant = db.prepare('INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)');
  const insertKey = db.prepare(
    'INSERT INTO api_keys (id, tenant_id, environment, name, key_hash, key_hint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const findKey = db.prepare(
    `SELECT k.id, k.tenant_id, k.environment FROM api_keys k WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
  );

  return {
    async createTenant(tenant, keys) {
      db.transaction(() => {
        insertTenant.run(tenant.id, tenant.name, tenant.created_at);
        for (const k of keys) insertKey.run(k.id, tenant.id, k.environment, k.name, k.key_hash, k.key_hint, tenant.created_at);
      })();
    },
    async listTenants(page) {
      const rows = db
        .prepare(`SELECT id, name, created_at FROM tenants ${page.iterator ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`)
        .all(...(page.iterator ? [page.iterator] : []), page.limit + 1) as { id: string; name: string; created_at: number }[];
      return toPage(rows, page);
    },
    async getTenant(id) {
      return (db.prepare('SELECT id, name, created_at FROM tenants WHERE id = ?').get(id) as never) ?? null;
    },
    async createApiKey(tenantId, k, now) {
      insertKey.run(k.id, tenantId, k.environment, k.name, k.key_hash, k.key_hint, now);
    },
    async listApiKeys(tenantId) {
      return db
        .prepare('SELECT id, tenant_id, environment, name, key_hint, created_at, revoked_at FROM api_keys WHERE tenant_id = ? ORDER BY id')
        .all(tenantId) as never;
    },
    async revokeApiKey(tenantId, keyId, now) {
      return db.prepare('UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL').run(now, tenantId, keyId).changes > 0;
    },
    async findApiKey(keyHash) {
      return (findKey.get(keyHash) as never) ?? null;
    },
    async getEnvironmentSettings(scope) {
      const row = db.prepare('SELECT settings FROM environment_settings WHERE tenant_id = ? AND environment = ?').get(scope.tenant_id, scope.environment) as
        | { settings: string }
        | undefined;
      return row ? { ...NO_SETTINGS, ...JSON.parse(row.settings) } : { ...NO_SETTINGS };
    },
    async putEnvironmentSettings(scope, settings, now) {
      db.prepare(
        `INSERT INTO environment_settings (tenant_id, environment, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, environment) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      ).run(scope.tenant_id, scope.environment, JSON.stringify(settings), now);
    },
  };
}
