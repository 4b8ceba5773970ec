import { useState } from 'react';
import type { Endpoint, EndpointHealth, EndpointInput, RotatedSecret, SendResult } from '@herald/webhooks/client';
import { api, when } from '../api';
import { CopyButton, DeleteButton, ErrorNote, Id, StatusBadge, useAction, useLiveReload, useLoad, useThrottled } from '../ui';
import type { PortalView } from './AppView';
import { TransformationEditor } from './Transformation';

type Scheme = NonNullable<EndpointInput['signature_scheme']>;
type EnvelopeName = Extract<NonNullable<EndpointInput['envelope']>, string>;
const SCHEMES: ('' | Scheme)[] = ['', 'standard', 'standard-ed25519', 'hmac-hex', 'timestamped'];
const ENVELOPES: ('' | EnvelopeName)[] = ['', 'standard', 'classic', 'versioned', 'event', 'flat', 'raw'];

/** A signing secret to show once, and the endpoint it signs for. */
interface ShownSecret {
  url: string;
  secret: string;
}

/** A choice where '' means "inherit the application's setting". */
function InheritSelect({ id, value, options, onChange }: { id: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {o || "application's default"}
        </option>
      ))}
    </select>
  );
}

/** `Name: value` lines, as the API takes headers. */
const parseHeaders = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );

/** A payload filter as typed into its box: JSON, or empty for none. */
function parseFilter(text: string): Record<string, unknown> | null {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('The payload filter is not valid JSON');
  }
}
type AuthType = '' | 'bearer' | 'basic' | 'oauth2_client_credentials';
/** The edit form's authentication fields, from the endpoint as read (secrets masked). */
function authFields(endpoint: Endpoint) {
  const a = endpoint.auth;
  return {
    authType: (a?.type ?? '') as AuthType,
    token: a?.type === 'bearer' ? a.token : '',
    username: a?.type === 'basic' ? a.username : '',
    password: a?.type === 'basic' ? a.password : '',
    tokenUrl: a?.type === 'oauth2_client_credentials' ? a.token_url : '',
    clientId: a?.type === 'oauth2_client_credentials' ? a.client_id : '',
    clientSecret: a?.type === 'oauth2_client_credentials' ? a.client_secret : '',
    scope: a?.type === 'oauth2_client_credentials' ? (a.scope ?? '') : '',
    audience: a?.type === 'oauth2_client_credentials' ? (a.audience ?? '') : '',
    // Not in the form: kept as stored, so an edit does not reset it.
    clientAuth: a?.type === 'oauth2_client_credentials' ? a.client_auth : undefined,
    cert: endpoint.tls?.client_certificate ?? '',
    key: endpoint.tls?.client_key ?? '',
    ca: endpoint.tls?.ca_certificate ?? '',
  };
}
type AuthForm = ReturnType<typeof authFields>;
function authOf(f: AuthForm): EndpointInput['auth'] {
  switch (f.authType) {
    case 'bearer':
      return { type: 'bearer', token: f.token };
    case 'basic':
      return { type: 'basic', username: f.username, password: f.password };
    case 'oauth2_client_credentials':
      return {
        type: 'oauth2_client_credentials',
        token_url: f.tokenUrl,
        client_id: f.clientId,
        client_secret: f.clientSecret,
        scope: f.scope || null,
        audience: f.audience || null,
        ...(f.clientAuth ? { client_auth: f.clientAuth } : {}),
      };
    default:
      return null;
  }
}
const tlsOf = (f: AuthForm): EndpointInput['tls'] =>
  f.cert || f.key || f.ca ? { client_certificate: f.cert || null, client_key: f.key || null, ca_certificate: f.ca || null } : null;

/** Authentication to the receiver and mTLS, in the endpoint's edit form. */
function AuthEditor({ id, value, onChange }: { id: string; value: AuthForm; onChange: (v: AuthForm) => void }) {
  const field = (name: keyof AuthForm, label: string, type = 'text') => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type={type} autoComplete="off" value={value[name]} onChange={(e) => onChange({ ...value, [name]: e.target.value })} />
    </>
  );
  const pem = (name: 'cert' | 'key' | 'ca', label: string) => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <textarea id={`${id}-${name}`} className="mono" rows={2} value={value[name]} placeholder="-----BEGIN …-----" onChange={(e) => onChange({ ...value, [name]: e.target.value })} />
    </>
  );
  return (
    <>
      <label htmlFor={`${id}-authType`}>Authentication</label>
      <select id={`${id}-authType`} value={value.authType} onChange={(e) => onChange({ ...value, authType: e.target.value as AuthType })}>
        <option value="">signature only</option>
        <option value="bearer">Bearer token</option>
        <option value="basic">Basic (username and password)</option>
        <option value="oauth2_client_credentials">OAuth2 client credentials</option>
      </select>
      {value.authType === 'bearer' && field('token', 'Bearer token', 'password')}
      {value.authType === 'basic' && (
        <>
          {field('username', 'Username')}
          {field('password', 'Password', 'password')}
        </>
      )}
      {value.authType === 'oauth2_client_credentials' && (
        <>
          {field('tokenUrl', 'Token URL', 'url')}
          {field('clientId', 'Client id')}
          {field('clientSecret', 'Client secret', 'password')}
          {field('scope', 'Scope (optional)')}
          {field('audience', 'Audience (optional)')}
        </>
      )}
      {pem('cert', 'mTLS client certificate (PEM)')}
      {pem('key', 'mTLS client key (PEM)')}
      {pem('ca', "Receiver's CA certificate (PEM, optional)")}
    </>
  );
}

const FILTER_HINT = '{"amount": {"$gte": 100}, "customer": {"tier": {"$in": ["gold"]}}}';

/** The endpoint card's figures over the last 24 hours. */
function HealthFigures({ health }: { health: EndpointHealth | undefined }) {
  if (!health) return null;
  const rate = health.success_rate === null ? '—' : `${(health.success_rate * 100).toFixed(health.success_rate === 1 ? 0 : 1)}%`;
  const last = health.last_error;
  return (
    <dl className="health" data-testid="endpoint-health" aria-label="Last 24 hours">
      <div>
        <dt>Success (24 h)</dt>
        <dd data-testid="success-rate">
          {rate} <span className="muted">of {health.attempts}</span>
        </dd>
      </div>
      <div>
        <dt>p50 latency</dt>
        <dd data-testid="p50">{health.p50_latency_ms === null ? '—' : `${health.p50_latency_ms} ms`}</dd>
      </div>
      <div>
        <dt>Last error</dt>
        <dd data-testid="last-error">{last ? `${last.response_status ?? last.error_class} · ${new Date(last.at).toLocaleString()}` : 'none'}</dd>
      </div>
    </dl>
  );
}

/** A secret is shown in full exactly once: right after creation or rotation. */
function SecretOnce({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  return (
    <div className="secret-once" role="status">
      <p>
        Signing secret for <span className="mono">{shown.url}</span> — copy it now, it will not be shown again:
      </p>
      <code data-testid="secret" className="mono">
        {shown.secret}
      </code>
      <div className="row">
        <CopyButton text={shown.secret} label="Copy secret" />
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function EndpointRow({ app, endpoint, types, samples, health, internals, onChanged, onSecret }: {
  app: string;
  endpoint: Endpoint;
  types: string[];
  /** Event types with examples, as samples for trying a transformation. */
  samples: { name: string; example: unknown }[];
  health: EndpointHealth | undefined;
  /** Signature scheme, envelope and such: hidden from portal customers unless the tenant shows them. */
  internals: boolean;
  onChanged: () => void;
  onSecret: (shown: ShownSecret) => void;
}) {
  const action = useAction();
  const [type, setType] = useState(types[0] ?? '');
  const [result, setResult] = useState<SendResult | null>(null);
  const [since, setSince] = useState('');
  const [editing, setEditing] = useState(false);
  const [transforming, setTransforming] = useState(false);
  const [edit, setEdit] = useState({
    url: endpoint.url,
    description: endpoint.description,
    filter: endpoint.filter_types?.join(', ') ?? '',
    scheme: endpoint.signature_scheme ?? '',
    timeout: String(endpoint.timeout_seconds),
    rate: endpoint.rate_limit_per_second === null ? '' : String(endpoint.rate_limit_per_second),
    trace: endpoint.trace_propagation,
    headers: Object.entries(endpoint.headers).map(([k, v]) => `${k}: ${v}`).join('\n'),
    payloadFilter: endpoint.payload_filter ? JSON.stringify(endpoint.payload_filter, null, 2) : '',
    ordering: endpoint.ordering,
    orderingFailure: endpoint.ordering_failure,
  });
  const [auth, setAuth] = useState(() => authFields(endpoint));
  const [verified, setVerified] = useState<string | null>(null);
  const [graceHours, setGraceHours] = useState('24');
  const [recovered, setRecovered] = useState<number | null>(null);
  return (
    <li className="card" data-testid="endpoint">
      <div className="row spread">
        <strong className="mono wrap">{endpoint.url}</strong>
        <StatusBadge status={endpoint.status} />
      </div>
      <p className="muted">
        <Id id={endpoint.id} label="endpoint id" /> · {endpoint.description || 'No description'} · {endpoint.filter_types?.join(', ') ?? 'all event types'}
        {endpoint.channels ? ` · channels ${endpoint.channels.join(', ')}` : ''}
        {endpoint.ordering === 'fifo' ? ` · FIFO per ordering key (${endpoint.ordering_failure} on failure)` : ''} · {endpoint.rate_limit_per_second ? `${endpoint.rate_limit_per_second}/s` : 'no rate limit'}
        {internals ? ` · scheme ${endpoint.signature_scheme ?? "application's"}` : ''} · secret <span className="mono">{endpoint.secret}</span> · created {when(endpoint.created_at)}
      </p>
      {endpoint.payload_filter && (
        <p className="muted mono wrap" data-testid="endpoint-payload-filter">
          payload filter {JSON.stringify(endpoint.payload_filter)}
        </p>
      )}
      {(endpoint.auth || endpoint.tls) && (
        <p className="muted" data-testid="endpoint-auth">
          {endpoint.auth ? `Authenticates with ${endpoint.auth.type === 'oauth2_client_credentials' ? `OAuth2 (${endpoint.auth.token_url})` : endpoint.auth.type}` : 'Signature only'}
          {endpoint.tls?.client_certificate_subject
            ? ` · mTLS as ${endpoint.tls.client_certificate_subject} until ${when(endpoint.tls.client_certificate_expires_at!)}`
            : endpoint.tls?.ca_certificate
              ? ' · custom CA'
              : ''}
        </p>
      )}
      {Object.keys(endpoint.headers).length > 0 && (
        <p className="muted mono" data-testid="endpoint-headers">
          {Object.entries(endpoint.headers).map(([k, v]) => `${k}: ${v}`).join(' · ')}
        </p>
      )}
      <HealthFigures health={health} />
      {endpoint.disabled_reason && <p className="muted">Disabled: {endpoint.disabled_reason}</p>}
      {endpoint.throttled_until && (
        <p className="muted" data-testid="throttled">
          Throttled until {when(endpoint.throttled_until)} ({endpoint.throttle_reason}): the receiver asked for a pause; nothing is sent to it before then.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => action.run(() => api.updateEndpoint(app, endpoint.id, { disabled: endpoint.status !== 'disabled' })).then((ok) => ok && onChanged())}
        >
          {endpoint.status === 'disabled' ? 'Enable' : 'Disable'}
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit
        </button>
        {endpoint.kind === 'webhook' && (
          <button type="button" aria-expanded={transforming} onClick={() => setTransforming(!transforming)}>
            {endpoint.transformation ? 'Transformation (on)' : 'Transformation'}
          </button>
        )}
        {endpoint.kind === 'webhook' && (
          <button
            type="button"
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                const r = await api.verifyEndpoint(app, endpoint.id);
                setVerified(r.verified ? `Verified: the receiver echoed the challenge (${r.response.status})` : `Not verified: ${r.endpoint.verification_error ?? r.response.error_message ?? `status ${r.response.status}`}`);
                onChanged();
              })
            }
          >
            Verify
          </button>
        )}
        <button
          type="button"
          disabled={action.busy}
          onClick={async () => {
            if (!confirm(`Rotate the signing secret? The old secret keeps signing beside the new one for ${graceHours} hours.`)) return;
            let rotated: RotatedSecret | null = null;
            // The answer carries the new secret beside the endpoint (whose own secret is masked).
            if (await action.run(async () => (rotated = await api.rotateSecret(app, endpoint.id, Math.round(Number(graceHours) * 3600))))) {
              onSecret({ url: rotated!.endpoint.url, secret: rotated!.secret });
            }
          }}
        >
          Rotate secret
        </button>
        <DeleteButton what={`the endpoint ${endpoint.url}; its unfinished deliveries are discarded`} disabled={action.busy} onConfirmed={() => void action.run(() => api.deleteEndpoint(app, endpoint.id)).then((ok) => ok && onChanged())} />
        <label htmlFor={`grace-${endpoint.id}`}>old secret valid for (hours)</label>
        <input id={`grace-${endpoint.id}`} type="number" min={0} max={168} step={1} value={graceHours} onChange={(e) => setGraceHours(e.target.value)} className="narrow" />
        {types.length > 0 && (
          <>
            <label htmlFor={`type-${endpoint.id}`} className="sr-only">
              Event type to send
            </label>
            <select id={`type-${endpoint.id}`} value={type} onChange={(e) => setType(e.target.value)}>
              {types.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <button type="button" disabled={action.busy || !type} onClick={() => action.run(async () => setResult(await api.sendExample(app, endpoint.id, type)))}>
              {action.busy ? 'Sending…' : 'Send test event'}
            </button>
          </>
        )}
      </div>
      {verified && (
        <p role="status" data-testid="verify-result">
          {verified}
        </p>
      )}
      {transforming && <TransformationEditor app={app} endpoint={endpoint} types={samples} onChanged={onChanged} />}
      {editing && (
        <form
          className="grid-form"
          aria-label="Edit endpoint"
          onSubmit={async (e) => {
            e.preventDefault();
            const filter = edit.filter.split(',').map((t) => t.trim()).filter(Boolean);
            const ok = await action.run(async () => {
              const updated = await api.updateEndpoint(app, endpoint.id, {
                ...(endpoint.kind !== 'email' ? { url: edit.url } : {}),
                description: edit.description,
                filter_types: filter.length ? filter : null,
                payload_filter: parseFilter(edit.payloadFilter),
                auth: authOf(auth),
                tls: tlsOf(auth),
                ordering: edit.ordering,
                ordering_failure: edit.orderingFailure,
                ...(internals ? { signature_scheme: (edit.scheme as Scheme) || null, trace_propagation: edit.trace } : {}),
                timeout_seconds: Number(edit.timeout),
                rate_limit_per_second: edit.rate ? Number(edit.rate) : null,
                // Masked credentials sent back unchanged keep their stored values.
                headers: parseHeaders(edit.headers),
              });
              // What was typed is forgotten: the form shows what is stored, secrets masked.
              setAuth(authFields(updated));
            });
            if (ok) {
              setEditing(false);
              onChanged();
            }
          }}
        >
          {endpoint.kind !== 'email' && (
            <>
              <label htmlFor={`edit-url-${endpoint.id}`}>URL</label>
              <input id={`edit-url-${endpoint.id}`} type="url" value={edit.url} onChange={(e) => setEdit({ ...edit, url: e.target.value })} required />
            </>
          )}
          <label htmlFor={`edit-desc-${endpoint.id}`}>Description</label>
          <input id={`edit-desc-${endpoint.id}`} value={edit.description} onChange={(e) => setEdit({ ...edit, description: e.target.value })} />
          <label htmlFor={`edit-filter-${endpoint.id}`}>Event types</label>
          <input id={`edit-filter-${endpoint.id}`} value={edit.filter} onChange={(e) => setEdit({ ...edit, filter: e.target.value })} />
          <label htmlFor={`edit-payload-filter-${endpoint.id}`}>Payload filter (JSON, empty for every message)</label>
          <textarea
            id={`edit-payload-filter-${endpoint.id}`}
            className="mono"
            rows={4}
            value={edit.payloadFilter}
            placeholder={FILTER_HINT}
            onChange={(e) => setEdit({ ...edit, payloadFilter: e.target.value })}
          />
          {internals && (
            <>
              <label htmlFor={`edit-scheme-${endpoint.id}`}>Signature scheme</label>
              <InheritSelect id={`edit-scheme-${endpoint.id}`} value={edit.scheme} options={SCHEMES} onChange={(scheme) => setEdit({ ...edit, scheme })} />
              <label htmlFor={`edit-trace-${endpoint.id}`}>Trace context</label>
              <label className="inline">
                <input id={`edit-trace-${endpoint.id}`} type="checkbox" checked={edit.trace} onChange={(e) => setEdit({ ...edit, trace: e.target.checked })} /> send a W3C traceparent header (when Herald exports traces)
              </label>
            </>
          )}
          <label htmlFor={`edit-rate-${endpoint.id}`}>Rate limit (per second)</label>
          <input id={`edit-rate-${endpoint.id}`} type="number" min={1} max={100000} value={edit.rate} onChange={(e) => setEdit({ ...edit, rate: e.target.value })} placeholder="none" />
          <label htmlFor={`edit-headers-${endpoint.id}`}>Headers (Name: value per line)</label>
          <textarea id={`edit-headers-${endpoint.id}`} rows={3} value={edit.headers} onChange={(e) => setEdit({ ...edit, headers: e.target.value })} />
          <label htmlFor={`edit-ordering-${endpoint.id}`}>Delivery order</label>
          <select id={`edit-ordering-${endpoint.id}`} value={edit.ordering} onChange={(e) => setEdit({ ...edit, ordering: e.target.value as Endpoint['ordering'] })}>
            <option value="unordered">unordered (fastest)</option>
            <option value="fifo">FIFO: one at a time per ordering key, in publish order</option>
          </select>
          {edit.ordering === 'fifo' && (
            <>
              <label htmlFor={`edit-ordering-failure-${endpoint.id}`}>When a delivery fails for good</label>
              <select id={`edit-ordering-failure-${endpoint.id}`} value={edit.orderingFailure} onChange={(e) => setEdit({ ...edit, orderingFailure: e.target.value as Endpoint['ordering_failure'] })}>
                <option value="continue">continue with the next of its key</option>
                <option value="pause">pause its key until it is retried or resent</option>
              </select>
            </>
          )}
          <AuthEditor id={`edit-auth-${endpoint.id}`} value={auth} onChange={setAuth} />
          <label htmlFor={`edit-timeout-${endpoint.id}`}>Timeout (seconds)</label>
          <input id={`edit-timeout-${endpoint.id}`} type="number" min={1} max={30} value={edit.timeout} onChange={(e) => setEdit({ ...edit, timeout: e.target.value })} />
          <button type="submit" disabled={action.busy}>
            Save
          </button>
        </form>
      )}
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          setRecovered(null);
          await action.run(async () => setRecovered((await api.recoverSince(app, endpoint.id, new Date(since).toISOString())).recovered));
        }}
      >
        <label htmlFor={`since-${endpoint.id}`}>Recover failed deliveries since</label>
        <input id={`since-${endpoint.id}`} type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} required />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Working…' : 'Recover'}
        </button>
        {action.busy && <progress aria-label="Working" />}
        {recovered !== null && <span role="status">{recovered} deliveries requeued</span>}
      </form>
      <ErrorNote error={action.error} />
      {result && (
        <div className="result" data-testid="send-result" role="status">
          {result.ok ? 'Delivered' : 'Failed'}: {result.status ?? result.error_class} in {result.latency_ms} ms{result.error_message ? ` — ${result.error_message}` : ''}
          {result.body_excerpt && <pre>{result.body_excerpt}</pre>}
        </div>
      )}
    </li>
  );
}

export function Endpoints({ app, portal }: { app: string; portal: PortalView }) {
  const internals = !portal || portal.show_delivery_settings;
  const endpoints = useLoad(() => api.listEndpoints(app), [app]);
  const health = useLoad(() => api.endpointHealth(app), [app]);
  useLiveReload(['endpoints'], endpoints.reload);
  // Health is 24 h of figures over every endpoint: under steady traffic, once every 10 s is plenty.
  useLiveReload(['deliveries', 'endpoints'], useThrottled(health.reload, 10_000));
  const types = useLoad(() => api.listEventTypes().catch(() => ({ data: [], iterator: null, done: true })), []);
  const blank = { kind: 'webhook', rate: '', url: '', description: '', filter: '', payloadFilter: '', scheme: '', envelope: '', to: '', from: '', host: '', port: '587', security: 'starttls', username: '', password: '' };
  const [form, setForm] = useState(blank);
  const [secretOf, setSecretOf] = useState<ShownSecret | null>(null);
  const create = useAction();
  const samples = types.data?.data.filter((t) => t.example !== null && t.example !== undefined).map((t) => ({ name: t.name, example: t.example })) ?? [];
  const typeNames = samples.map((t) => t.name);
  return (
    <section>
      <h3>Endpoints</h3>
      {secretOf && <SecretOnce shown={secretOf} onDone={() => setSecretOf(null)} />}
      <form
        className="grid-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const filter = form.filter.split(',').map((s) => s.trim()).filter(Boolean);
          let created: Endpoint | null = null;
          const ok = await create.run(
            async () =>
              (created = await api.createEndpoint(app, {
                payload_filter: parseFilter(form.payloadFilter),
                ...(form.kind !== 'webhook' ? { kind: form.kind as 'slack' | 'email' } : {}),
                ...(form.kind === 'email'
                  ? {
                      email: {
                        to: form.to.split(',').map((t) => t.trim()).filter(Boolean),
                        from: form.from,
                        smtp: { host: form.host, port: Number(form.port), security: form.security as 'starttls', ...(form.username ? { username: form.username, password: form.password } : {}) },
                      },
                    }
                  : { url: form.url }),
                description: form.description,
                ...(filter.length ? { filter_types: filter } : {}),
                ...(form.rate ? { rate_limit_per_second: Number(form.rate) } : {}),
                ...(form.scheme ? { signature_scheme: form.scheme as Scheme } : {}),
                ...(form.envelope ? { envelope: form.envelope as EnvelopeName } : {}),
              })),
          );
          if (ok) {
            const { url, secret } = created!;
            setSecretOf({ url, secret });
            setForm(blank);
            endpoints.reload();
          }
        }}
      >
        {internals && (
          <>
            <label htmlFor="ep-kind">Kind</label>
            <select id="ep-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              <option value="webhook">Webhook (signed HTTP POST)</option>
              <option value="slack">Slack incoming webhook</option>
              <option value="email">Email (your SMTP relay)</option>
            </select>
          </>
        )}
        {form.kind === 'email' ? (
          <>
            <label htmlFor="ep-to">To (comma separated)</label>
            <input id="ep-to" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
            <label htmlFor="ep-from">From</label>
            <input id="ep-from" type="email" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
            <label htmlFor="ep-host">SMTP host</label>
            <input id="ep-host" value={form.host} onChange={(e) => setForm({ ...form, host: e.target.value })} required />
            <label htmlFor="ep-port">SMTP port</label>
            <input id="ep-port" type="number" min={1} max={65535} value={form.port} onChange={(e) => setForm({ ...form, port: e.target.value })} required />
            <label htmlFor="ep-security">SMTP security</label>
            <select id="ep-security" value={form.security} onChange={(e) => setForm({ ...form, security: e.target.value })}>
              <option value="starttls">STARTTLS (required)</option>
              <option value="tls">TLS</option>
              <option value="none">none (local relay)</option>
            </select>
            <label htmlFor="ep-user">SMTP username</label>
            <input id="ep-user" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" />
            <label htmlFor="ep-pass">SMTP password</label>
            <input id="ep-pass" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
          </>
        ) : (
          <>
            <label htmlFor="ep-url">URL</label>
            <input id="ep-url" type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://example.com/webhooks" required />
          </>
        )}
        <label htmlFor="ep-desc">Description</label>
        <input id="ep-desc" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <label htmlFor="ep-filter">Event types (comma separated, empty for all)</label>
        <input id="ep-filter" value={form.filter} onChange={(e) => setForm({ ...form, filter: e.target.value })} />
        <label htmlFor="ep-payload-filter">Payload filter (JSON, empty for every message)</label>
        <textarea id="ep-payload-filter" className="mono" rows={3} value={form.payloadFilter} placeholder={FILTER_HINT} onChange={(e) => setForm({ ...form, payloadFilter: e.target.value })} />
        <label htmlFor="ep-rate">Rate limit (per second, empty for none)</label>
        <input id="ep-rate" type="number" min={1} max={100000} value={form.rate} onChange={(e) => setForm({ ...form, rate: e.target.value })} />
        {internals && (
          <>
            <label htmlFor="ep-scheme">Signature scheme</label>
            <InheritSelect id="ep-scheme" value={form.scheme} options={SCHEMES} onChange={(scheme) => setForm({ ...form, scheme })} />
            <label htmlFor="ep-envelope">Envelope</label>
            <InheritSelect id="ep-envelope" value={form.envelope} options={ENVELOPES} onChange={(envelope) => setForm({ ...form, envelope })} />
          </>
        )}
        <button type="submit" disabled={create.busy}>
          {create.busy ? 'Creating…' : 'Create endpoint'}
        </button>
      </form>
      <ErrorNote error={create.error ?? endpoints.error} />
      <ul className="cards">
        {endpoints.data?.data.map((e) => (
          <EndpointRow
            key={e.id}
            app={app}
            endpoint={e}
            types={typeNames}
            samples={samples}
            health={health.data?.data.find((h) => h.endpoint_id === e.id)}
            internals={internals}
            onChanged={endpoints.reload}
            onSecret={(r) => (setSecretOf(r), endpoints.reload())}
          />
        ))}
      </ul>
      {endpoints.data && !endpoints.data.data.length && <p>No endpoints yet.</p>}
    </section>
  );
}
