import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { FieldError } from '../../errors.js';
import type { Problem } from '../problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Under the Svix base path: the native API, called as this request's caller. */
    native: NativeCall;
  }
}

/** A native API call answered with a problem: the Svix surface answers it in Svix's error shape. */
export class NativeProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string>,
  ) {
    super(problem.detail);
  }
}

/** Response headers a Svix caller should see from the native answer (rate limits, replays, retry hints). */
const PASSED_ON = /^(ratelimit-.*|retry-after|idempotent-replayed|www-authenticate)$/i;

export type NativeCall = <T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/**
 * Calls the native API in-process (Fastify's inject) with the caller's own credentials,
 * address and idempotency key: each Svix write is the native route that owns the rule, with
 * its validation, quotas, SSRF checks, rate limit and operational events, and nothing copied.
 */
export function nativeCaller(root: FastifyInstance, req: FastifyRequest, reply: FastifyReply, traceparentOf: (span: FastifyRequest['span']) => string | null): NativeCall {
  return async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => {
    // The native call is part of this request: it logs under the same request id.
    const headers: Record<string, string> = { authorization: req.headers.authorization ?? '', 'x-request-id': req.id };
    // …and, traced, its span is a child of this request's.
    const traceparent = traceparentOf(req.span);
    if (traceparent) headers.traceparent = traceparent;
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && method === 'POST' && /\/msg$/.test(path)) headers['idempotency-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await root.inject({ method, url: `/api/v1${path}`, headers, remoteAddress: req.ip, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
    const passed: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) if (PASSED_ON.test(name) && value !== undefined) passed[name] = String(value);
    const parsed = res.body ? (JSON.parse(res.body) as unknown) : null;
    if (res.statusCode >= 400) {
      const problem = (parsed ?? {}) as Partial<Problem>;
      throw new NativeProblem(
        { type: problem.type ?? 'about:blank', title: problem.title ?? STATUS_CODES[res.statusCode] ?? 'Error', status: res.statusCode, detail: problem.detail ?? '', ...(problem.errors ? { errors: problem.errors as FieldError[] } : {}) },
        passed,
      );
    }
    void reply.headers(passed);
    return { status: res.statusCode, body: parsed as T };
  };
}
