import { useState } from 'react';
import type { Attempt, Delivery } from '@herald/webhooks/client';
import { api, when } from '../api';
import { CopyButton, ErrorNote, Id, Link, StatusBadge, useAction, useLiveReload, useLoad } from '../ui';

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers) return <p className="muted">none</p>;
  return (
    <dl className="headers">
      {Object.entries(headers).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className="mono wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function AttemptView({ attempt }: { attempt: Attempt }) {
  return (
    <details className="attempt" data-testid="attempt">
      <summary>
        #{attempt.attempt_number} <StatusBadge status={attempt.status} /> {attempt.response_status ?? attempt.error_class} · {attempt.duration_ms} ms · {when(attempt.created_at)}
      </summary>
      <p className="mono wrap">POST {attempt.url}</p>
      {attempt.error_message && <p className="error">{attempt.error_class}: {attempt.error_message}</p>}
      <h5>Request headers</h5>
      <Headers headers={attempt.request_headers} />
      <h5>Response headers</h5>
      <Headers headers={attempt.response_headers} />
      <h5>Response body (first 4 KB)</h5>
      <pre data-testid="response-body">{attempt.response_body ?? ''}</pre>
    </details>
  );
}

function DeliveryView({ app, delivery, onChanged }: { app: string; delivery: Delivery; onChanged: () => void }) {
  const attempts = useLoad(() => api.listAttempts(app, delivery.id), [delivery.id, delivery.attempt_count, delivery.status]);
  const action = useAction();
  return (
    <li className="card" data-testid="delivery">
      <div className="row spread">
        <span>
          Endpoint <Id id={delivery.endpoint_id} label="endpoint id" /> · delivery <Id id={delivery.id} label="delivery id" />
        </span>
        <StatusBadge status={delivery.status} />
      </div>
      <p className="muted">
        {delivery.attempt_count} attempt(s) · next {when(delivery.next_attempt_at)}
      </p>
      <div className="row">
        <button type="button" disabled={action.busy} onClick={() => action.run(() => api.resend(app, delivery.message_id, delivery.endpoint_id)).then((ok) => ok && onChanged())}>
          Resend
        </button>
        {(delivery.status === 'failed' || delivery.status === 'pending') && (
          <button type="button" disabled={action.busy} onClick={() => action.run(() => api.retryNow(app, delivery.id)).then((ok) => ok && onChanged())}>
            Retry now
          </button>
        )}
        {action.busy && <span role="status">Working…</span>}
      </div>
      <ErrorNote error={action.error ?? attempts.error} />
      {attempts.data?.data.map((a) => <AttemptView key={a.id} attempt={a} />)}
    </li>
  );
}

export function MessageDetail({ app, id, base }: { app: string; id: string; base: string }) {
  const message = useLoad(() => api.getMessage(app, id), [app, id]);
  const [tick, setTick] = useState(0);
  const deliveries = useLoad(() => api.messageDeliveries(app, id), [app, id, tick]);
  // A new attempt changes its delivery (attempt count, status), and with it the key that reloads its attempts.
  useLiveReload(['deliveries'], deliveries.reload);
  return (
    <section>
      <p>
        <Link to={`${base}/messages`}>← Message log</Link>
      </p>
      <ErrorNote error={message.error} />
      {message.data && (
        <>
          <h3>
            <Id id={message.data.id} label="message id" />
          </h3>
          <p>
            {message.data.type} · published {when(message.data.created_at)}
            {message.data.event_id && <> · event id <span className="mono">{message.data.event_id}</span></>}
          </p>
          <h4>Payload</h4>
          <pre data-testid="payload">{JSON.stringify(message.data.payload, null, 2)}</pre>
          <CopyButton text={JSON.stringify(message.data.payload, null, 2)} label="Copy payload" />
        </>
      )}
      <h4>Deliveries</h4>
      <ErrorNote error={deliveries.error} />
      <ul className="cards">
        {deliveries.data?.data.map((d) => <DeliveryView key={`${d.id}-${d.updated_at}`} app={app} delivery={d} onChanged={() => setTimeout(() => setTick((t) => t + 1), 300)} />)}
      </ul>
      <button type="button" onClick={() => setTick((t) => t + 1)}>
        Refresh
      </button>
    </section>
  );
}
