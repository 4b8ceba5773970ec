import { useState } from 'react';
import type { EventType, SendResult } from '@herald/webhooks/client';
import { api } from '../api';
import { CopyButton, ErrorNote, useAction, useLoad } from '../ui';

function CatalogEntry({ app, type, endpoints, readOnly }: { app: string; type: EventType; endpoints: { id: string; url: string }[]; readOnly: boolean }) {
  const [endpoint, setEndpoint] = useState(endpoints[0]?.id ?? '');
  const [result, setResult] = useState<SendResult | null>(null);
  const action = useAction();
  const example = type.example === null || type.example === undefined ? null : JSON.stringify(type.example, null, 2);
  return (
    <li className="card" data-testid="catalog-entry">
      <div className="row spread">
        <h4 className="mono">{type.name}</h4>
      </div>
      <p>{type.description || <span className="muted">No description</span>}</p>
      {type.schema ? (
        <details>
          <summary>Schema</summary>
          <pre data-testid="catalog-schema">{JSON.stringify(type.schema, null, 2)}</pre>
          <CopyButton text={JSON.stringify(type.schema, null, 2)} label="Copy schema" />
        </details>
      ) : (
        <p className="muted">No schema</p>
      )}
      {example ? (
        <>
          <h5>Example</h5>
          <pre data-testid="catalog-example">{example}</pre>
          <div className="row">
            <CopyButton text={example} label="Copy example" />
            {!readOnly && endpoints.length > 0 && (
              <>
                <label htmlFor={`send-${type.name}`}>to</label>
                <select id={`send-${type.name}`} value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
                  {endpoints.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.url}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={action.busy || !endpoint} onClick={() => action.run(async () => setResult(await api.sendExample(app, endpoint, type.name)))}>
                  {action.busy ? 'Sending…' : 'Send example'}
                </button>
              </>
            )}
          </div>
        </>
      ) : (
        <p className="muted">No example</p>
      )}
      <ErrorNote error={action.error} />
      {result && (
        <p role="status" data-testid="catalog-send-result">
          {result.ok ? 'Delivered' : 'Failed'}: {result.status ?? result.error_class} in {result.latency_ms} ms
        </p>
      )}
    </li>
  );
}

/** The event types an application's endpoints can subscribe to: what each means, its schema and an example to send. */
export function EventCatalog({ app, readOnly }: { app: string; readOnly: boolean }) {
  const types = useLoad(() => api.listEventTypes(), []);
  const endpoints = useLoad(() => api.listEndpoints(app), [app]);
  const [filter, setFilter] = useState('');
  const shown = (types.data?.data ?? []).filter((t) => !t.archived && t.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <section>
      <h3>Event catalog</h3>
      <label className="inline">
        Find <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="invoice." aria-label="Find an event type" />
      </label>
      <ErrorNote error={types.error} />
      <ul className="cards catalog">
        {shown.map((t) => (
          <CatalogEntry key={t.name} app={app} type={t} endpoints={(endpoints.data?.data ?? []).filter((e) => e.kind === 'webhook').map((e) => ({ id: e.id, url: e.url }))} readOnly={readOnly} />
        ))}
      </ul>
      {types.data && !shown.length && <p>No event types{filter ? ' match' : ' yet'}.</p>}
    </section>
  );
}
