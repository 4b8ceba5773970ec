/** A field-level problem, as returned in `errors` of a problem response. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error the API turns into an RFC 9457 problem response. Thrown at boundaries (API handlers,
 * store constraint violations) with a message a person can act on.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(detail, options);
    this.name = 'HttpProblem';
    this.headers = options?.headers;
  }
  /** Response headers that go with the problem (Retry-After, WWW-Authenticate). */
  readonly headers: Record<string, string> | undefined;
}

export const notFound = (what: string, id: string) => new HttpProblem(404, 'Not Found', `${what} "${id}" was not found`);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(422, 'Unprocessable Content', detail, errors);
/** A tenant quota (applications, endpoints, event types) is used up; the admin can raise it per tenant. */
export const quotaExceeded = (detail: string) => new HttpProblem(409, 'Quota Exceeded', detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'Too Many Requests', detail, undefined, { headers: { 'retry-after': String(Math.max(1, retryAfterSeconds)) } });
export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'Bad Request', detail, errors);

/** A unique constraint failed, in either store dialect (SQLite's code or PostgreSQL's 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Run a write; a unique-constraint failure becomes a 409 with `detail`. */
export async function orConflict<T>(write: Promise<T>, detail: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err)) throw new HttpProblem(409, 'Conflict', detail, undefined, { cause: err });
    throw err;
  }
}
