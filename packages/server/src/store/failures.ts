import { wrapStoreCalls } from './wrap-calls.js';

/**
 * What a store failure means for a client: the database is down, too slow, out of disk,
 * read-only or locked. Each is answered with 503 and Retry-After (nothing was promised; try
 * again), never with a 500 that looks like a bug. Codes from both dialects: node-postgres and
 * socket errors, PostgreSQL SQLSTATE classes, SQLite result codes.
 */
export type StoreFailureReason = 'unavailable' | 'timeout' | 'disk_full' | 'read_only' | 'locked';

export class StoreUnavailableError extends Error {
  readonly code = 'ERR_HERALD_STORE_UNAVAILABLE';
  constructor(
    readonly reason: StoreFailureReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'StoreUnavailableError';
  }
}

const DETAIL: Record<StoreFailureReason, string> = {
  unavailable: 'The database is unreachable; the request was not completed',
  timeout: 'The database did not answer in time; the request may not have been completed',
  disk_full: 'The database disk is full; nothing was stored',
  read_only: 'The database is read-only; nothing was stored',
  locked: 'The database is locked by another process; nothing was stored',
};

/** Seconds a client should wait: an outage or a lock usually passes soon; a full or read-only disk needs an operator. */
export const RETRY_AFTER_SECONDS: Record<StoreFailureReason, number> = { unavailable: 5, timeout: 5, locked: 2, disk_full: 60, read_only: 60 };

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;

/** The reason a store call failed for want of the store itself, or null for any other error. */
export function storeFailureReason(err: unknown): StoreFailureReason | null {
  if (err instanceof StoreUnavailableError) return err.reason;
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  // SQLite (extended codes start with the primary one).
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'unavailable';
  // PostgreSQL: 53100 disk_full, 25006 read_only_sql_transaction (a standby), 57014 query_canceled
  // (statement_timeout), 55P03 lock_not_available, classes 08 (connection) and 57P (shutdown).
  if (code === '53100') return 'disk_full';
  if (code === '25006') return 'read_only';
  if (code === '57014') return 'timeout';
  if (code === '55P03') return 'locked';
  // deadlock_detected, serialization_failure: still so after the transaction's own retries (postgres/db.ts).
  if (code === '40P01' || code === '40001') return 'locked';
  if (/^(08|57P|53)/.test(code)) return 'unavailable';
  if (SOCKET_CODES.has(code)) return 'unavailable';
  if (/Query read timeout/i.test(message)) return 'timeout';
  if (CONNECTION_MESSAGES.test(message)) return 'unavailable';
  return null;
}

/** A StoreUnavailableError for `err` when it is a store failure, else null. */
export function asStoreFailure(err: unknown): StoreUnavailableError | null {
  if (err instanceof StoreUnavailableError) return err;
  const reason = storeFailureReason(err);
  return reason ? new StoreUnavailableError(reason, DETAIL[reason], { cause: err }) : null;
}

function storeTimeout(ms: number): StoreUnavailableError {
  return new StoreUnavailableError('timeout', `${DETAIL.timeout} (no answer within ${ms} ms)`);
}

/** `work`, or a store timeout if it has not settled within `ms` (its late outcome is dropped, not left unhandled). */
export function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(storeTimeout(ms)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The store as request handlers see it: every call answers (or fails with a timeout) within
 * `deadlineMs`, so a frozen database makes requests fail fast instead of hanging. A call cut short
 * may still complete later; a publish retried with the same Idempotency-Key is stored once.
 */
export function withDeadline<S extends object>(store: S, deadlineMs: number): S {
  return wrapStoreCalls(store, (_op, call) => {
    const result = call();
    return result instanceof Promise ? withinDeadline(result, deadlineMs) : result;
  });
}
