import type { StoredHeaders } from '../../delivery/header-policy.js';
import type { EnvelopeChoice } from '../../envelopes/index.js';
import type { SchemeOptions } from '../../signing/scheme.js';
import type { ApplicationRow, EmailChannelConfig, EndpointPatch, EndpointRow, EndpointStatus, EventTypeRow, Scope, Store } from '../types.js';
import { json, toPage, type Db } from './db.js';
import { makeRuntimeResolver, RUNTIME_COLUMNS } from './runtime.js';

type ResourceOps = Pick<
  Store,
  | 'createApplication' | 'ensureEventTypes' | 'listApplications' | 'getApplication' | 'updateApplication' | 'deleteApplication'
  | 'createEventType' | 'listEventTypes' | 'getEventType' | 'updateEventType' | 'deleteEventType'
  | 'createEndpoint' | 'listEndpoints' | 'getEndpoint' | 'updateEndpoint' | 'deleteEndpoint'
  | 'rotateEndpointSecret' | 'getEndpointRuntime' | 'recordVerification'
>;

type Raw = Record<string, unknown>;

export const appFromRow = (r: Raw): ApplicationRow => ({
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

export const eventTypeFromRow = (r: Raw): EventTypeRow => ({
  id: r.id as string,
  name: r.name as string,
  description: r.description as string,
  schema: json.parse<Record<string, unknown>>(r.schema as string | null),
  example: json.parse(r.example as string | null),
  archived: r.archived === 1,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
});

export const endpointFromRow = (r: Raw, keys: { hint: string; public_key: string }[]): EndpointRow => ({
  id: r.id as string,
  app_id: r.app_id as string,
  kind: r.kind as EndpointRow['kind'],
  channel_config: json.parse<EmailChannelConfig>(r.channel_config as string | null),
  url: r.url as string,
  description: r.description as string,
  status: r.status as EndpointRow['status'],
  disabled_reason: r.disabled_reason as string | null,
  filter_types: json.parse<string[]>(r.filter_types as string | null),
  timeout_ms: r.timeout_ms as number,
  retry_schedule: json.parse<number[]>(r.retry_schedule as string | null),
  max_in_flight: r.max_in_flight as number,
  rate_limit: r.rate_limit as number | null,
  headers: json.parse<StoredHeaders>(r.headers as string) ?? {},
  metadata: json.parse<Record<string, string>>(r.metadata as string) ?? {},
  signature_scheme: r.signature_scheme as string | null,
  scheme_options: json.parse<SchemeOptions>(r.scheme_options as string | null),
  envelope: json.parse<EnvelopeChoice>(r.envelope as string | null),
  encrypt_data: r.encrypt_data === null ? null : r.encrypt_data === 1,
  enabled_at: r.enabled_at as number | null,
  verified_at: r.verified_at as number | null,
  verification_error: r.verification_error as string | null,
  throttled_until: (r.throttled_until as number | null) ?? null,
  throttle_reason: (r.throttle_reason as string | null) ?? null,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
  secret_hints: keys.map((k) => k.hint),
  public_keys: keys.map((k) => k.public_key),
});

const same = (v: unknown) => v;
export const flag = (v: unknown) => (v ? 1 : 0);

/** Columns a patch may set, with how each is stored. */
export const APP_COLUMNS = {
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
export const EVENT_TYPE_COLUMNS = { description: same, schema: json.stringify, example: json.stringify, archived: flag };
export const ENDPOINT_COLUMNS = {
  url: same,
  description: same,
  filter_types: json.stringify,
  timeout_ms: same,
  retry_schedule: json.stringify,
  max_in_flight: same,
  rate_limit: same,
  headers: json.stringify,
  metadata: json.stringify,
  status: same,
  signature_scheme: same,
  scheme_options: json.stringify,
  envelope: json.stringify,
  encrypt_data: (v: unknown) => (v === null ? null : flag(v)),
  channel_config: json.stringify,
};

/**
 * The SET list of an endpoint update, with what a status change implies; shared by both dialects.
 * Forward-only: enabling starts the clock again and clears why the endpoint was disabled.
 */
export function endpointUpdateSet(patch: EndpointPatch, currentStatus: EndpointStatus, now: number) {
  const { sets, params } = setClause(patch, ENDPOINT_COLUMNS);
  if (patch.status === 'enabled' && currentStatus !== 'enabled') {
    sets.push('enabled_at = ?', 'disabled_reason = NULL');
    params.push(now);
  } else if (patch.status === 'disabled' && currentStatus !== 'disabled') {
    sets.push("disabled_reason = 'manual'");
  } else if (patch.status === 'pending_verification') {
    sets.push('verified_at = NULL', 'verification_error = NULL', 'disabled_reason = NULL');
  }
  return { sets, params };
}

export function setClause(patch: Record<string, unknown>, columns: Record<string, (v: unknown) => unknown>) {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const encode = columns[key];
    if (!encode || value === undefined) continue;
    sets.push(`${key} = ?`);
    params.push(encode(value));
  }
  return { sets, params };
}

function insertRow(db: Db, table: string, row: Record<string, unknown>): void {
  const keys = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...Object.values(row));
}

export function makeResourceOps(db: Db): ResourceOps {
  const liveKeys = db.prepare(
    'SELECT hint, public_key FROM endpoint_secrets WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC',
  );
  const keysOf = (id: string) => liveKeys.all(id, Date.now()) as { hint: string; public_key: string }[];
  const scopeArgs = (s: Scope) => [s.tenant_id, s.environment];
  const countIn = (table: string, scope: Scope, where = '', ...params: unknown[]) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ? AND environment = ? ${where}`).get(...scopeArgs(scope), ...params) as { n: number }).n;
  const resolveRuntime = makeRuntimeResolver(db);

  const getEndpointRow = (scope: Scope, appId: string, id: string) =>
    db
      .prepare('SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL')
      .get(...scopeArgs(scope), appId, id) as Raw | undefined;
  const insertSecret = (endpointId: string, secret: { id: string; sealed: string; hint: string; public_key: string }, now: number) =>
    insertRow(db, 'endpoint_secrets', { id: secret.id, endpoint_id: endpointId, sealed: secret.sealed, hint: secret.hint, public_key: secret.public_key, created_at: now });
  const insertEventType = (scope: Scope, et: EventTypeRow) =>
    insertRow(db, 'event_types', {
      id: et.id, tenant_id: scope.tenant_id, environment: scope.environment, name: et.name, description: et.description,
      schema: json.stringify(et.schema), example: json.stringify(et.example), archived: flag(et.archived), created_at: et.created_at, updated_at: et.updated_at,
    });

  return {
    async createApplication(scope, a, maxApplications) {
      // One store thread runs each call to the end: the count and the insert cannot interleave with another create.
      if (maxApplications !== undefined && countIn('applications', scope) >= maxApplications) return false;
      insertRow(db, 'applications', {
        id: a.id, tenant_id: scope.tenant_id, environment: scope.environment, uid: a.uid, name: a.name,
        retry_schedule: json.stringify(a.retry_schedule), metadata: json.stringify(a.metadata), signature_scheme: a.signature_scheme,
        scheme_options: json.stringify(a.scheme_options), envelope: json.stringify(a.envelope), require_verification: flag(a.require_verification),
        default_timeout_ms: a.default_timeout_ms, message_id_prefix: a.message_id_prefix, encrypt_data: flag(a.encrypt_data), preset: a.preset, created_at: a.created_at, updated_at: a.updated_at,
      });
      return true;
    },
    async ensureEventTypes(scope, types) {
      return db.transaction(() => {
        const created: string[] = [];
        const exists = db.prepare('SELECT 1 FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?');
        for (const et of types) {
          if (exists.get(...scopeArgs(scope), et.name)) continue;
          insertEventType(scope, et);
          created.push(et.name);
        }
        return created;
      })();
    },
    async listApplications(scope, page) {
      const rows = db
        .prepare(`SELECT * FROM applications WHERE tenant_id = ? AND environment = ? ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`)
        .all(...scopeArgs(scope), ...(page.iterator ? [page.iterator] : []), page.limit + 1) as Raw[];
      return toPage(rows.map(appFromRow), page);
    },
    async getApplication(scope, idOrUid) {
      const row = db
        .prepare('SELECT * FROM applications WHERE tenant_id = ? AND environment = ? AND (id = ? OR uid = ?) ORDER BY id = ? DESC LIMIT 1')
        .get(...scopeArgs(scope), idOrUid, idOrUid, idOrUid) as Raw | undefined;
      return row ? appFromRow(row) : null;
    },
    async updateApplication(scope, id, patch, now) {
      const { sets, params } = setClause(patch, APP_COLUMNS);
      db.prepare(`UPDATE applications SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND id = ?`).run(
        ...params, now, ...scopeArgs(scope), id,
      );
      return this.getApplication(scope, id);
    },
    async deleteApplication(scope, id) {
      return db.prepare('DELETE FROM applications WHERE tenant_id = ? AND environment = ? AND id = ?').run(...scopeArgs(scope), id).changes > 0;
    },

    async createEventType(scope, et, maxEventTypes) {
      if (maxEventTypes !== undefined && countIn('event_types', scope) >= maxEventTypes) return false;
      insertEventType(scope, et);
      return true;
    },
    async listEventTypes(scope, page, includeArchived) {
      const rows = db
        .prepare(
          `SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? ${includeArchived ? '' : 'AND archived = 0'} ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(...scopeArgs(scope), ...(page.iterator ? [page.iterator] : []), page.limit + 1) as Raw[];
      return toPage(rows.map(eventTypeFromRow), page);
    },
    async getEventType(scope, name) {
      const row = db.prepare('SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?').get(...scopeArgs(scope), name) as Raw | undefined;
      return row ? eventTypeFromRow(row) : null;
    },
    async updateEventType(scope, name, patch, now) {
      const { sets, params } = setClause(patch, EVENT_TYPE_COLUMNS);
      db.prepare(`UPDATE event_types SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND name = ?`).run(
        ...params, now, ...scopeArgs(scope), name,
      );
      return this.getEventType(scope, name);
    },
    async deleteEventType(scope, name) {
      return db.prepare('DELETE FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?').run(...scopeArgs(scope), name).changes > 0;
    },

    async createEndpoint(scope, ep, secret, maxEndpoints) {
      if (maxEndpoints !== undefined && countIn('endpoints', scope, 'AND app_id = ? AND deleted_at IS NULL', ep.app_id) >= maxEndpoints) return 'quota_exceeded';
      db.transaction(() => {
        insertRow(db, 'endpoints', {
          id: ep.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: ep.app_id, kind: ep.kind,
          channel_config: json.stringify(ep.channel_config), url: ep.url, description: ep.description,
          status: ep.status, disabled_reason: ep.disabled_reason, filter_types: json.stringify(ep.filter_types), timeout_ms: ep.timeout_ms,
          retry_schedule: json.stringify(ep.retry_schedule), max_in_flight: ep.max_in_flight, rate_limit: ep.rate_limit, headers: json.stringify(ep.headers),
          metadata: json.stringify(ep.metadata), signature_scheme: ep.signature_scheme, scheme_options: json.stringify(ep.scheme_options),
          envelope: json.stringify(ep.envelope), encrypt_data: ep.encrypt_data === null ? null : flag(ep.encrypt_data), enabled_at: ep.enabled_at, verified_at: ep.verified_at, verification_error: ep.verification_error,
          created_at: ep.created_at, updated_at: ep.updated_at,
        });
        insertSecret(ep.id, secret, ep.created_at);
      })();
      return { ...ep, throttled_until: null, throttle_reason: null, secret_hints: [secret.hint], public_keys: [secret.public_key] };
    },
    async listEndpoints(scope, appId, page) {
      const rows = db
        .prepare(
          `SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND deleted_at IS NULL ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(...scopeArgs(scope), appId, ...(page.iterator ? [page.iterator] : []), page.limit + 1) as Raw[];
      return toPage(rows.map((r) => endpointFromRow(r, keysOf(r.id as string))), page);
    },
    async getEndpoint(scope, appId, id) {
      const row = getEndpointRow(scope, appId, id);
      return row ? endpointFromRow(row, keysOf(id)) : null;
    },
    async updateEndpoint(scope, appId, id, patch, now) {
      const current = getEndpointRow(scope, appId, id);
      if (!current) return null;
      const { sets, params } = endpointUpdateSet(patch, current.status as EndpointStatus, now);
      db.prepare(`UPDATE endpoints SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...params, now, id);
      return this.getEndpoint(scope, appId, id);
    },
    async deleteEndpoint(scope, appId, id, now) {
      return db.transaction(() => {
        const changed = db
          .prepare('UPDATE endpoints SET deleted_at = ?, status = ?, updated_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL')
          .run(now, 'disabled', now, ...scopeArgs(scope), appId, id).changes;
        if (changed) {
          db.prepare("UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = ? WHERE endpoint_id = ? AND status IN ('pending', 'delivering')").run(now, id);
        }
        return changed > 0;
      })();
    },
    async rotateEndpointSecret(scope, appId, id, secret, previousExpireAt, now) {
      const done = db.transaction(() => {
        if (!getEndpointRow(scope, appId, id)) return false;
        // Older secrets keep signing until the grace window ends, never longer than they already would.
        db.prepare('UPDATE endpoint_secrets SET expires_at = MIN(COALESCE(expires_at, ?), ?) WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?)').run(
          previousExpireAt, previousExpireAt, id, now,
        );
        insertSecret(id, secret, now);
        db.prepare('UPDATE endpoints SET updated_at = ? WHERE id = ?').run(now, id);
        return true;
      })();
      return done ? this.getEndpoint(scope, appId, id) : null;
    },
    async getEndpointRuntime(scope, appId, id, now) {
      const row = db
        .prepare(
          `SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id
           WHERE e.tenant_id = ? AND e.environment = ? AND e.app_id = ? AND e.id = ? AND e.deleted_at IS NULL`,
        )
        .get(...scopeArgs(scope), appId, id) as Raw | undefined;
      return row ? resolveRuntime(row, now) : null;
    },
    async recordVerification(scope, appId, id, result, now) {
      if (result.ok) {
        db.prepare(
          `UPDATE endpoints SET status = 'enabled', enabled_at = ?, verified_at = ?, verification_error = NULL, updated_at = ?
           WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND url = ? AND status = 'pending_verification' AND deleted_at IS NULL`,
        ).run(now, now, now, ...scopeArgs(scope), appId, id, result.url);
      } else {
        db.prepare(
          'UPDATE endpoints SET verification_error = ?, updated_at = ? WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND url = ? AND deleted_at IS NULL',
        ).run(result.error, now, ...scopeArgs(scope), appId, id, result.url);
      }
      return this.getEndpoint(scope, appId, id);
    },
  };
}
