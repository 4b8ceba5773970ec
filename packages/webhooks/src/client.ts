/**
 * A typed client for Herald's HTTP API (the subset the dashboard and most integrations use).
 * Works in browsers (session cookie + CSRF token) and on servers (Bearer API key). Errors are
 * the API's RFC 9457 problem responses, as `HeraldApiError`.
 */

export interface Page<T> {
  data: T[];
  iterator: string | null;
  done: boolean;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Tenant {
  id: string;
  name: string;
  created_at: string;
}

export interface Application {
  id: string;
  uid: string | null;
  name: string;
  preset: string | null;
  signature_scheme: string | null;
  envelope: unknown;
  created_at: string;
  updated_at: string;
}

export interface Endpoint {
  id: string;
  app_id: string;
  kind: 'webhook' | 'email' | 'slack';
  url: string;
  description: string;
  status: 'enabled' | 'disabled' | 'pending_verification';
  disabled_reason: string | null;
  /** Paused by back-pressure until this time (ISO 8601), or null. */
  throttled_until: string | null;
  throttle_reason: string | null;
  filter_types: string[] | null;
  timeout_seconds: number;
  max_in_flight: number;
  rate_limit_per_second: number | null;
  signature_scheme: string | null;
  envelope: unknown;
  /** In full only in the response that created or rotated it; masked elsewhere. */
  secret: string;
  public_key: string;
  verified_at: string | null;
  verification_error: string | null;
  created_at: string;
  updated_at: string;
}

/** An email channel: deliveries become messages through the tenant's SMTP relay. */
export interface EmailChannelInput {
  to: string[];
  from: string;
  subject_prefix?: string;
  smtp: { host: string; port: number; security: 'tls' | 'starttls' | 'none'; username?: string; password?: string };
}

export interface EndpointInput {
  kind?: 'webhook' | 'slack' | 'email';
  email?: EmailChannelInput;
  url?: string;
  description?: string;
  filter_types?: string[] | null;
  disabled?: boolean;
  timeout_seconds?: number;
  signature_scheme?: string | null;
  envelope?: string | null;
}

export interface Message {
  id: string;
  event_id: string | null;
  type: string;
  payload: unknown;
  record: { id: string; format: string } | null;
  created_at: string;
}

/** One message of a bulk publish (POST /app/{app}/msg/batch). */
export interface MessageInput {
  type: string;
  payload: unknown;
  /** Your own event id: publishing it again returns the original message. */
  id?: string;
  record?: { id: string; format: string };
  /** This message's Idempotency-Key. */
  idempotency_key?: string;
}

/** A bulk publish's result for one message: 202 with the message, or the problem that refused it. */
export interface BatchResult {
  status: number;
  message?: Message;
  /** An idempotency key or event id repeated an earlier message: this is that message. */
  replayed?: boolean;
  problem?: Problem;
}

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'discarded';

export interface Delivery {
  id: string;
  message_id: string;
  endpoint_id: string;
  type: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Attempt {
  id: string;
  delivery_id: string;
  message_id: string;
  endpoint_id: string;
  type: string;
  attempt_number: number;
  status: 'succeeded' | 'failed';
  url: string;
  request_headers: Record<string, string>;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  error_class: string | null;
  error_message: string | null;
  duration_ms: number;
  created_at: string;
}

export interface EventType {
  name: string;
  description: string;
  schema: object | null;
  example: unknown;
  archived: boolean;
}

export interface WebhookKey {
  key_id: string;
  hint: string;
  status: 'active' | 'inactive' | 'retired';
  created_at: string;
  updated_at: string;
}

/** What a one-off send (test, example) got back from the receiver. */
export interface SendResult {
  ok: boolean;
  status: number | null;
  latency_ms: number;
  body_excerpt: string | null;
  response_headers: Record<string, string> | null;
  error_class: string | null;
  error_message: string | null;
}

export interface Session {
  kind: 'admin' | 'key' | 'portal';
  csrf_token: string;
  tenant_id: string | null;
  environment: 'test' | 'live' | null;
  app_id: string | null;
  /** Portal sessions from a read-only link. */
  read_only: boolean;
  expires_at: string;
}

/** A customer portal link as listed (its token and URL are shown only when it is made). */
export interface PortalLink {
  id: string;
  app_id: string;
  read_only: boolean;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface LogFilter {
  status?: DeliveryStatus;
  endpoint_id?: string;
  type?: string;
  since?: string;
  until?: string;
  limit?: number;
  iterator?: string;
}

export class HeraldApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'HeraldApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface HeraldClientOptions {
  /** Origin of the Herald server; '' for same-origin browser use. */
  baseUrl?: string;
  /** Bearer token (API key or admin token). Browsers use the session cookie instead. */
  token?: string;
  /** Extra headers on every request (e.g. the admin session's tenant choice). */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
}

const q = (params: object = {}) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};
const seg = encodeURIComponent;

export class HeraldClient {
  private csrf: string | null = null;
  constructor(private readonly options: HeraldClientOptions = {}) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers?.() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    else if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl ?? ''}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw new HeraldApiError((parsed as Problem) ?? { type: 'about:blank', title: res.statusText, status: res.status });
    return parsed as T;
  }

  // Browser sessions
  async signIn(credentials: { token: string } | { portal_token: string }): Promise<Session> {
    const s = await this.request<Session>('POST', '/session', credentials);
    this.csrf = s.csrf_token;
    return s;
  }
  async session(): Promise<Session> {
    const s = await this.request<Session>('GET', '/session');
    this.csrf = s.csrf_token;
    return s;
  }
  async signOut(): Promise<void> {
    await this.request('DELETE', '/session');
    this.csrf = null;
  }
  /** Ends every session of the caller: all admin sessions, or all of the tenant's. */
  async signOutEverywhere(): Promise<{ revoked: number }> {
    const out = await this.request<{ revoked: number }>('POST', '/session/sign-out-everywhere');
    this.csrf = null;
    return out;
  }

  listTenants = () => this.request<Page<Tenant>>('GET', '/tenants');
  listApplications = (filter: { limit?: number; iterator?: string } = {}) => this.request<Page<Application>>('GET', `/app${q(filter)}`);
  getApplication = (app: string) => this.request<Application>('GET', `/app/${seg(app)}`);
  createApplication = (input: { name: string; uid?: string; preset?: string }) => this.request<Application>('POST', '/app', input);
  listPresets = () => this.request<{ data: { name: string; description: string }[] }>('GET', '/presets');
  portalLink = (app: string, options: { expiresInSeconds?: number; readOnly?: boolean } = {}) =>
    this.request<PortalLink & { url: string; token: string }>('POST', `/app/${seg(app)}/portal-link`, {
      ...(options.expiresInSeconds ? { expires_in_seconds: options.expiresInSeconds } : {}),
      ...(options.readOnly ? { read_only: true } : {}),
    });
  listPortalLinks = (app: string) => this.request<Page<PortalLink>>('GET', `/app/${seg(app)}/portal-link?limit=250`);
  revokePortalLink = (app: string, id: string) => this.request<void>('DELETE', `/app/${seg(app)}/portal-link/${seg(id)}`);
  revokeAllPortalLinks = (app: string) => this.request<{ revoked: number }>('DELETE', `/app/${seg(app)}/portal-link`);

  listEndpoints = (app: string) => this.request<Page<Endpoint>>('GET', `/app/${seg(app)}/endpoint?limit=250`);
  createEndpoint = (app: string, input: EndpointInput) => this.request<Endpoint>('POST', `/app/${seg(app)}/endpoint`, input);
  updateEndpoint = (app: string, id: string, input: EndpointInput) => this.request<Endpoint>('PATCH', `/app/${seg(app)}/endpoint/${seg(id)}`, input);
  rotateSecret = (app: string, id: string, graceSeconds?: number) =>
    this.request<Endpoint>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/secret/rotate`, graceSeconds === undefined ? {} : { grace_seconds: graceSeconds });
  verifyEndpoint = (app: string, id: string) => this.request<{ verified: boolean; endpoint: Endpoint; response: SendResult }>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/verify`);
  listEventTypes = () => this.request<Page<EventType>>('GET', '/event-type?limit=250');
  createEventType = (input: { name: string; description?: string; schema?: object; example?: unknown }) => this.request<EventType>('POST', '/event-type', input);
  recoverSince = (app: string, id: string, since: string) => this.request<{ recovered: number }>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/recover`, { since });
  listAttemptsOfApp = (app: string, filter: LogFilter = {}) => this.request<Page<Attempt>>('GET', `/app/${seg(app)}/attempt${q(filter)}`);
  listWebhookKeys = (app: string) => this.request<{ data: WebhookKey[] }>('GET', `/app/${seg(app)}/webhook-keys`);
  createWebhookKey = (app: string) => this.request<WebhookKey & { key: string }>('POST', `/app/${seg(app)}/webhook-keys`);
  sendExample = (app: string, id: string, type: string) => this.request<SendResult>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/send-example`, { type });

  listMessages = (app: string, filter: Pick<LogFilter, 'type' | 'since' | 'until' | 'limit' | 'iterator'> = {}) => this.request<Page<Message>>('GET', `/app/${seg(app)}/msg${q(filter)}`);
  getMessage = (app: string, id: string) => this.request<Message>('GET', `/app/${seg(app)}/msg/${seg(id)}`);
  publish = (app: string, input: { type: string; payload: unknown; id?: string }) => this.request<Message>('POST', `/app/${seg(app)}/msg`, input);
  /** Up to 100 messages in one request and one transaction; a result per message, in order. */
  publishBatch = (app: string, messages: MessageInput[]) => this.request<{ data: BatchResult[] }>('POST', `/app/${seg(app)}/msg/batch`, { messages });
  listDeliveries = (app: string, filter: LogFilter = {}) => this.request<Page<Delivery>>('GET', `/app/${seg(app)}/delivery${q(filter)}`);
  messageDeliveries = (app: string, message: string) => this.request<Page<Delivery>>('GET', `/app/${seg(app)}/msg/${seg(message)}/delivery`);
  listAttempts = (app: string, delivery: string) => this.request<Page<Attempt>>('GET', `/app/${seg(app)}/delivery/${seg(delivery)}/attempt`);
  resend = (app: string, message: string, endpoint: string) => this.request<Delivery>('POST', `/app/${seg(app)}/msg/${seg(message)}/endpoint/${seg(endpoint)}/resend`);
  retryNow = (app: string, delivery: string) => this.request<Delivery>('POST', `/app/${seg(app)}/delivery/${seg(delivery)}/retry`);
}
