import type { EndpointStatus, EventTypeRow, Scope, Store } from '../types.js';
import { json, toPage } from '../sqlite/db.js';
import { APP_COLUMNS, appFromRow, endpointFromRow, endpointUpdateSet, EVENT_TYPE_COLUMNS, eventTypeFromRow, flag, setClause } from '../sqlite/resources.js';
import { RUNTIME_COLUMNS, runtimeFromRow } from '../sqlite/runtime.js';
import type { PgDb, Query } from './db.js';

type Raw = Record<string, unknown>;
type ResourceOps = Pick<
  Store,
  | 'getEnvironmentSettings' | 'putEnvironmentSettings'
  | 'createApplication' | 'ensureEventTypes' | 'listApplications' | 'getApplication' | 'updateApplication' | 'deleteApplication'
  | 'createEventType' | 'listEventTypes' | 'getEventType' | 'updateEventType' | 'deleteEventType'
  | 'createEndpoint' | 'listEndpoints' | 'getEndpoint' | 'updateEndpoint' | 'deleteEndpoint'
  | 'rotateEndpointSecret' | 'getEndpointRuntime' | 'recordVerification'
>;

const NO_SETTINGS = { preset: null, operational_app: null, signature_scheme: null, scheme_options: null, envelope: null };

export async function insertRow(q: Query, table: string, row: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(row);
  await q(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, Object.values(row));
}

/** Same rows, same mapping as the SQLite store; each statement awaits a pooled connection. */
export function makePgResourceOps({ q, tx }: PgDb): ResourceOps {
  const scopeArgs = (s: Scope) => [s.tenant_id, s.environment];
  /**
   * Runs `insert` in a transaction unless the scope already has `max` matching rows. Creates of
   * one tenant environment take a transaction-scoped advisory lock, so two processes creating at
   * once cannot both see room for the last one.
   */
  const withQuota = (scope: Scope, max: number | undefined, table: string, where: string, params: unknown[], insert: (qq: Query) => Promise<unknown>) =>
    tx(async (qq) => {
      if (max !== undefined) {
        await qq('SELECT pg_advisory_xact_lock(hashtext(?))', [`quota:${scope.tenant_id}:${scope.environment}:${table}`]);
        const [row] = await qq<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = ? AND environment = ? ${where}`, [...scopeArgs(scope), ...params]);
        if (row!.n >= max) return false;
      }
      await insert(qq);
      return true;
    });
  const liveKeys = async (id: string) =>
    q<{ hint: string; public_key: string; sealed: string }>(
      'SELECT hint, public_key, sealed FROM endpoint_secrets WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC',
      [id, Date.now()],
    );
  const endpointRow = async (scope: Scope, appId: string, id: string) =>
    (await q('SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL', [...scopeArgs(scope), appId, id]))[0];
  const insertEventType = (qq: Query, scope: Scope, et: EventTypeRow) =>
    insertRow(qq, 'event_types', {
      id: et.id, tenant_id: scope.tenant_id, environment: scope.environment, name: et.name, description: et.description,
      schema: json.stringify(et.schema), example: json.stringify(et.example), archived: flag(et.archived), created_at: et.created_at, updated_at: et.updated_at,
    });

  const ops: ResourceOps = {
    async getEnvironmentSettings(scope) {
      const [row] = await q<{ settings: string }>('SELECT settings FROM environment_settings WHERE tenant_id = ? AND environment = ?', scopeArgs(scope));
      return row ? { ...NO_SETTINGS, ...JSON.parse(row.settings) } : { ...NO_SETTINGS };
    },
    async putEnvironmentSettings(scope, settings, now) {
      await q(
        `INSERT INTO environment_settings (tenant_id, environment, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, environment) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
        [...scopeArgs(scope), JSON.stringify(settings), now],
      );
    },
    async createApplication(scope, a, maxApplications) {
      return withQuota(scope, maxApplications, 'applications', '', [], async (qq) => {
        await insertRow(qq, 'applications', {
          id: a.id, tenant_id: scope.tenant_id, environment: scope.environment, uid: a.uid, name: a.name,
          retry_schedule: json.stringify(a.retry_schedule), metadata: json.stringify(a.metadata), signature_scheme: a.signature_scheme,
          scheme_options: json.stringify(a.scheme_options), envelope: json.stringify(a.envelope), require_verification: flag(a.require_verification),
          default_timeout_ms: a.default_timeout_ms, message_id_prefix: a.message_id_prefix, encrypt_data: flag(a.encrypt_data), preset: a.preset,
          created_at: a.created_at, updated_at: a.updated_at,
        });
      });
    },
    async ensureEventTypes(scope, types) {
      return tx(async (qq) => {
        const created: string[] = [];
        for (const et of types) {
          const [exists] = await qq('SELECT 1 FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?', [...scopeArgs(scope), et.name]);
          if (exists) continue;
          await insertEventType(qq, scope, et);
          created.push(et.name);
        }
        return created;
      });
    },
    async listApplications(scope, page) {
      const rows = await q(
        `SELECT * FROM applications WHERE tenant_id = ? AND environment = ? ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        [...scopeArgs(scope), ...(page.iterator ? [page.iterator] : []), page.limit + 1],
      );
      return toPage(rows.map(appFromRow), page);
    },
    async getApplication(scope, idOrUid) {
      const [row] = await q('SELECT * FROM applications WHERE tenant_id = ? AND environment = ? AND (id = ? OR uid = ?) ORDER BY (id = ?) DESC LIMIT 1', [
        ...scopeArgs(scope), idOrUid, idOrUid, idOrUid,
      ]);
      return row ? appFromRow(row) : null;
    },
    async updateApplication(scope, id, patch, now) {
      const { sets, params } = setClause(patch, APP_COLUMNS);
      await q(`UPDATE applications SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND id = ?`, [...params, now, ...scopeArgs(scope), id]);
      return ops.getApplication(scope, id);
    },
    async deleteApplication(scope, id) {
      return (await q('DELETE FROM applications WHERE tenant_id = ? AND environment = ? AND id = ? RETURNING id', [...scopeArgs(scope), id])).length > 0;
    },
    async createEventType(scope, et, maxEventTypes) {
      return withQuota(scope, maxEventTypes, 'event_types', '', [], (qq) => insertEventType(qq, scope, et));
    },
    async listEventTypes(scope, page, includeArchived) {
      const rows = await q(
        `SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? ${includeArchived ? '' : 'AND archived = 0'} ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        [...scopeArgs(scope), ...(page.iterator ? [page.iterator] : []), page.limit + 1],
      );
      return toPage(rows.map(eventTypeFromRow), page);
    },
    async getEventType(scope, name) {
      const [row] = await q('SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?', [...scopeArgs(scope), name]);
      return row ? eventTypeFromRow(row) : null;
    },
    async updateEventType(scope, name, patch, now) {
      const { sets, params } = setClause(patch, EVENT_TYPE_COLUMNS);
      await q(`UPDATE event_types SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND name = ?`, [...params, now, ...scopeArgs(scope), name]);
      return ops.getEventType(scope, name);
    },
    async deleteEventType(scope, name) {
      return (await q('DELETE FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ? RETURNING id', [...scopeArgs(scope), name])).length > 0;
    },
    async createEndpoint(scope, ep, secret, maxEndpoints) {
      const created = await withQuota(scope, maxEndpoints, 'endpoints', 'AND app_id = ? AND deleted_at IS NULL', [ep.app_id], async (qq) => {
        await insertRow(qq, 'endpoints', {
          id: ep.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: ep.app_id, kind: ep.kind,
          channel_config: json.stringify(ep.channel_config), url: ep.url, description: ep.description, status: ep.status,
          disabled_reason: ep.disabled_reason, filter_types: json.stringify(ep.filter_types), timeout_ms: ep.timeout_ms,
          retry_schedule: json.stringify(ep.retry_schedule), max_in_flight: ep.max_in_flight, rate_limit: ep.rate_limit, headers: json.stringify(ep.headers),
          metadata: json.stringify(ep.metadata), signature_scheme: ep.signature_scheme, scheme_options: json.stringify(ep.scheme_options),
          envelope: json.stringify(ep.envelope), encrypt_data: ep.encrypt_data === null ? null : flag(ep.encrypt_data), enabled_at: ep.enabled_at,
          verified_at: ep.verified_at, verification_error: ep.verification_error, created_at: ep.created_at, updated_at: ep.updated_at,
        });
        await insertRow(qq, 'endpoint_secrets', { id: secret.id, endpoint_id: ep.id, sealed: secret.sealed, hint: secret.hint, public_key: secret.public_key, created_at: ep.created_at });
      });
      return created ? { ...ep, throttled_until: null, throttle_reason: null, secret_hints: [secret.hint], public_keys: [secret.public_key] } : 'quota_exceeded';
    },
    async listEndpoints(scope, appId, page) {
      const rows = await q(
        `SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND deleted_at IS NULL ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        [...scopeArgs(scope), appId, ...(page.iterator ? [page.iterator] : []), page.limit + 1],
      );
      const mapped = await Promise.all(rows.map(async (r) => endpointFromRow(r, await liveKeys(r.id as string))));
      return toPage(mapped, page);
    },
    async getEndpoint(scope, appId, id) {
      const row = await endpointRow(scope, appId, id);
      return row ? endpointFromRow(row, await liveKeys(id)) : null;
    },
    async updateEndpoint(scope, appId, id, patch, now) {
      const current = await endpointRow(scope, appId, id);
      if (!current) return null;
      const { sets, params } = endpointUpdateSet(patch, current.status as EndpointStatus, now);
      await q(`UPDATE endpoints SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [...params, now, id]);
      return ops.getEndpoint(scope, appId, id);
    },
    async deleteEndpoint(scope, appId, id, now) {
      return tx(async (qq) => {
        const changed = await qq(
          "UPDATE endpoints SET deleted_at = ?, status = 'disabled', updated_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL RETURNING id",
          [now, now, ...scopeArgs(scope), appId, id],
        );
        if (changed.length) {
          await qq("UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = ? WHERE endpoint_id = ? AND status IN ('pending', 'delivering')", [now, id]);
        }
        return changed.length > 0;
      });
    },
    async rotateEndpointSecret(scope, appId, id, secret, previousExpireAt, now) {
      const done = await tx(async (qq) => {
        const [row] = await qq('SELECT id FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL FOR UPDATE', [...scopeArgs(scope), appId, id]);
        if (!row) return false;
        await qq('UPDATE endpoint_secrets SET expires_at = LEAST(COALESCE(expires_at, ?), ?) WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?)', [
          previousExpireAt, previousExpireAt, id, now,
        ]);
        await insertRow(qq, 'endpoint_secrets', { id: secret.id, endpoint_id: id, sealed: secret.sealed, hint: secret.hint, public_key: secret.public_key, created_at: now });
        await qq('UPDATE endpoints SET updated_at = ? WHERE id = ?', [now, id]);
        return true;
      });
      return done ? ops.getEndpoint(scope, appId, id) : null;
    },
    async getEndpointRuntime(scope, appId, id) {
      const [row] = await q(
        `SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id
         WHERE e.tenant_id = ? AND e.environment = ? AND e.app_id = ? AND e.id = ? AND e.deleted_at IS NULL`,
        [...scopeArgs(scope), appId, id],
      );
      return row ? runtimeFromRow(row as Raw, (await liveKeys(id)).map((k) => k.sealed)) : null;
    },
    async recordVerification(scope, appId, id, result, now) {
      if (result.ok) {
        await q(
          `UPDATE endpoints SET status = 'enabled', enabled_at = ?, verified_at = ?, verification_error = NULL, updated_at = ?
           WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND url = ? AND status = 'pending_verification' AND deleted_at IS NULL`,
          [now, now, now, ...scopeArgs(scope), appId, id, result.url],
        );
      } else {
        await q('UPDATE endpoints SET verification_error = ?, updated_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND url = ? AND deleted_at IS NULL', [
          result.error, now, ...scopeArgs(scope), appId, id, result.url,
        ]);
      }
      return ops.getEndpoint(scope, appId, id);
    },
  };
  return ops;
}
