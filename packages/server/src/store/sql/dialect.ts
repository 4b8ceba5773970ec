export type ColumnType = 'TEXT' | 'BIGINT';
export type Columns = readonly (readonly [name: string, type: ColumnType])[];

/**
 * The few places SQLite and PostgreSQL SQL differ, as fragments the protocol splices in. Anything
 * not here is written the same for both (both have RETURNING, ON CONFLICT upserts and UPDATE … FROM).
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Every writer is this process (embedded SQLite): transactions run one at a time, so a count
   * and an insert cannot interleave, a publish may lease what it creates, and every lease at start
   * belonged to a run that died.
   */
  readonly singleWriter: boolean;
  /**
   * A WITH clause may INSERT (PostgreSQL): a batch of publishes is written by one statement, one
   * round trip, instead of a transaction of several (protocol/publish-statement.postgres.ts).
   */
  readonly writesInWith: boolean;
  /** `column IN` one list parameter, e.g. `WHERE id ${d.inList()}` with `d.list(ids)`. */
  inList(type?: 'text' | 'bigint'): string;
  list(values: readonly unknown[]): unknown;
  /** Row locks for the rest of the transaction (nothing on SQLite, whose transaction holds the database). */
  readonly forUpdate: string;
  /** Locks the selected rows for an update, leaving out those another transaction holds instead of waiting. */
  readonly skipLocked: string;
  readonly greatest: string;
  readonly least: string;
  /** True when JSON array text `column` holds the string `value` (a parameter unless given). */
  jsonArrayHas(column: string, value?: string): string;
  /** Serialises transactions that take the same key (until they commit); null where they already are. */
  lockKey: string | null;
  /** `lockKey` that does not wait: one row `{ ok }`, false while another transaction holds the key. */
  tryLockKey: string | null;
  /**
   * Rows as a table to select from or join (`INSERT … SELECT * FROM ${t.sql} AS t`, `UPDATE … FROM`):
   * PostgreSQL unnests one array per column (a statement of fixed shape, whatever the count), SQLite
   * reads VALUES. At most MAX_ROWS_PER_STATEMENT rows (sql/query.ts).
   */
  rows(columns: Columns, rows: readonly unknown[][]): { sql: string; params: unknown[] };
}

function valuesRows(columns: Columns, rows: readonly unknown[][]) {
  // The first row's casts give the columns their types.
  const first = `(${columns.map(([, type]) => `CAST(? AS ${type})`).join(', ')})`;
  const rest = `(${columns.map(() => '?').join(', ')})`;
  const select = columns.map(([name], i) => `column${i + 1} AS ${name}`).join(', ');
  return { sql: `(SELECT ${select} FROM (VALUES ${[first, ...new Array<string>(rows.length - 1).fill(rest)].join(', ')}) AS v)`, params: rows.flat() };
}

function unnestRows(columns: Columns, rows: readonly unknown[][]) {
  return {
    sql: `(SELECT * FROM unnest(${columns.map(([, type]) => `?::${type.toLowerCase()}[]`).join(', ')}) AS v(${columns.map(([name]) => name).join(', ')}))`,
    params: columns.map((_, i) => rows.map((r) => r[i])),
  };
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  singleWriter: true,
  writesInWith: false,
  inList: () => 'IN (SELECT value FROM json_each(?))',
  list: (values) => JSON.stringify(values),
  forUpdate: '',
  skipLocked: '',
  greatest: 'MAX',
  least: 'MIN',
  jsonArrayHas: (column, value = '?') => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${value})`,
  lockKey: null,
  tryLockKey: null,
  rows: valuesRows,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  singleWriter: false,
  writesInWith: true,
  inList: (type = 'text') => `= ANY(?::${type}[])`,
  list: (values) => values,
  forUpdate: ' FOR UPDATE',
  skipLocked: ' FOR NO KEY UPDATE SKIP LOCKED',
  greatest: 'GREATEST',
  least: 'LEAST',
  jsonArrayHas: (column, value = '?') => `${column}::jsonb @> jsonb_build_array(${value}::text)`,
  lockKey: 'SELECT pg_advisory_xact_lock(hashtext(?))',
  tryLockKey: 'SELECT pg_try_advisory_xact_lock(hashtext(?)) AS ok',
  rows: unnestRows,
};
