import type { ApiKeyRow, RecordRow, SigningKeyRow, Store, TenantRow, WebhookKeyRow } from '../types.js';
import { toPage } from '../sqlite/db.js';
import { DEFAULT_PG_TIMEOUTS, migrate, openPool, type PgTimeouts } from './db.js';
import { DEFAULT_LISTENER, listenForWork, type ListenerOptions } from './listener.js';
import { makePgMessageOps } from './messages.js';
import { makeWorkNotifier } from './notify.js';
import { makePgPipelineOps, type PgPipelineOptions } from './pipeline.js';
import { insertRow, makePgResourceOps } from './resources.js';
import { makePgSecurityOps } from './security.js';

type KeyRaw = Omit<SigningKeyRow, 'public_jwk'> & { public_jwk: string };
const RECORD_COLUMNS = 'id, app_id, content_type, size, content_hash, jws, created_at, purged_at';
const WEBHOOK_KEY_COLUMNS = 'id, app_id, hint, status, created_at, updated_at';

/**
 * The PostgreSQL store (DATABASE_URL=postgres://…): the same contract and the same rows as the
 * embedded SQLite store, for many Herald processes on one database. Opening it migrates.
 */
export interface PgStoreOptions extends PgPipelineOptions {
  timeouts?: PgTimeouts;
  listener?: Omit<ListenerOptions, 'timeouts'>;
}

export async function openPostgresStore(url: string, options: PgStoreOptions = {}): Promise<Store & { applied: string[] }> {
  const timeouts = options.timeouts ?? DEFAULT_PG_TIMEOUTS;
  const db = openPool(url, timeouts);
  const { q, tx } = db;
  const applied = await migrate(db);
  const notifyWork = makeWorkNotifier(q);
  return {
    dialect: 'postgres',
    applied,
    async close() {
      await db.pool.end();
    },
    async ping() {
      await q('SELECT 1');
    },
    async onWork(wake, hooks = {}) {
      // A dedicated connection: LISTEN holds it. Publishes and requeues NOTIFY herald_work after commit (notify.ts).
      return listenForWork(url, 'herald_work', wake, hooks, { timeouts, ...(options.listener ?? DEFAULT_LISTENER) });
    },

    async createTenant(tenant, keys) {
      await tx(async (qq) => {
        await insertRow(qq, 'tenants', { id: tenant.id, name: tenant.name, created_at: tenant.created_at });
        for (const k of keys) {
          await insertRow(qq, 'api_keys', { id: k.id, tenant_id: tenant.id, environment: k.environment, name: k.name, key_hash: k.key_hash, key_hint: k.key_hint, created_at: tenant.created_at });
        }
      });
    },
    async listTenants(page) {
      const rows = await q<TenantRow>(`SELECT id, name, created_at FROM tenants ${page.iterator ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`, [
        ...(page.iterator ? [page.iterator] : []),
        page.limit + 1,
      ]);
      return toPage(rows, page);
    },
    async getTenant(id) {
      return (await q<TenantRow>('SELECT id, name, created_at FROM tenants WHERE id = ?', [id]))[0] ?? null;
    },
    async createApiKey(tenantId, k, now) {
      await insertRow(q, 'api_keys', { id: k.id, tenant_id: tenantId, environment: k.environment, name: k.name, key_hash: k.key_hash, key_hint: k.key_hint, created_at: now });
    },
    async listApiKeys(tenantId) {
      return q<ApiKeyRow>('SELECT id, tenant_id, environment, name, key_hint, created_at, revoked_at FROM api_keys WHERE tenant_id = ? ORDER BY id', [tenantId]);
    },
    async revokeApiKey(tenantId, keyId, now) {
      return (await q('UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL RETURNING id', [now, tenantId, keyId])).length > 0;
    },
    async findApiKey(keyHash) {
      return (await q<{ id: string; tenant_id: string; environment: 'test' | 'live' }>('SELECT id, tenant_id, environment FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL', [keyHash]))[0] ?? null;
    },

    ...makePgResourceOps(db),
    ...makePgSecurityOps(db),
    ...makePgMessageOps(db, notifyWork),
    ...makePgPipelineOps(db, notifyWork, options),

    async createWebhookKey(scope, appId, key, now) {
      await tx(async (qq) => {
        await qq("UPDATE webhook_keys SET status = 'inactive', updated_at = ? WHERE app_id = ? AND status = 'active'", [now, appId]);
        await insertRow(qq, 'webhook_keys', { id: key.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: appId, sealed: key.sealed, hint: key.hint, status: 'active', created_at: now, updated_at: now });
      });
      return { id: key.id, app_id: appId, hint: key.hint, status: 'active', created_at: now, updated_at: now };
    },
    async listWebhookKeys(scope, appId) {
      return q<WebhookKeyRow>(`SELECT ${WEBHOOK_KEY_COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? ORDER BY id DESC`, [scope.tenant_id, scope.environment, appId]);
    },
    async setWebhookKeyStatus(scope, appId, keyId, status, now) {
      return tx(async (qq) => {
        const sel = `SELECT ${WEBHOOK_KEY_COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`;
        const [key] = await qq<WebhookKeyRow>(`${sel} FOR UPDATE`, [scope.tenant_id, scope.environment, appId, keyId]);
        if (!key) return null;
        if (key.status === status) return key;
        if (status === 'retired' && key.status === 'active') return 'is_active' as const;
        if (status === 'active' && key.status === 'retired') return 'retired' as const;
        if (status === 'active') await qq("UPDATE webhook_keys SET status = 'inactive', updated_at = ? WHERE app_id = ? AND status = 'active'", [now, appId]);
        await qq('UPDATE webhook_keys SET status = ?, updated_at = ? WHERE id = ?', [status, now, keyId]);
        return (await qq<WebhookKeyRow>(sel, [scope.tenant_id, scope.environment, appId, keyId]))[0]!;
      });
    },

    async createRecord(scope, r) {
      await insertRow(q, 'records', {
        id: r.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: r.app_id, content_type: r.content_type,
        size: r.size, content_hash: r.content_hash, jws: r.jws, created_at: r.created_at,
      });
    },
    async getRecord(scope, appId, id) {
      return (await q<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`, [scope.tenant_id, scope.environment, appId, id]))[0] ?? null;
    },
    async getRecordForDownload(id) {
      return (await q<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`, [id]))[0] ?? null;
    },
    async purgeRecords(cutoff, now, batch) {
      const rows = await q<{ id: string }>(
        'UPDATE records SET purged_at = ? WHERE id IN (SELECT id FROM records WHERE purged_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id',
        [now, cutoff, batch],
      );
      return rows.map((r) => r.id);
    },
    async getActiveSigningKey() {
      const [row] = await q<KeyRaw>("SELECT * FROM signing_keys WHERE status = 'active'");
      return row ? { ...row, public_jwk: JSON.parse(row.public_jwk) as Record<string, unknown> } : null;
    },
    async listSigningKeys() {
      return (await q<KeyRaw>('SELECT * FROM signing_keys ORDER BY created_at DESC')).map((r) => ({ ...r, public_jwk: JSON.parse(r.public_jwk) as Record<string, unknown> }));
    },
    async addSigningKey(key) {
      await tx(async (qq) => {
        await qq("UPDATE signing_keys SET status = 'retired' WHERE status = 'active'");
        await insertRow(qq, 'signing_keys', { kid: key.kid, sealed_private: key.sealed_private, public_jwk: JSON.stringify(key.public_jwk), status: 'active', created_at: key.created_at });
      });
    },
  };
}
