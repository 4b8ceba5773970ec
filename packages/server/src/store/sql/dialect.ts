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
  /** `column IN` one list parameter, e.g. `WHERE id ${d.inList()}` with `d.list(ids)`. */
  inList(type?: 'text' | 'bigint'): string;
  list(values: readonly unknown[]): unknown;
  /** Row locks for the rest of the transaction (nothing on SQLite, whose transaction holds the database). */
  readonly forUpdate: string;
  /** Locks the rows (of table alias `of`) for an update, leaving out those another transaction holds instead of waiting. */
  skipLocked(of?: string): string;
  readonly greatest: string;
  readonly least: string;
  /** True when JSON array text `column` holds the string parameter. */
  jsonArrayHas(column: string): string;
  /** Serialises transactions that take the same key (until they commit); null where they already are. */
  lockKey: string | null;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  singleWriter: true,
  inList: () => 'IN (SELECT value FROM json_each(?))',
  list: (values) => JSON.stringify(values),
  forUpdate: '',
  skipLocked: () => '',
  greatest: 'MAX',
  least: 'MIN',
  jsonArrayHas: (column) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`,
  lockKey: null,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  singleWriter: false,
  inList: (type = 'text') => `= ANY(?::${type}[])`,
  list: (values) => values,
  forUpdate: ' FOR UPDATE',
  skipLocked: (of) => ` FOR NO KEY UPDATE${of ? ` OF ${of}` : ''} SKIP LOCKED`,
  greatest: 'GREATEST',
  least: 'LEAST',
  jsonArrayHas: (column) => `${column}::jsonb @> jsonb_build_array(?::text)`,
  lockKey: 'SELECT pg_advisory_xact_lock(hashtext(?))',
};
