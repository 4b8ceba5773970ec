import type { Store, WebhookKeyRow } from '../types.js';
import type { Db } from './db.js';

type WebhookKeyOps = Pick<Store, 'createWebhookKey' | 'listWebhookKeys' | 'setWebhookKeyStatus'>;

const COLUMNS = 'id, app_id, hint, status, created_at, updated_at';

export function makeWebhookKeyOps(db: Db): WebhookKeyOps {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`);
  const demoteActive = db.prepare("UPDATE webhook_keys SET status = 'inactive', updated_at = ? WHERE app_id = ? AND status = 'active'");
  return {
    async createWebhookKey(scope, appId, key, now) {
      db.transaction(() => {
        demoteActive.run(now, appId);
        db.prepare(
          "INSERT INTO webhook_keys (id, tenant_id, environment, app_id, sealed, hint, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)",
        ).run(key.id, scope.tenant_id, scope.environment, appId, key.sealed, key.hint, now, now);
      }).immediate();
      return { id: key.id, app_id: appId, hint: key.hint, status: 'active', created_at: now, updated_at: now };
    },
    async listWebhookKeys(scope, appId) {
      return db
        .prepare(`SELECT ${COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? ORDER BY id DESC`)
        .all(scope.tenant_id, scope.environment, appId) as WebhookKeyRow[];
    },
    async setWebhookKeyStatus(scope, appId, keyId, status, now) {
      return db.transaction(() => {
        const key = byId.get(scope.tenant_id, scope.environment, appId, keyId) as WebhookKeyRow | undefined;
        if (!key) return null;
        if (key.status === status) return key;
        if (status === 'retired' && key.status === 'active') return 'is_active' as const;
        if (status === 'active' && key.status === 'retired') return 'retired' as const;
        if (status === 'active') demoteActive.run(now, appId);
        db.prepare('UPDATE webhook_keys SET status = ?, updated_at = ? WHERE id = ?').run(status, now, keyId);
        return byId.get(scope.tenant_id, scope.environment, appId, keyId) as WebhookKeyRow;
      }).immediate();
    },
  };
}
