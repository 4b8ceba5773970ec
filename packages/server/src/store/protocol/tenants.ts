import type { Environment } from '../../crypto/tokens.js';
import type { ApiKeyRow, EnvironmentSettings, Store, TenantRow } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { insertRow, toPage, Where } from '../sql/query.js';

type TenantOps = Pick<
  Store,
  'createTenant' | 'listTenants' | 'getTenant' | 'createApiKey' | 'listApiKeys' | 'revokeApiKey' | 'findApiKey' | 'configVersions' | 'getEnvironmentSettings' | 'putEnvironmentSettings'
>;

const NO_SETTINGS: EnvironmentSettings = { preset: null, operational_app: null, signature_scheme: null, scheme_options: null, envelope: null, portal: null };

/** Tenants, their API keys and their environments' defaults (admin). */
export function tenantOps(sql: Sql): TenantOps {
  const insertKey = (q: Sql, tenantId: string, k: Parameters<Store['createApiKey']>[1], now: number) =>
    insertRow(q, 'api_keys', { id: k.id, tenant_id: tenantId, environment: k.environment, name: k.name, key_hash: k.key_hash, key_hint: k.key_hint, created_at: now });
  return {
    async createTenant(tenant, keys) {
      await sql.tx(async (q) => {
        await insertRow(q, 'tenants', { id: tenant.id, name: tenant.name, created_at: tenant.created_at });
        for (const k of keys) await insertKey(q, tenant.id, k, tenant.created_at);
      });
    },
    async listTenants(page) {
      const where = new Where().addIf(page.iterator, 'id < ?');
      const rows = await sql.all<TenantRow>(`SELECT id, name, created_at FROM tenants ${where} ORDER BY id DESC LIMIT ?`, [...where.params, page.limit + 1]);
      return toPage(rows, page);
    },
    async getTenant(id) {
      return (await sql.get<TenantRow>('SELECT id, name, created_at FROM tenants WHERE id = ?', [id])) ?? null;
    },
    async createApiKey(tenantId, k, now) {
      await insertKey(sql, tenantId, k, now);
    },
    async listApiKeys(tenantId) {
      return sql.all<ApiKeyRow>('SELECT id, tenant_id, environment, name, key_hint, created_at, revoked_at FROM api_keys WHERE tenant_id = ? ORDER BY id', [tenantId]);
    },
    async revokeApiKey(tenantId, keyId, now) {
      return (await sql.run('UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL', [now, tenantId, keyId])) > 0;
    },
    async findApiKey(keyHash) {
      const key = await sql.get<{ id: string; tenant_id: string; environment: Environment; config_version: number | string }>(
        'SELECT k.id, k.tenant_id, k.environment, t.config_version FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = ? AND k.revoked_at IS NULL',
        [keyHash],
      );
      return key ? { ...key, config_version: Number(key.config_version) } : null;
    },
    async configVersions(tenantIds) {
      if (!tenantIds.length) return new Map();
      const rows = await sql.all<{ id: string; config_version: number | string }>(`SELECT id, config_version FROM tenants WHERE id ${sql.dialect.inList()}`, [sql.dialect.list(tenantIds)]);
      return new Map(rows.map((r) => [r.id, Number(r.config_version)]));
    },
    async getEnvironmentSettings(scope) {
      const row = await sql.get<{ settings: string }>('SELECT settings FROM environment_settings WHERE tenant_id = ? AND environment = ?', [scope.tenant_id, scope.environment]);
      return row ? { ...NO_SETTINGS, ...(JSON.parse(row.settings) as Partial<EnvironmentSettings>) } : { ...NO_SETTINGS };
    },
    async putEnvironmentSettings(scope, settings, now) {
      await sql.run(
        `INSERT INTO environment_settings (tenant_id, environment, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, environment) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
        [scope.tenant_id, scope.environment, JSON.stringify(settings), now],
      );
    },
  };
}
