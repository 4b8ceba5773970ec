import { useState } from 'react';
import type { Endpoint, SendResult } from '@herald/webhooks/client';
import { api, when } from '../api';
import { CopyButton, ErrorNote, StatusBadge, useAction, useLoad } from '../ui';

const SCHEMES = ['', 'standard', 'standard-ed25519', 'hmac-hex', 'timestamped'];
const ENVELOPES = ['', 'standard', 'classic', 'versioned', 'event', 'flat', 'raw'];

/** A secret is shown in full exactly once: right after creation or rotation. */
function SecretOnce({ endpoint, onDone }: { endpoint: Endpoint; onDone: () => void }) {
  return (
    <div className="secret-once" role="status">
      <p>
        Signing secret for <span className="mono">{endpoint.url}</span> — copy it now, it will not be shown again:
      </p>
      <code data-testid="secret" className="mono">
        {endpoint.secret}
      </code>
      <div className="row">
        <CopyButton text={endpoint.secret} label="Copy secret" />
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function EndpointRow({ app, endpoint, types, onChanged, onSecret }: { app: string; endpoint: Endpoint; types: string[]; onChanged: () => void; onSecret: (e: Endpoint) => void }) {
  const action = useAction();
  const [type, setType] = useState(types[0] ?? '');
  const [result, setResult] = useState<SendResult | null>(null);
  const [since, setSince] = useState('');
  const [recovered, setRecovered] = useState<number | null>(null);
  return (
    <li className="card" data-testid="endpoint">
      <div className="row spread">
        <strong className="mono wrap">{endpoint.url}</strong>
        <StatusBadge status={endpoint.status} />
      </div>
      <p className="muted">
        {endpoint.description || 'No description'} · {endpoint.filter_types?.join(', ') ?? 'all event types'} · scheme {endpoint.signature_scheme ?? "application's"} · secret{' '}
        <span className="mono">{endpoint.secret}</span> · created {when(endpoint.created_at)}
      </p>
      {endpoint.disabled_reason && <p className="muted">Disabled: {endpoint.disabled_reason}</p>}
      <div className="row">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => action.run(() => api.updateEndpoint(app, endpoint.id, { disabled: endpoint.status !== 'disabled' })).then((ok) => ok && onChanged())}
        >
          {endpoint.status === 'disabled' ? 'Enable' : 'Disable'}
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={async () => {
            if (!confirm('Rotate the signing secret? The old secret keeps signing beside the new one for 24 hours.')) return;
            let rotated: Endpoint | null = null;
            if (await action.run(async () => (rotated = await api.rotateSecret(app, endpoint.id)))) onSecret(rotated!);
          }}
        >
          Rotate secret
        </button>
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

export function Endpoints({ app }: { app: string }) {
  const endpoints = useLoad(() => api.listEndpoints(app), [app]);
  const types = useLoad(() => api.listEventTypes().catch(() => ({ data: [], iterator: null, done: true })), []);
  const [form, setForm] = useState({ kind: 'webhook', url: '', description: '', filter: '', scheme: '', envelope: '' });
  const [secretOf, setSecretOf] = useState<Endpoint | null>(null);
  const create = useAction();
  const typeNames = types.data?.data.filter((t) => t.example !== null && t.example !== undefined).map((t) => t.name) ?? [];
  return (
    <section>
      <h3>Endpoints</h3>
      {secretOf && <SecretOnce endpoint={secretOf} onDone={() => setSecretOf(null)} />}
      <form
        className="grid-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const filter = form.filter.split(',').map((s) => s.trim()).filter(Boolean);
          let created: Endpoint | null = null;
          const ok = await create.run(
            async () =>
              (created = await api.createEndpoint(app, {
                ...(form.kind !== 'webhook' ? { kind: form.kind as 'slack' } : {}),
                url: form.url,
                description: form.description,
                ...(filter.length ? { filter_types: filter } : {}),
                ...(form.scheme ? { signature_scheme: form.scheme } : {}),
                ...(form.envelope ? { envelope: form.envelope } : {}),
              })),
          );
          if (ok) {
            setSecretOf(created);
            setForm({ kind: 'webhook', url: '', description: '', filter: '', scheme: '', envelope: '' });
            endpoints.reload();
          }
        }}
      >
        <label htmlFor="ep-kind">Kind</label>
        <select id="ep-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          <option value="webhook">Webhook (signed HTTP POST)</option>
          <option value="slack">Slack incoming webhook</option>
        </select>
        <label htmlFor="ep-url">URL</label>
        <input id="ep-url" type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://example.com/webhooks" required />
        <label htmlFor="ep-desc">Description</label>
        <input id="ep-desc" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <label htmlFor="ep-filter">Event types (comma separated, empty for all)</label>
        <input id="ep-filter" value={form.filter} onChange={(e) => setForm({ ...form, filter: e.target.value })} />
        <label htmlFor="ep-scheme">Signature scheme</label>
        <select id="ep-scheme" value={form.scheme} onChange={(e) => setForm({ ...form, scheme: e.target.value })}>
          {SCHEMES.map((s) => (
            <option key={s} value={s}>
              {s || "application's default"}
            </option>
          ))}
        </select>
        <label htmlFor="ep-envelope">Envelope</label>
        <select id="ep-envelope" value={form.envelope} onChange={(e) => setForm({ ...form, envelope: e.target.value })}>
          {ENVELOPES.map((s) => (
            <option key={s} value={s}>
              {s || "application's default"}
            </option>
          ))}
        </select>
        <button type="submit" disabled={create.busy}>
          {create.busy ? 'Creating…' : 'Create endpoint'}
        </button>
      </form>
      <ErrorNote error={create.error ?? endpoints.error} />
      <ul className="cards">
        {endpoints.data?.data.map((e) => <EndpointRow key={e.id} app={app} endpoint={e} types={typeNames} onChanged={endpoints.reload} onSecret={(r) => (setSecretOf(r), endpoints.reload())} />)}
      </ul>
      {endpoints.data && !endpoints.data.data.length && <p>No endpoints yet.</p>}
    </section>
  );
}
