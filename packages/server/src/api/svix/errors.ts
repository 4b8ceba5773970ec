import type { FastifyError, FastifyInstance } from 'fastify';
import { problemOfRequest, type Problem } from '../problems.js';
import { NativeProblem } from './native.js';
import { loc } from './wire.js';

/** Svix's `code` for each status its SDKs see. */
const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'authentication_failed',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Svix's error bodies: `{code, detail}` (HttpErrorOut), and for 422 `{detail: [{loc, msg, type}]}`
 * (HTTPValidationError), which its SDKs parse into typed exceptions.
 */
export function svixError(problem: Problem): unknown {
  if (problem.status === 422) {
    const items = problem.errors?.length ? problem.errors : [{ field: 'body', message: problem.detail }];
    return { detail: items.map((e) => ({ loc: loc(e.field), msg: e.message, type: 'value_error' })) };
  }
  return { code: CODES[problem.status] ?? (problem.status >= 500 ? 'server_error' : 'bad_request'), detail: problem.detail };
}

/** Every error under the Svix base path, in Svix's shape; the problem it stands for is Herald's own. */
export function installSvixErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | NativeProblem, req, reply) => {
    const problem = err instanceof NativeProblem ? err.problem : problemOfRequest(err, req, reply);
    if (err instanceof NativeProblem) void reply.headers(err.headers);
    return reply.code(problem.status).type('application/json').send(svixError(problem));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).type('application/json').send(svixError({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No Svix route for ${req.method} ${req.url.split('?')[0]}` })),
  );
}
