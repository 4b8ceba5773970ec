import type { LookupFunction } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import type { ErrorClass } from '../store/types.js';
import { Deadline } from './deadline.js';
import type { NetworkPolicy } from './network-policy.js';

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Keep this much of the response body (default EXCERPT_BYTES), for callers that read it (OAuth2 tokens). */
  excerptBytes?: number;
  /** A client certificate and/or the CA the receiver must chain to; `id` names the pool that keeps them. */
  tls?: { id: string; cert?: string; key?: string; ca?: string };
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  headers: Record<string, string> | null;
  /** At most EXCERPT_BYTES of the response body, as text. */
  bodyExcerpt: string | null;
  durationMs: number;
  errorClass: ErrorClass | null;
  errorMessage: string | null;
  /**
   * A failure that retrying cannot fix, as the transport understands its receiver: `end` fails
   * this delivery now; `disable` also disables the endpoint (the destination is gone).
   */
  permanent?: 'end' | 'disable';
  /** Nothing was sent on purpose (a transformation cancelled the delivery): it ends as discarded. */
  cancelled?: boolean;
}

export interface Sender {
  /** `deadline`: the attempt's, when the caller (the dispatcher) runs one; else the sender starts its own. */
  send(req: SendRequest, deadline?: Deadline): Promise<SendResult>;
  close(): Promise<void>;
}

export const EXCERPT_BYTES = 4096;
/** Connection pools with their own TLS settings kept open at once. */
const MAX_TLS_POOLS = 256;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** Maps a network failure to the error class shown in the attempt log. */
export function classifyError(err: unknown): ErrorClass {
  const chain: Array<{ name?: string; code?: string; message?: string }> = [];
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as never, depth++) chain.push(e as never);
  for (const e of chain) {
    if (e.code === 'ERR_HERALD_BLOCKED_ADDRESS') return 'blocked';
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || (e.code && TIMEOUT_CODES.has(e.code))) return 'timeout';
    if (e.code === 'ECONNREFUSED') return 'connection_refused';
    if (e.code && DNS_CODES.has(e.code)) return 'dns';
    if (e.code && /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_OSSL)/.test(e.code)) return 'tls';
    if (e.message && /\b(SSL|TLS|certificate)\b/i.test(e.message)) return 'tls';
  }
  return 'connection';
}

/** Response headers read at all: undici refuses a larger head (HeadersOverflowError) while parsing it. */
export const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;
/** Of those, what the attempt log keeps: 64 headers of at most 1 KB each. */
const KEPT_HEADERS = 64;
const KEPT_HEADER_BYTES = 1024;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  let kept = 0;
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    if (kept++ >= KEPT_HEADERS) break;
    const value = Array.isArray(v) ? v.join(', ') : v;
    out[k] = value.length > KEPT_HEADER_BYTES ? value.slice(0, KEPT_HEADER_BYTES) : value;
  }
  return out;
}

/** Reads at most `limit` bytes, then stops reading (the connection is dropped rather than drained). */
async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

export interface SenderOptions {
  maxResponseBytes: number;
  /** Where connections may go; checked on the address actually dialled. */
  policy: NetworkPolicy;
  /** Name resolution (default: the system resolver). */
  lookup?: LookupFunction;
}

/**
 * POSTs with an undici Agent: pooled keep-alive connections per origin, no redirects (undici's
 * `request` does not follow them), per-request header/body timeouts plus an overall deadline.
 * Every new connection passes the network policy: IP literals directly, hostnames through a
 * guarded lookup whose answer is the address the socket then uses.
 */
export function makeSender(options: SenderOptions): Sender {
  const makeAgent = (tls: Omit<NonNullable<SendRequest['tls']>, 'id'> = {}) => {
    const baseConnect = buildConnector({ timeout: 10_000, lookup: options.policy.guardLookup(options.lookup), ...tls } as buildConnector.BuildOptions);
    const connect: buildConnector.connector = (opts, callback) => {
      try {
        options.policy.checkLiteral(opts.hostname);
      } catch (err) {
        return callback(err as Error, null);
      }
      return baseConnect(opts, callback);
    };
    return new Agent({ keepAliveTimeout: 10_000, connect, maxHeaderSize: MAX_RESPONSE_HEADER_BYTES });
  };
  const agent = makeAgent();
  // Connections made with a client certificate or a custom CA are pooled apart, per endpoint and
  // configuration (a changed certificate gets a new pool); the least recently used pool goes first.
  const tlsAgents = new Map<string, Agent>();
  const agentFor = (tls: SendRequest['tls']): Agent => {
    if (!tls) return agent;
    let found = tlsAgents.get(tls.id);
    if (found) tlsAgents.delete(tls.id);
    else {
      found = makeAgent({ ...(tls.cert ? { cert: tls.cert } : {}), ...(tls.key ? { key: tls.key } : {}), ...(tls.ca ? { ca: tls.ca } : {}) });
      if (tlsAgents.size >= MAX_TLS_POOLS) {
        const [oldest, evicted] = tlsAgents.entries().next().value!;
        tlsAgents.delete(oldest);
        void evicted.close();
      }
    }
    tlsAgents.set(tls.id, found);
    return found;
  };
  return {
    async send({ url, headers, body, timeoutMs, excerptBytes = EXCERPT_BYTES, tls }, given) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      // The overall deadline (connect + headers + body).
      const deadline = given ?? new Deadline(timeoutMs);
      try {
        const res = await request(url, {
          method: 'POST',
          headers,
          body,
          dispatcher: agentFor(tls),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: deadline as unknown as AbortSignal,
        });
        const raw = await readLimited(res.body, options.maxResponseBytes);
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        return {
          ok,
          status: res.statusCode,
          headers: flattenHeaders(res.headers),
          bodyExcerpt: raw.subarray(0, excerptBytes).toString('utf8'),
          durationMs: elapsed(),
          errorClass: ok ? null : 'http_status',
          errorMessage: ok ? null : `Receiver answered ${res.statusCode}`,
        };
      } catch (err) {
        const errorClass = classifyError(err);
        const message = errorClass === 'timeout' ? `No complete response within ${timeoutMs} ms` : String((err as Error).message ?? err);
        return { ok: false, status: null, headers: null, bodyExcerpt: null, durationMs: elapsed(), errorClass, errorMessage: message };
      } finally {
        if (!given) deadline.clear();
      }
    },
    async close() {
      // The dispatcher has already waited for what it could; anything still open is abandoned
      // and its lease will bring it back.
      await Promise.all([agent.destroy(), ...[...tlsAgents.values()].map((a) => a.destroy())]);
    },
  };
}
