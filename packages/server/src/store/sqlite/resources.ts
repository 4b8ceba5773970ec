import type { ApplicationRow, EndpointRow, EventTypeRow, Scope, Store } from '../types.js';
import { json, toPage, type Db } from './db.js';

type ResourceOps = Pick<
  Store,
  | 'createApplication' | 'listApplications' | 'getApplication' | 'updateApplication' | 'deleteApplication'
  | 'createEventType' | 'listEventTypes' | 'getEventType' | 'updateEventType' | 'deleteEventType'
  | 'createEndpoint' | 'listEndpoints' | 'getEndpoint' | 'updateEndpoint' | 'deleteEndpoint'
>;

type Raw = Record<string, unknown>;

const appFromRow = (r: Raw): ApplicationRow => ({
  id: r.id as string,
  uid: r.uid as string | null,
  name: r.name as string,
  retry_schedule: json.parse<number[]>(r.retry_schedule as string | null),
  metadata: json.parse<Record<string, string>>(r.metadata as string) ?? {},
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
});

const eventTypeFromRow = (r: Raw): EventTypeRow => ({
  id: r.id as string,
  name: r.name as string,
  description: r.description as string,
  schema: json.parse<Record<string, unknown>>(r.schema as string | null),
  example: json.parse(r.example as string | null),
  archived: r.archived === 1,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
});

const endpointFromRow = (r: Raw, hints: string[]): EndpointRow => ({
  id: r.id as string,
  app_id: r.app_id as string,
  url: r.url as string,
  description: r.description as string,
  status: r.status as EndpointRow['status'],
  disabled_reason: r.disabled_reason as string | null,
  filter_types: json.parse<string[]>(r.filter_types as string | null),
  timeout_ms: r.timeout_ms as number,
  retry_schedule: json.parse<number[]>(r.retry_schedule as string | null),
  max_in_flight: r.max_in_flight as number,
  headers: json.parse<Record<string, string>>(r.headers as string) ?? {},
  metadata: json.parse<Record<string, string>>(r.metadata as string) ?? {},
  enabled_at: r.enabled_at as number | null,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
  secret_hints: hints,
});

/** Columns a patch may set, with how each is stored. */
const APP_COLUMNS = { uid: (v: unknown) => v, name: (v: unknown) => v, retry_schedule: json.stringify, metadata: json.stringify };
const EVENT_TYPE_COLUMNS = {
  description: (v: unknown) => v,
  schema: json.stringify,
  example: json.stringify,
  archived: (v: unknown) => (v ? 1 : 0),
};
const ENDPOINT_COLUMNS = {
  url: (v: unknown) => v,
  description: (v: unknown) => v,
  filter_types: json.stringify,
  timeout_ms: (v: unknown) => v,
  retry_schedule: json.stringify,
  max_in_flight: (v: unknown) => v,
  headers: json.stringify,
  metadata: json.stringify,
  status: (v: unknown) => v,
};

function setClause(patch: Record<string, unknown>, columns: Record<string, (v: unknown) => unknown>) {
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

export function makeResourceOps(db: Db): ResourceOps {
  const secretHints = db.prepare(
    'SELECT hint FROM endpoint_secrets WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC',
  );
  const hintsOf = (id: string) => (secretHints.all(id, Date.now()) as { hint: string }[]).map((h) => h.hint);
  const scopeArgs = (s: Scope) => [s.tenant_id, s.environment];

  const getEndpointRow = (scope: Scope, appId: string, id: string) =>
    db
      .prepare('SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL')
      .get(...scopeArgs(scope), appId, id) as Raw | undefined;

  return {
    async createApplication(scope, a) {
      db.prepare(
        'INSERT INTO applications (id, tenant_id, environment, uid, name, retry_schedule, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(a.id, ...scopeArgs(scope), a.uid, a.name, json.stringify(a.retry_schedule), json.stringify(a.metadata), a.created_at, a.updated_at);
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

    async createEventType(scope, et) {
      db.prepare(
        'INSERT INTO event_types (id, tenant_id, environment, name, description, schema, example, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(et.id, ...scopeArgs(scope), et.name, et.description, json.stringify(et.schema), json.stringify(et.example), et.archived ? 1 : 0, et.created_at, et.updated_at);
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

    async createEndpoint(scope, ep, secret) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO endpoints (id, tenant_id, environment, app_id, url, description, status, disabled_reason, filter_types, timeout_ms,
             retry_schedule, max_in_flight, headers, metadata, enabled_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          ep.id, ...scopeArgs(scope), ep.app_id, ep.url, ep.description, ep.status, ep.disabled_reason, json.stringify(ep.filter_types),
          ep.timeout_ms, json.stringify(ep.retry_schedule), ep.max_in_flight, json.stringify(ep.headers), json.stringify(ep.metadata),
          ep.enabled_at, ep.created_at, ep.updated_at,
        );
        db.prepare('INSERT INTO endpoint_secrets (id, endpoint_id, sealed, hint, created_at) VALUES (?, ?, ?, ?, ?)').run(
          secret.id, ep.id, secret.sealed, secret.hint, ep.created_at,
        );
      })();
      return { ...ep, secret_hints: [secret.hint] };
    },
    async listEndpoints(scope, appId, page) {
      const rows = db
        .prepare(
          `SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND deleted_at IS NULL ${page.iterator ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(...scopeArgs(scope), appId, ...(page.iterator ? [page.iterator] : []), page.limit + 1) as Raw[];
      return toPage(rows.map((r) => endpointFromRow(r, hintsOf(r.id as string))), page);
    },
    async getEndpoint(scope, appId, id) {
      const row = getEndpointRow(scope, appId, id);
      return row ? endpointFromRow(row, hintsOf(id)) : null;
    },
    async updateEndpoint(scope, appId, id, patch, now) {
      const current = getEndpointRow(scope, appId, id);
      if (!current) return null;
      const { sets, params } = setClause(patch, ENDPOINT_COLUMNS);
      if (patch.status === 'enabled' && current.status !== 'enabled') {
        // Forward-only: re-enabling starts the clock again and clears why it was disabled.
        sets.push('enabled_at = ?', 'disabled_reason = NULL');
        params.push(now);
      } else if (patch.status === 'disabled' && current.status !== 'disabled') {
        sets.push("disabled_reason = 'manual'");
      }
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
  };
}
