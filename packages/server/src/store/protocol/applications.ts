import type { EnvelopeChoice } from '../../envelopes/index.js';
import type { SchemeOptions } from '../../signing/scheme.js';
import type { ApplicationRow, Scope, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { after, flag, insertRow, json, setClause, toPage } from '../sql/query.js';

type ApplicationOps = Pick<Store, 'createApplication' | 'listApplications' | 'getApplication' | 'updateApplication' | 'deleteApplication'>;
type Raw = Record<string, unknown>;

const same = (v: unknown) => v;
/** Columns a patch may set, with how each is stored. */
const APP_COLUMNS = {
  uid: same,
  name: same,
  retry_schedule: json.stringify,
  metadata: json.stringify,
  signature_scheme: same,
  scheme_options: json.stringify,
  envelope: json.stringify,
  require_verification: flag,
  default_timeout_ms: same,
  message_id_prefix: same,
  encrypt_data: flag,
  preset: same,
};

const appFromRow = (r: Raw): ApplicationRow => ({
  id: r.id as string,
  uid: r.uid as string | null,
  name: r.name as string,
  retry_schedule: json.parse<number[]>(r.retry_schedule as string | null),
  metadata: json.parse<Record<string, string>>(r.metadata as string) ?? {},
  signature_scheme: r.signature_scheme as string,
  scheme_options: json.parse<SchemeOptions>(r.scheme_options as string) ?? {},
  envelope: json.parse<EnvelopeChoice>(r.envelope as string)!,
  require_verification: r.require_verification === 1,
  default_timeout_ms: r.default_timeout_ms as number | null,
  message_id_prefix: r.message_id_prefix as ApplicationRow['message_id_prefix'],
  encrypt_data: r.encrypt_data === 1,
  preset: r.preset as string | null,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
});

/**
 * Runs `insert` in a transaction unless the scope already has `max` rows matching `where`. Where
 * several processes write, creates of one tenant environment first take a lock on its key, so two
 * of them cannot both see room for the last one.
 */
export function withQuota(sql: Sql, scope: Scope, max: number | undefined, table: string, where: string, params: unknown[], insert: (q: Sql) => Promise<unknown>): Promise<boolean> {
  return sql.tx(async (q) => {
    if (max !== undefined) {
      if (q.dialect.lockKey) await q.all(q.dialect.lockKey, [`quota:${scope.tenant_id}:${scope.environment}:${table}`]);
      const row = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ? AND environment = ? ${where}`, [scope.tenant_id, scope.environment, ...params]);
      if (Number(row!.n) >= max) return false;
    }
    await insert(q);
    return true;
  });
}

export function applicationOps(sql: Sql): ApplicationOps {
  const ops: ApplicationOps = {
    async createApplication(scope, a, maxApplications) {
      return withQuota(sql, scope, maxApplications, 'applications', '', [], (q) =>
        insertRow(q, 'applications', {
          id: a.id, tenant_id: scope.tenant_id, environment: scope.environment, uid: a.uid, name: a.name,
          retry_schedule: json.stringify(a.retry_schedule), metadata: json.stringify(a.metadata), signature_scheme: a.signature_scheme,
          scheme_options: json.stringify(a.scheme_options), envelope: json.stringify(a.envelope), require_verification: flag(a.require_verification),
          default_timeout_ms: a.default_timeout_ms, message_id_prefix: a.message_id_prefix, encrypt_data: flag(a.encrypt_data), preset: a.preset,
          created_at: a.created_at, updated_at: a.updated_at,
        }),
      );
    },
    async listApplications(scope, page) {
      const next = after(page);
      const rows = await sql.all(`SELECT * FROM applications WHERE tenant_id = ? AND environment = ? ${next.clause} ORDER BY id ${next.order} LIMIT ?`, [
        scope.tenant_id, scope.environment, ...next.params, page.limit + 1,
      ]);
      return toPage(rows.map(appFromRow), page);
    },
    async getApplication(scope, idOrUid) {
      // An id beats a uid that happens to equal it.
      const row = await sql.get('SELECT * FROM applications WHERE tenant_id = ? AND environment = ? AND (id = ? OR uid = ?) ORDER BY (id = ?) DESC LIMIT 1', [
        scope.tenant_id, scope.environment, idOrUid, idOrUid, idOrUid,
      ]);
      return row ? appFromRow(row) : null;
    },
    async updateApplication(scope, id, patch, now) {
      const { sets, params } = setClause(patch, APP_COLUMNS);
      await sql.run(`UPDATE applications SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND id = ?`, [...params, now, scope.tenant_id, scope.environment, id]);
      return ops.getApplication(scope, id);
    },
    async deleteApplication(scope, id) {
      // The delete reaches deliveries that workers may be recording outcomes for, taking row locks
      // in the opposite order: in a transaction, so a deadlock runs it again (postgres/db.ts).
      // PostgreSQL's deliveries do not cascade from their message (migration 008), so they go
      // here, after the application: a publish racing the delete then waits on the application
      // row and fails, instead of leaving deliveries behind it.
      return sql.tx(async (q) => {
        const deleted = await q.run('DELETE FROM applications WHERE tenant_id = ? AND environment = ? AND id = ?', [scope.tenant_id, scope.environment, id]);
        if (deleted) await q.run('DELETE FROM deliveries WHERE app_id = ?', [id]);
        return deleted > 0;
      });
    },
  };
  return ops;
}
