/**
 * A typed client for Herald's HTTP API (the subset the dashboard and most integrations use).
 * Works in browsers (session cookie + CSRF token) and on servers (Bearer API key). Errors are
 * the API's RFC 9457 problem responses, as `HeraldApiError`.
 */

import type { components, operations } from './api-types.js';

type Schemas = components['schemas'];
/** The JSON body an operation answers with on success. */
type Answer<Op extends keyof operations, Status extends number = 200> = operations[Op]['responses'] extends { [S in Status]: { content: { 'application/json': infer T } } } ? T : never;
/** The JSON body an operation takes. */
type Body<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
/** An operation's query parameters. */
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type { components, operations, paths } from './api-types.js';

export interface Page<T> {
  data: T[];
  iterator: string | null;
  done: boolean;
}

export type Problem = Schemas['Problem'];
export type Tenant = Schemas['Tenant'];
export type TenantWithKeys = Answer<'createTenant', 201>;
export type ApiKey = Schemas['ApiKey'];
export type Application = Schemas['Application'];
export type ApplicationInput = Schemas['ApplicationIn'];
export type Endpoint = Schemas['Endpoint'];
export type EndpointInput = Schemas['EndpointIn'];
export type EndpointPatch = Schemas['EndpointPatch'];
export type EmailChannelInput = Schemas['EmailChannelIn'];
/** A rotation's answer: the endpoint, its new secret (shown this once) and when the old ones stop signing. */
export type RotatedSecret = Schemas['RotateEndpointSecretResponse'];
export type Message = Schemas['Message'];
/** One message of a bulk publish (POST /app/{app}/msg/batch). */
export type MessageInput = Schemas['BatchIn']['messages'][number];
/** A bulk publish's result for one message: 202 with the message, or the problem that refused it. */
export type BatchResult = Schemas['BatchOut']['data'][number];
export type Delivery = Schemas['Delivery'];
export type DeliveryStatus = Delivery['status'];
export type Attempt = Schemas['Attempt'];
export type EventType = Schemas['EventType'];
export type EventTypeInput = Schemas['EventTypeIn'];
export type WebhookKey = Schemas['WebhookKey'];
/** What a one-off send (test, example) got back from the receiver. */
export type SendResult = Schemas['SendTestWebhookResponse'];
export type Session = Schemas['GetSessionResponse'];
/** A customer portal link as listed (its token and URL are shown only when it is made). */
export type PortalLink = Schemas['ListPortalLinksResponse']['data'][number];
export type Settings = Schemas['GetSettingsResponse'];
/** What the polling fallback (and `herald listen`) reads: events as the endpoint would have received them. */
export type EndpointEvents = Answer<'listEndpointEvents'>;
export type LogFilter = Query<'listDeliveries'>;
/** An endpoint's last 24 hours (success rate, median latency, last failure). */
export type EndpointHealth = Answer<'listEndpointHealth'>['data'][number];
/** What a live stream says to reload; `ready` also after each reconnect (events may have been missed meanwhile). */
export type LiveEvent = 'ready' | 'deliveries' | 'endpoints';

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

  private headersFor(method: string, extra: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers?.(), ...extra };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    else if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return headers;
  }

  async request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers = this.headersFor(method, extraHeaders);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl ?? ''}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not Herald answering (a proxy's error page, say): report what came back.
      if (res.ok) throw new Error(`${method} ${path}: the answer (${res.status}) is not JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok) throw new HeraldApiError((parsed as Problem | undefined) ?? { type: 'about:blank', title: res.statusText, status: res.status, detail: text.slice(0, 200) || res.statusText });
    return parsed as T;
  }

  // Browser sessions
  async signIn(credentials: Body<'createSession'>): Promise<Session> {
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
  async signOutEverywhere(): Promise<Answer<'signOutEverywhere'>> {
    const out = await this.request<Answer<'signOutEverywhere'>>('POST', '/session/sign-out-everywhere');
    this.csrf = null;
    return out;
  }

  // Admin (the admin token)
  listTenants = (filter: Query<'listTenants'> = {}) => this.request<Page<Tenant>>('GET', `/tenants${q(filter)}`);
  /** The tenant's test and live API keys are in the answer this once. */
  createTenant = (input: Body<'createTenant'>) => this.request<TenantWithKeys>('POST', '/tenants', input);

  // Applications and settings
  listApplications = (filter: Query<'listApplications'> = {}) => this.request<Page<Application>>('GET', `/app${q(filter)}`);
  getApplication = (app: string) => this.request<Application>('GET', `/app/${seg(app)}`);
  createApplication = (input: ApplicationInput) => this.request<Application>('POST', '/app', input);
  listPresets = () => this.request<Answer<'listPresets'>>('GET', '/presets');
  getSettings = () => this.request<Settings>('GET', '/settings');
  updateSettings = (input: Body<'updateSettings'>) => this.request<Answer<'updateSettings'>>('PATCH', '/settings', input);
  portalLink = (app: string, options: { expiresInSeconds?: number; readOnly?: boolean } = {}) =>
    this.request<Answer<'createPortalLink', 201>>('POST', `/app/${seg(app)}/portal-link`, {
      ...(options.expiresInSeconds ? { expires_in_seconds: options.expiresInSeconds } : {}),
      ...(options.readOnly ? { read_only: true } : {}),
    });
  listPortalLinks = (app: string) => this.request<Page<PortalLink>>('GET', `/app/${seg(app)}/portal-link?limit=250`);
  revokePortalLink = (app: string, id: string) => this.request<void>('DELETE', `/app/${seg(app)}/portal-link/${seg(id)}`);
  revokeAllPortalLinks = (app: string) => this.request<Answer<'revokePortalLinks'>>('DELETE', `/app/${seg(app)}/portal-link`);

  // Endpoints
  listEndpoints = (app: string) => this.request<Page<Endpoint>>('GET', `/app/${seg(app)}/endpoint?limit=250`);
  createEndpoint = (app: string, input: EndpointInput) => this.request<Endpoint>('POST', `/app/${seg(app)}/endpoint`, input);
  updateEndpoint = (app: string, id: string, input: EndpointPatch) => this.request<Endpoint>('PATCH', `/app/${seg(app)}/endpoint/${seg(id)}`, input);
  /** The new secret is in the answer this once; the old ones keep signing until `previous_expire_at`. */
  rotateSecret = (app: string, id: string, graceSeconds?: number) =>
    this.request<RotatedSecret>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/secret/rotate`, graceSeconds === undefined ? {} : { grace_seconds: graceSeconds });
  verifyEndpoint = (app: string, id: string) => this.request<Answer<'verifyEndpoint'>>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/verify`);
  sendExample = (app: string, id: string, type: string) => this.request<SendResult>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/send-example`, { type });
  /** Runs a transformation (the given code, else the saved one) on a sample, as a delivery would; nothing is sent. */
  tryTransformation = (app: string, id: string, input: Body<'applyEndpointTransformation'>) =>
    this.request<Answer<'applyEndpointTransformation'>>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/transformation/apply`, input);
  recoverSince = (app: string, id: string, since: string) => this.request<Answer<'recoverEndpoint', 202>>('POST', `/app/${seg(app)}/endpoint/${seg(id)}/recover`, { since });
  /** The polling fallback: what the endpoint should have received, oldest first, resumable with `after`. */
  listEndpointEvents = (app: string, id: string, filter: Query<'listEndpointEvents'> = {}) =>
    this.request<EndpointEvents>('GET', `/app/${seg(app)}/endpoint/${seg(id)}/events${q(filter)}`);

  // Event types and webhook keys
  listEventTypes = () => this.request<Page<EventType>>('GET', '/event-type?limit=250');
  createEventType = (input: EventTypeInput) => this.request<EventType>('POST', '/event-type', input);
  listWebhookKeys = (app: string) => this.request<Answer<'listWebhookKeys'>>('GET', `/app/${seg(app)}/webhook-keys`);
  createWebhookKey = (app: string) => this.request<Answer<'createWebhookKey', 201>>('POST', `/app/${seg(app)}/webhook-keys`);

  // Messages and the delivery log
  listMessages = (app: string, filter: Query<'listMessages'> = {}) => this.request<Page<Message>>('GET', `/app/${seg(app)}/msg${q(filter)}`);
  getMessage = (app: string, id: string) => this.request<Message>('GET', `/app/${seg(app)}/msg/${seg(id)}`);
  /** 202: the message and its deliveries are committed. With `idempotencyKey`, a retried request replays the first. */
  publish = (app: string, input: Schemas['MessageIn'], options: { idempotencyKey?: string } = {}) =>
    this.request<Message>('POST', `/app/${seg(app)}/msg`, input, options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {});
  /** Up to 100 messages in one request and one transaction; a result per message, in order. */
  publishBatch = (app: string, messages: MessageInput[]) => this.request<{ data: BatchResult[] }>('POST', `/app/${seg(app)}/msg/batch`, { messages });
  listDeliveries = (app: string, filter: LogFilter = {}) => this.request<Page<Delivery>>('GET', `/app/${seg(app)}/delivery${q(filter)}`);
  messageDeliveries = (app: string, message: string) => this.request<Page<Delivery>>('GET', `/app/${seg(app)}/msg/${seg(message)}/delivery`);
  listAttempts = (app: string, delivery: string) => this.request<Page<Attempt>>('GET', `/app/${seg(app)}/delivery/${seg(delivery)}/attempt`);
  listAttemptsOfApp = (app: string, filter: Query<'listAttempts'> = {}) => this.request<Page<Attempt>>('GET', `/app/${seg(app)}/attempt${q(filter)}`);
  resend = (app: string, message: string, endpoint: string) => this.request<Delivery>('POST', `/app/${seg(app)}/msg/${seg(message)}/endpoint/${seg(endpoint)}/resend`);
  retryNow = (app: string, delivery: string) => this.request<Delivery>('POST', `/app/${seg(app)}/delivery/${seg(delivery)}/retry`);

  // Deleting
  deleteApplication = (app: string) => this.request<void>('DELETE', `/app/${seg(app)}`);
  deleteEndpoint = (app: string, id: string) => this.request<void>('DELETE', `/app/${seg(app)}/endpoint/${seg(id)}`);
  deleteEventType = (name: string) => this.request<void>('DELETE', `/event-type/${seg(name)}`);

  // Live pages
  endpointHealth = (app: string) => this.request<Answer<'listEndpointHealth'>>('GET', `/app/${seg(app)}/endpoint-health`);
  /**
   * Follows the application's live stream (server-sent events, read with fetch so a portal's
   * Authorization header goes along) until `signal` aborts, reconnecting after a drop.
   */
  async watch(app: string, onEvent: (event: LiveEvent) => void, signal: AbortSignal, retryMs = 2000): Promise<void> {
    while (!signal.aborted) {
      let wait = retryMs;
      try {
        const res = await (this.options.fetch ?? fetch)(`${this.options.baseUrl ?? ''}/api/v1/app/${seg(app)}/stream`, {
          headers: { ...this.headersFor('GET', {}), accept: 'text/event-stream' },
          credentials: 'same-origin',
          signal,
        });
        if (res.status === 429) wait = Number(res.headers.get('retry-after') ?? 30) * 1000;
        if (res.ok && res.body) {
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
              buffer = buffer.slice(end + 2);
              if (event === 'ready' || event === 'deliveries' || event === 'endpoints') onEvent(event);
            }
          }
        }
      } catch {
        // dropped or aborted: try again below unless aborted
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
