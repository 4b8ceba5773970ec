import type { Dialect } from './dialect.js';

/**
 * The seam between the delivery protocol and a database: run one statement, or a transaction.
 * Statements use `?` placeholders; the PostgreSQL executor numbers them. Each dialect has one
 * implementation (`sqlite/executor.ts`, `postgres/executor.ts`); everything else is written once.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T | undefined>;
  /** Returns how many rows the statement changed. */
  run(text: string, params?: unknown[]): Promise<number>;
  /**
   * All of `fn`'s statements commit together or not at all. Inside, `tx` runs `fn` in the same
   * transaction. PostgreSQL runs it again after a deadlock; it must not have effects outside the database.
   */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** After a commit that made deliveries due: tell workers in other processes (a no-op where there are none). */
  workDue(): void;
}
