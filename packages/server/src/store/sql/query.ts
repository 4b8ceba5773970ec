import type { Page, PageQuery } from '../types.js';
import type { Dialect } from './dialect.js';
import type { Sql } from './executor.js';

/** JSON columns are TEXT in both dialects. */
export const json = {
  parse<T>(text: string | null): T | null {
    return text === null ? null : (JSON.parse(text) as T);
  },
  stringify(value: unknown): string | null {
    return value === null || value === undefined ? null : JSON.stringify(value);
  },
};

/** Booleans are 0/1 integers in both dialects. */
export const flag = (v: unknown) => (v ? 1 : 0);

/** The order a page's rows are read in: newest first, or, for the page before a cursor, oldest first (the nearest to it). */
export const pageOrder = (page: PageQuery) => (page.before ? 'ASC' : 'DESC');

/**
 * Keyset pagination: fetch one row more than asked to know whether more remain. The rows are
 * read `limit + 1` at a time in `pageOrder(page)`; the page before a cursor is turned around here.
 */
export function toPage<T extends { id: string }>(rows: T[], page: PageQuery): Page<T> {
  const done = rows.length <= page.limit;
  const kept = done ? rows : rows.slice(0, page.limit);
  const data = page.before ? kept.reverse() : kept;
  const last = data[data.length - 1];
  return { data, iterator: (done && !page.before) || !last ? null : last.id, prev_iterator: data[0]?.id ?? null, done };
}

/** `AND id < ?` (or `AND id > ?` for the page before) with its parameter, and the order to read in. */
export const after = (page: PageQuery) => {
  const where = new Where().cursor(page);
  return { clause: where.clauses.map((c) => `AND ${c}`).join(' '), params: where.params, order: pageOrder(page) };
};

/** Builds a WHERE clause from optional conditions, keeping parameters in step. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  addIf(value: unknown, clause: string): this {
    return value === undefined || value === null ? this : this.add(clause, value);
  }
  /** `column` is one of `values` (none: no condition). */
  addAnyOf(values: readonly unknown[] | undefined, column: string, dialect: Dialect): this {
    return values?.length ? this.add(`${column} ${dialect.inList()}`, dialect.list(values)) : this;
  }
  /** Where a page starts: older than `iterator`, or newer than `before`. */
  cursor(page: PageQuery, column = 'id'): this {
    return page.before ? this.add(`${column} > ?`, page.before) : this.addIf(page.iterator, `${column} < ?`);
  }
  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export async function insertRow(sql: Sql, table: string, row: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(row);
  await sql.run(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, Object.values(row));
}

/** The columns a patch may set, each with how it is stored: the SET list and its parameters. */
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

/** Keeps multi-row statements under both dialects' parameter limits. */
export const MAX_ROWS_PER_STATEMENT = 500;

export function chunks<T>(items: readonly T[], size = MAX_ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
