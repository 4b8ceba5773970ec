import type { EventTypeRow, Scope, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { after, flag, insertRow, json, setClause, toPage } from '../sql/query.js';
import { withQuota } from './applications.js';

type EventTypeOps = Pick<Store, 'ensureEventTypes' | 'createEventType' | 'listEventTypes' | 'getEventType' | 'updateEventType' | 'deleteEventType'>;
type Raw = Record<string, unknown>;

const EVENT_TYPE_COLUMNS = { description: (v: unknown) => v, schema: json.stringify, example: json.stringify, archived: flag };

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

const insertEventType = (q: Sql, scope: Scope, et: EventTypeRow) =>
  insertRow(q, 'event_types', {
    id: et.id, tenant_id: scope.tenant_id, environment: scope.environment, name: et.name, description: et.description,
    schema: json.stringify(et.schema), example: json.stringify(et.example), archived: flag(et.archived), created_at: et.created_at, updated_at: et.updated_at,
  });

export function eventTypeOps(sql: Sql): EventTypeOps {
  const ops: EventTypeOps = {
    async ensureEventTypes(scope, types) {
      return sql.tx(async (q) => {
        const created: string[] = [];
        for (const et of types) {
          if (await q.get('SELECT 1 AS found FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?', [scope.tenant_id, scope.environment, et.name])) continue;
          await insertEventType(q, scope, et);
          created.push(et.name);
        }
        return created;
      });
    },
    async createEventType(scope, et, maxEventTypes) {
      return withQuota(sql, scope, maxEventTypes, 'event_types', '', [], (q) => insertEventType(q, scope, et));
    },
    async listEventTypes(scope, page, includeArchived) {
      const next = after(page);
      const rows = await sql.all(
        `SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? ${includeArchived ? '' : 'AND archived = 0'} ${next.clause} ORDER BY id ${next.order} LIMIT ?`,
        [scope.tenant_id, scope.environment, ...next.params, page.limit + 1],
      );
      return toPage(rows.map(eventTypeFromRow), page);
    },
    async getEventType(scope, name) {
      const row = await sql.get('SELECT * FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?', [scope.tenant_id, scope.environment, name]);
      return row ? eventTypeFromRow(row) : null;
    },
    async updateEventType(scope, name, patch, now) {
      const { sets, params } = setClause(patch, EVENT_TYPE_COLUMNS);
      await sql.run(`UPDATE event_types SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE tenant_id = ? AND environment = ? AND name = ?`, [...params, now, scope.tenant_id, scope.environment, name]);
      return ops.getEventType(scope, name);
    },
    async deleteEventType(scope, name) {
      return (await sql.run('DELETE FROM event_types WHERE tenant_id = ? AND environment = ? AND name = ?', [scope.tenant_id, scope.environment, name])) > 0;
    },
  };
  return ops;
}
