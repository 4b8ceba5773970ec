import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box.js';
import type { FieldError } from '../errors.js';
import type { Deadline } from './deadline.js';
import { MASKED_HEADER_VALUE } from './header-policy.js';
import type { Sender, SendRequest, SendResult } from './sender.js';

/**
 * How Herald authenticates to an endpoint, beyond the signature: a static bearer token or basic
 * credentials, an OAuth2 client-credentials token, and a client certificate (mTLS) with the CA
 * the receiver's certificate must chain to. Secrets are sealed with the master key when saved,
 * read back as MASKED_HEADER_VALUE (sending that back keeps the stored value), opened only to send.
 */
export type EndpointAuthInput =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | {
      type: 'oauth2_client_credentials';
      token_url: string;
      client_id: string;
      client_secret: string;
      scope?: string | null | undefined;
      audience?: string | null | undefined;
      /** How the client authenticates to the token endpoint: HTTP Basic (default, RFC 6749 §2.3.1) or in the form body. */
      client_auth?: 'basic' | 'body' | undefined;
    };

export type StoredAuth =
  | { type: 'bearer'; sealed_token: string }
  | { type: 'basic'; username: string; sealed_password: string }
  | { type: 'oauth2_client_credentials'; token_url: string; client_id: string; sealed_client_secret: string; scope: string | null; audience: string | null; client_auth: 'basic' | 'body' };

export interface EndpointTlsInput {
  client_certificate?: string | null | undefined;
  client_key?: string | null | undefined;
  ca_certificate?: string | null | undefined;
}

export interface StoredTls {
  client_certificate: string | null;
  sealed_client_key: string | null;
  ca_certificate: string | null;
}

/** The typed failure of authenticating (the token endpoint refused or failed): the attempt's error class `auth`. */
export class EndpointAuthError extends Error {
  override name = 'EndpointAuthError';
}

const keep = (value: string, sealed: string | undefined, box: SecretBox) => (value === MASKED_HEADER_VALUE && sealed !== undefined ? sealed : box.seal(value));

/**
 * Whether a secret sent back masked may keep `previous`'s: the same kind, and for OAuth2 the same
 * token endpoint (a kept client secret is never sent somewhere new).
 */
const keeps = (input: EndpointAuthInput, previous: StoredAuth | null) =>
  previous?.type === input.type && (input.type !== 'oauth2_client_credentials' || (previous as Extract<StoredAuth, { type: 'oauth2_client_credentials' }>).token_url === input.token_url);

/** What is stored for `input`; a secret sent back masked keeps the one in `previous` (see `keeps`). */
export function sealAuth(box: SecretBox, input: EndpointAuthInput | null, previous: StoredAuth | null): StoredAuth | null {
  if (!input) return null;
  const prev = keeps(input, previous) ? previous : null;
  switch (input.type) {
    case 'bearer':
      return { type: 'bearer', sealed_token: keep(input.token, (prev as Extract<StoredAuth, { type: 'bearer' }> | null)?.sealed_token, box) };
    case 'basic':
      return { type: 'basic', username: input.username, sealed_password: keep(input.password, (prev as Extract<StoredAuth, { type: 'basic' }> | null)?.sealed_password, box) };
    case 'oauth2_client_credentials':
      return {
        type: input.type,
        token_url: input.token_url,
        client_id: input.client_id,
        sealed_client_secret: keep(input.client_secret, (prev as Extract<StoredAuth, { type: 'oauth2_client_credentials' }> | null)?.sealed_client_secret, box),
        scope: input.scope ?? null,
        audience: input.audience ?? null,
        client_auth: input.client_auth ?? 'basic',
      };
  }
}

/** What reads show. */
export function maskAuth(auth: StoredAuth | null): EndpointAuthInput | null {
  if (!auth) return null;
  switch (auth.type) {
    case 'bearer':
      return { type: 'bearer', token: MASKED_HEADER_VALUE };
    case 'basic':
      return { type: 'basic', username: auth.username, password: MASKED_HEADER_VALUE };
    case 'oauth2_client_credentials': {
      const { sealed_client_secret: _secret, ...rest } = auth;
      return { ...rest, client_secret: MASKED_HEADER_VALUE };
    }
  }
}

/** A masked secret is only meaningful when one of the same kind is stored to keep. */
export function checkAuth(input: EndpointAuthInput | null | undefined, previous: StoredAuth | null, checkUrl: (url: string, field: string) => FieldError | null, field = 'body.auth'): FieldError[] {
  if (!input) return [];
  const errors: FieldError[] = [];
  const masked = (value: string, name: string) => {
    if (value === MASKED_HEADER_VALUE && !keeps(input, previous)) {
      errors.push({ field: `${field}.${name}`, message: previous?.type === input.type ? 'is masked, but token_url changed: send the secret again' : 'is masked, but no value of this kind is stored to keep' });
    }
  };
  if (input.type === 'bearer') masked(input.token, 'token');
  if (input.type === 'basic') masked(input.password, 'password');
  if (input.type === 'oauth2_client_credentials') {
    masked(input.client_secret, 'client_secret');
    const bad = checkUrl(input.token_url, `${field}.token_url`);
    if (bad) errors.push(bad);
  }
  return errors;
}

/** The stored client certificate: the key sealed; a masked key keeps the stored one. */
export function sealTls(box: SecretBox, input: EndpointTlsInput | null, previous: StoredTls | null): StoredTls | null {
  if (!input) return null;
  const key = input.client_key ?? null;
  return {
    client_certificate: input.client_certificate ?? null,
    sealed_client_key: key === null ? null : keep(key, previous?.sealed_client_key ?? undefined, box),
    ca_certificate: input.ca_certificate ?? null,
  };
}

export interface TlsView {
  client_certificate: string | null;
  client_key: string | null;
  ca_certificate: string | null;
  /** Of the client certificate, for the dashboard: who it names and when it stops working. */
  client_certificate_subject: string | null;
  client_certificate_expires_at: string | null;
}

export function maskTls(tls: StoredTls | null): TlsView | null {
  if (!tls) return null;
  const cert = tls.client_certificate ? new X509Certificate(tls.client_certificate) : null;
  return {
    client_certificate: tls.client_certificate,
    client_key: tls.sealed_client_key ? MASKED_HEADER_VALUE : null,
    ca_certificate: tls.ca_certificate,
    client_certificate_subject: cert ? cert.subject.replace(/\n/g, ', ') : null,
    client_certificate_expires_at: cert ? new Date(cert.validTo).toISOString() : null,
  };
}

/** PEM that parses, a key that belongs to its certificate, and a certificate not yet expired. */
export function checkTls(input: EndpointTlsInput | null | undefined, previous: StoredTls | null, box: SecretBox, field = 'body.tls'): FieldError[] {
  if (!input) return [];
  const errors: FieldError[] = [];
  let cert: X509Certificate | null = null;
  if (input.client_certificate) {
    try {
      cert = new X509Certificate(input.client_certificate);
      if (Date.parse(cert.validTo) < Date.now()) errors.push({ field: `${field}.client_certificate`, message: `expired on ${new Date(cert.validTo).toISOString()}` });
    } catch {
      errors.push({ field: `${field}.client_certificate`, message: 'is not a PEM X.509 certificate' });
    }
  }
  if (!input.client_certificate !== !input.client_key) errors.push({ field: `${field}.${input.client_key ? 'client_certificate' : 'client_key'}`, message: 'is required with the other half of the client certificate' });
  if (input.client_key) {
    const keyPem = input.client_key === MASKED_HEADER_VALUE ? (previous?.sealed_client_key ? box.open(previous.sealed_client_key) : null) : input.client_key;
    if (keyPem === null) errors.push({ field: `${field}.client_key`, message: 'is masked, but no key is stored to keep' });
    else {
      try {
        const key = createPrivateKey(keyPem);
        if (cert && !cert.checkPrivateKey(key)) errors.push({ field: `${field}.client_key`, message: 'does not belong to client_certificate' });
      } catch {
        errors.push({ field: `${field}.client_key`, message: 'is not a PEM private key (unencrypted PKCS#8, PKCS#1 or SEC1)' });
      }
    }
  }
  if (input.ca_certificate) {
    try {
      new X509Certificate(input.ca_certificate);
    } catch {
      errors.push({ field: `${field}.ca_certificate`, message: 'is not a PEM X.509 certificate' });
    }
  }
  return errors;
}

/** An endpoint as sending to it needs: where its credentials and certificate come from. */
export interface AuthTarget {
  id: string;
  timeout_ms: number;
  auth: StoredAuth | null;
  tls: StoredTls | null;
}

export interface EndpointClient {
  /**
   * Sends `build(authHeaders)` with the endpoint's credentials and client certificate. An OAuth2
   * token the receiver answers 401 to is fetched again and the request sent once more.
   */
  send(ep: AuthTarget, build: (auth: Record<string, string>) => SendRequest, deadline?: Deadline): Promise<{ request: SendRequest; result: SendResult }>;
}

/** Tokens kept at most: one per OAuth2 endpoint this process sends to. */
const MAX_CACHED_TOKENS = 10_000;
/** A token without expires_in is used for this long. */
const DEFAULT_TOKEN_SECONDS = 300;

interface CachedToken {
  value: string;
  expiresAt: number;
}

export function makeEndpointClient(deps: { sender: Sender; box: SecretBox; now?: () => number }): EndpointClient {
  const now = deps.now ?? Date.now;
  const tokens = new Map<string, CachedToken>();
  const fetching = new Map<string, Promise<CachedToken>>();
  const tokenKey = (ep: AuthTarget) => `${ep.id}:${createHash('sha256').update(JSON.stringify(ep.auth)).digest('base64url')}`;

  async function fetchToken(auth: Extract<StoredAuth, { type: 'oauth2_client_credentials' }>, timeoutMs: number, deadline?: Deadline): Promise<CachedToken> {
    const secret = deps.box.open(auth.sealed_client_secret);
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    if (auth.audience) form.set('audience', auth.audience);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (auth.client_auth === 'body') {
      form.set('client_id', auth.client_id);
      form.set('client_secret', secret);
    } else {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(auth.client_id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
    }
    const res = await deps.sender.send({ url: auth.token_url, headers, body: form.toString(), timeoutMs, excerptBytes: 64 * 1024 }, deadline);
    if (!res.ok) {
      const why = res.status !== null ? `answered ${res.status}${oauthError(res.bodyExcerpt)}` : `failed (${res.errorClass}: ${res.errorMessage})`;
      throw new EndpointAuthError(`The OAuth2 token endpoint ${why}`);
    }
    let body: { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(res.bodyExcerpt ?? '') as typeof body;
    } catch {
      throw new EndpointAuthError('The OAuth2 token endpoint answered something other than JSON');
    }
    if (typeof body.access_token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(body.access_token)) throw new EndpointAuthError('The OAuth2 token response has no usable access_token');
    if (body.token_type !== undefined && String(body.token_type).toLowerCase() !== 'bearer') throw new EndpointAuthError(`The OAuth2 token is of type "${String(body.token_type)}", not Bearer`);
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renew a little before it expires, so a token is not sent in its last seconds.
    return { value: body.access_token, expiresAt: now() + Math.max(1, seconds - Math.min(60, seconds / 10)) * 1000 };
  }

  /** A valid token for the endpoint: cached, or fetched once for every delivery waiting on it. */
  function tokenFor(ep: AuthTarget & { auth: Extract<StoredAuth, { type: 'oauth2_client_credentials' }> }, fresh: boolean, deadline?: Deadline): Promise<CachedToken> {
    const key = tokenKey(ep);
    const cached = tokens.get(key);
    if (cached && !fresh && cached.expiresAt > now()) return Promise.resolve(cached);
    let pending = fetching.get(key);
    if (!pending) {
      pending = fetchToken(ep.auth, ep.timeout_ms, deadline)
        .then((token) => {
          tokens.delete(key);
          if (tokens.size >= MAX_CACHED_TOKENS) tokens.delete(tokens.keys().next().value!);
          tokens.set(key, token);
          return token;
        })
        .finally(() => fetching.delete(key));
      fetching.set(key, pending);
    }
    return pending;
  }

  const staticHeaders = (auth: StoredAuth): Record<string, string> => {
    if (auth.type === 'bearer') return { authorization: `Bearer ${deps.box.open(auth.sealed_token)}` };
    if (auth.type === 'basic') return { authorization: `Basic ${Buffer.from(`${auth.username}:${deps.box.open(auth.sealed_password)}`).toString('base64')}` };
    return {};
  };

  const withTls = (ep: AuthTarget, request: SendRequest): SendRequest => {
    if (!ep.tls) return request;
    const { client_certificate, sealed_client_key, ca_certificate } = ep.tls;
    return {
      ...request,
      tls: {
        id: `${ep.id}:${createHash('sha256').update(JSON.stringify(ep.tls)).digest('base64url')}`,
        ...(client_certificate && sealed_client_key ? { cert: client_certificate, key: deps.box.open(sealed_client_key) } : {}),
        ...(ca_certificate ? { ca: ca_certificate } : {}),
      },
    };
  };

  return {
    async send(ep, build, deadline) {
      const auth = ep.auth;
      if (auth?.type !== 'oauth2_client_credentials') {
        const request = withTls(ep, build(auth ? staticHeaders(auth) : {}));
        return { request, result: await deps.sender.send(request, deadline) };
      }
      const target = { ...ep, auth };
      let token = await tokenFor(target, false, deadline);
      let request = withTls(ep, build({ authorization: `Bearer ${token.value}` }));
      let result = await deps.sender.send(request, deadline);
      if (result.status === 401) {
        // The receiver no longer takes this token (revoked, rotated keys): one fresh token, one more try.
        const fresh = await tokenFor(target, true, deadline);
        if (fresh.value !== token.value || fresh.expiresAt !== token.expiresAt) {
          token = fresh;
          request = withTls(ep, build({ authorization: `Bearer ${token.value}` }));
          result = await deps.sender.send(request, deadline);
        }
      }
      return { request, result };
    },
  };
}

/** The token endpoint's RFC 6749 §5.2 error code, for the attempt log. */
function oauthError(body: string | null): string {
  try {
    const parsed = JSON.parse(body ?? '') as { error?: unknown };
    return typeof parsed.error === 'string' ? ` (${parsed.error.slice(0, 100)})` : '';
  } catch {
    return '';
  }
}
