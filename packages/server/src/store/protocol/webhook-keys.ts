import type { Store, WebhookKeyRow } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { insertRow } from '../sql/query.js';

type WebhookKeyOps = Pick<Store, 'createWebhookKey' | 'listWebhookKeys' | 'setWebhookKeyStatus'>;

const COLUMNS = 'id, app_id, hint, status, created_at, updated_at';
const DEMOTE_ACTIVE = "UPDATE webhook_keys SET status = 'inactive', updated_at = ? WHERE app_id = ? AND status = 'active'";

/** An application's data-encryption keys (seed 004): one active at a time. */
export function webhookKeyOps(sql: Sql): WebhookKeyOps {
  return {
    async createWebhookKey(scope, appId, key, now) {
      await sql.tx(async (q) => {
        await q.run(DEMOTE_ACTIVE, [now, appId]);
        await insertRow(q, 'webhook_keys', { id: key.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: appId, sealed: key.sealed, hint: key.hint, status: 'active', created_at: now, updated_at: now });
      });
      return { id: key.id, app_id: appId, hint: key.hint, status: 'active', created_at: now, updated_at: now };
    },
    async listWebhookKeys(scope, appId) {
      return sql.all<WebhookKeyRow>(`SELECT ${COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? ORDER BY id DESC`, [scope.tenant_id, scope.environment, appId]);
    },
    async setWebhookKeyStatus(scope, appId, keyId, status, now) {
      return sql.tx(async (q) => {
        const byId = `SELECT ${COLUMNS} FROM webhook_keys WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`;
        const args = [scope.tenant_id, scope.environment, appId, keyId];
        const key = await q.get<WebhookKeyRow>(`${byId}${q.dialect.forUpdate}`, args);
        if (!key) return null;
        if (key.status === status) return key;
        if (status === 'retired' && key.status === 'active') return 'is_active' as const;
        if (status === 'active' && key.status === 'retired') return 'retired' as const;
        if (status === 'active') await q.run(DEMOTE_ACTIVE, [now, appId]);
        await q.run('UPDATE webhook_keys SET status = ?, updated_at = ? WHERE id = ?', [status, now, keyId]);
        return (await q.get<WebhookKeyRow>(byId, args))!;
      });
    },
  };
}
