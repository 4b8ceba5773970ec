import type { RecordRow, SigningKeyRow, Store } from '../types.js';
import type { Db } from './db.js';

type RecordOps = Pick<Store, 'createRecord' | 'getRecord' | 'getRecordForDownload' | 'purgeRecords' | 'getActiveSigningKey' | 'listSigningKeys' | 'addSigningKey'>;

const COLUMNS = 'id, app_id, content_type, size, content_hash, jws, created_at, purged_at';
type KeyRaw = Omit<SigningKeyRow, 'public_jwk'> & { public_jwk: string };
const keyFromRow = (r: KeyRaw): SigningKeyRow => ({ ...r, public_jwk: JSON.parse(r.public_jwk) as Record<string, unknown> });

export function makeRecordOps(db: Db): RecordOps {
  return {
    async createRecord(scope, r) {
      db.prepare(
        'INSERT INTO records (id, tenant_id, environment, app_id, content_type, size, content_hash, jws, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(r.id, scope.tenant_id, scope.environment, r.app_id, r.content_type, r.size, r.content_hash, r.jws, r.created_at);
    },
    async getRecord(scope, appId, id) {
      return (
        (db.prepare(`SELECT ${COLUMNS} FROM records WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ?`).get(scope.tenant_id, scope.environment, appId, id) as
          | RecordRow
          | undefined) ?? null
      );
    },
    async getRecordForDownload(id) {
      return (db.prepare(`SELECT ${COLUMNS} FROM records WHERE id = ?`).get(id) as RecordRow | undefined) ?? null;
    },
    async purgeRecords(cutoff, now, batch) {
      return db.transaction(() => {
        const ids = (db.prepare('SELECT id FROM records WHERE purged_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?').all(cutoff, batch) as { id: string }[]).map(
          (r) => r.id,
        );
        if (ids.length) db.prepare(`UPDATE records SET purged_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`).run(now, ...ids);
        return ids;
      }).immediate();
    },
    async getActiveSigningKey() {
      const row = db.prepare("SELECT * FROM signing_keys WHERE status = 'active'").get() as KeyRaw | undefined;
      return row ? keyFromRow(row) : null;
    },
    async listSigningKeys() {
      return (db.prepare('SELECT * FROM signing_keys ORDER BY created_at DESC').all() as KeyRaw[]).map(keyFromRow);
    },
    async addSigningKey(key) {
      db.transaction(() => {
        db.prepare("UPDATE signing_keys SET status = 'retired' WHERE status = 'active'").run();
        db.prepare("INSERT INTO signing_keys (kid, sealed_private, public_jwk, status, created_at) VALUES (?, ?, ?, 'active', ?)").run(
          key.kid, key.sealed_private, JSON.stringify(key.public_jwk), key.created_at,
        );
      }).immediate();
    },
  };
}
