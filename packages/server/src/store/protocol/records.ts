import type { RecordRow, SigningKeyRow, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { insertRow } from '../sql/query.js';

type RecordOps = Pick<Store, 'createRecord' | 'getRecord' | 'getRecordForDownload' | 'getActiveSigningKey' | 'listSigningKeys' | 'addSigningKey'>;

const COLUMNS = 'id, app_id, content_type, size, content_hash, jws, created_at, purged_at';
type KeyRaw = Omit<SigningKeyRow, 'public_jwk'> & { public_jwk: string };
const keyFromRow = (r: KeyRaw): SigningKeyRow => ({ ...r, public_jwk: JSON.parse(r.public_jwk) as Record<string, unknown> });

/** Records (pointer payloads, their bytes on disk) and the keys that sign them. */
export function recordOps(sql: Sql): RecordOps {
  return {
    async createRecord(scope, r) {
      await insertRow(sql, 'records', {
        id: r.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: r.app_id, content_type: r.content_type,
        size: r.size, content_hash: r.content_hash, jws: r.jws, created_at: r.created_at,
      });
    },
    async getRecord(scope, appId, id) {
      return (await sql.get<RecordRow>(`SELECT ${COLUMNS} FROM records WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`, [scope.tenant_id, scope.environment, appId, id])) ?? null;
    },
    async getRecordForDownload(id) {
      return (await sql.get<RecordRow>(`SELECT ${COLUMNS} FROM records WHERE id = ?`, [id])) ?? null;
    },
    async getActiveSigningKey() {
      const row = await sql.get<KeyRaw>("SELECT * FROM signing_keys WHERE status = 'active'");
      return row ? keyFromRow(row) : null;
    },
    async listSigningKeys() {
      return (await sql.all<KeyRaw>('SELECT * FROM signing_keys ORDER BY created_at DESC')).map(keyFromRow);
    },
    async addSigningKey(key) {
      await sql.tx(async (q) => {
        await q.run("UPDATE signing_keys SET status = 'retired' WHERE status = 'active'");
        await insertRow(q, 'signing_keys', { kid: key.kid, sealed_private: key.sealed_private, public_jwk: JSON.stringify(key.public_jwk), status: 'active', created_at: key.created_at });
      });
    },
  };
}
