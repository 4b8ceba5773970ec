import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { HttpProblem, type FieldError } from '../errors.js';
import { asStoreFailure, RETRY_AFTER_SECONDS } from '../store/failures.js';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export const slug = (title: string) => 'https://herald.dev/problems/' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `body/url`, `query/limit`: where the bad value is, in words a client can map to its input. */
export function fieldErrors(errors: AjvError[], context: string): FieldError[] {
  return errors.map((e) => {
    let path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = (e.params.missingProperty ?? e.params.additionalProperty) as string | undefined;
    if (extra) path = path ? `${path}.${extra}` : extra;
    const message =
      e.keyword === 'additionalProperties' ? 'is not a known field' : e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid');
    return { field: `${context}${path ? '.' + path : ''}`, message };
  });
}

/**
 * The problem an error thrown by Herald's own code answers: a typed error as itself, a store outage
 * 503, anything else a bare 500 — logged, its message kept out of the answer.
 */
export function problemFor(err: unknown, log: FastifyBaseLogger): Problem {
  if (err instanceof HttpProblem) return { type: slug(err.title), title: err.title, status: err.status, detail: err.message, ...(err.errors ? { errors: err.errors } : {}) };
  const failure = asStoreFailure(err);
  if (failure) {
    log.warn({ reason: failure.reason, err: failure.cause }, 'store unavailable');
    return { type: slug('Service Unavailable'), title: 'Service Unavailable', status: 503, detail: failure.message };
  }
  log.error({ err }, 'unhandled error');
  return { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred' };
}

/** One central handler: typed errors become problems; anything unknown is logged and answered with a bare 500. */
export function installProblemHandlers(app: FastifyInstance, pageFallback?: (req: FastifyRequest, reply: FastifyReply) => boolean): void {
  // A browser asking for a dashboard page (/apps/…, /portal) gets the single-page app; API
  // clients and everything else get a problem response.
  app.setNotFoundHandler((req, reply) => {
    if (pageFallback?.(req, reply)) return reply;
    return sendProblem(reply, { type: slug('Not Found'), title: 'Not Found', status: 404, detail: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });

  app.setErrorHandler((err: FastifyError & { validationContext?: string }, req, reply) => sendProblem(reply, problemOfRequest(err, req, reply)));
}

/**
 * The problem any error of a request answers (a typed error, a validation failure, a framework
 * refusal, a store outage, a bug), with the headers that go with it set on the reply.
 */
export function problemOfRequest(err: FastifyError & { validationContext?: string }, req: FastifyRequest, reply: FastifyReply): Problem {
  if (err instanceof HttpProblem) {
    if (err.headers) void reply.headers(err.headers);
    return { ...problemFor(err, req.log), instance: req.url };
  }
  if (err.validation) {
    const context = err.validationContext ?? 'request';
    const errors = fieldErrors(err.validation as AjvError[], context === 'querystring' ? 'query' : context);
    return {
      type: slug('Validation Failed'),
      title: 'Validation Failed',
      status: 422,
      detail: `The request ${context} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'The request body is larger than this server accepts'
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Send the request body as application/json'
          : err instanceof SyntaxError || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? `The request body is not valid JSON: ${err.message}`
            : err.message;
    const title = status === 413 ? 'Payload Too Large' : (STATUS_CODES[status] ?? 'Bad Request');
    return { type: slug(title), title, status, detail };
  }
  const failure = asStoreFailure(err);
  if (failure) void reply.header('retry-after', String(RETRY_AFTER_SECONDS[failure.reason]));
  const problem = problemFor(err, req.log);
  return failure ? { ...problem, instance: req.url } : problem;
}

/**
 * Errors Fastify raises before a route runs (a path that is not valid percent-encoding, a path
 * segment over the router's limit): problem responses like every other 4xx.
 */
export function frameworkErrorHandler(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const title = tooLong ? 'URI Too Long' : 'Bad Request';
  const detail = tooLong
    ? 'A segment of the request path is longer than any id this API takes'
    : err.code === 'FST_ERR_BAD_URL'
      ? 'The request path is not valid (bad percent-encoding)'
      : 'The request could not be routed';
  // Sent before any hook runs, so without the security headers the other responses get.
  void reply.headers({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'referrer-policy': 'no-referrer' });
  void sendProblem(reply, { type: slug(title), title, status, detail });
}

/**
 * Requests too malformed for HTTP parsing never reach Fastify's handlers; Node hands their
 * sockets here. Answer as a problem (then close), as Node itself would answer 400/431.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const title = STATUS_CODES[status]!;
  const detail = status === 431 ? 'The request headers are larger than this server accepts' : status === 408 ? 'The request took too long to arrive' : 'The request is not valid HTTP';
  const body = JSON.stringify({ type: slug(title), title, status, detail } satisfies Problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
