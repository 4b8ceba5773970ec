import { useState } from 'react';
import type { Delivery, DeliveryStatus, LogFilter } from '@herald/webhooks/client';
import { api, when } from '../api';
import { CopyButton, ErrorNote, Link, StatusBadge, useAction, useLiveReload, useLoad } from '../ui';

/** Retries every failed delivery on the page, one by one, showing how far it got. */
function BulkRetry({ app, deliveries, onDone }: { app: string; deliveries: Delivery[]; onDone: () => void }) {
  const failed = deliveries.filter((d) => d.status === 'failed');
  const [done, setDone] = useState<number | null>(null);
  const action = useAction();
  if (!failed.length && done === null) return null;
  return (
    <div className="row">
      <button
        type="button"
        disabled={action.busy || !failed.length}
        onClick={() =>
          action.run(async () => {
            setDone(0);
            for (const d of failed) {
              await api.retryNow(app, d.id);
              setDone((n) => (n ?? 0) + 1);
            }
            onDone();
          })
        }
      >
        Retry {failed.length} failed
      </button>
      {done !== null && (
        <>
          <progress max={failed.length || done} value={done} aria-label="Bulk retry progress" />
          <span role="status" data-testid="bulk-progress">
            {action.busy ? `Retrying ${done} of ${failed.length}…` : `Retried ${done}`}
          </span>
        </>
      )}
      <ErrorNote error={action.error} />
    </div>
  );
}

const STATUSES: ('' | DeliveryStatus)[] = ['', 'pending', 'delivering', 'succeeded', 'failed', 'discarded'];

/** The delivery log: one row per (message, endpoint), newest first, filterable. */
export function Messages({ app, base }: { app: string; base: string }) {
  const [draft, setDraft] = useState({ message: '', type: '', prefix: '', search: '', status: '' as '' | DeliveryStatus, endpoint: '', since: '', until: '' });
  const [filter, setFilter] = useState<LogFilter & { message?: string }>({});
  const [pages, setPages] = useState<string[]>([]);
  const log = useLoad(async () => {
    if (filter.message) {
      // Search by id: the message's own deliveries.
      return api.messageDeliveries(app, filter.message);
    }
    const { message: _m, ...rest } = filter;
    return api.listDeliveries(app, { ...rest, limit: 50, ...(pages.length ? { iterator: pages[pages.length - 1] } : {}) });
  }, [app, JSON.stringify(filter), pages.length]);
  // New rows appear on the first page by themselves; an older page stays as it is while read.
  useLiveReload(['deliveries'], log.reload, pages.length === 0);
  return (
    <section>
      <h3>Message log</h3>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setPages([]);
          setFilter({
            ...(draft.message ? { message: draft.message.trim() } : {}),
            ...(draft.type ? { type: draft.type.trim() } : {}),
            ...(draft.prefix.trim() ? { type_prefix: draft.prefix.trim() } : {}),
            ...(draft.search.trim() ? { search: draft.search.trim() } : {}),
            ...(draft.status ? { status: draft.status } : {}),
            ...(draft.endpoint ? { endpoint_id: draft.endpoint.trim() } : {}),
            ...(draft.since ? { since: new Date(draft.since).toISOString() } : {}),
            ...(draft.until ? { until: new Date(draft.until).toISOString() } : {}),
          });
        }}
      >
        <label>
          Message id <input value={draft.message} onChange={(e) => setDraft({ ...draft, message: e.target.value })} placeholder="msg_…" />
        </label>
        <label>
          Event type <input value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} />
        </label>
        <label>
          Type starts with <input value={draft.prefix} onChange={(e) => setDraft({ ...draft, prefix: e.target.value })} placeholder="invoice." />
        </label>
        <label>
          Payload contains <input value={draft.search} onChange={(e) => setDraft({ ...draft, search: e.target.value })} minLength={2} maxLength={200} />
        </label>
        <label>
          Status
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as DeliveryStatus })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'any'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Endpoint id <input value={draft.endpoint} onChange={(e) => setDraft({ ...draft, endpoint: e.target.value })} placeholder="ep_…" />
        </label>
        <label>
          Since <input type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <label>
          Until <input type="datetime-local" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorNote error={log.error} />
      {log.data && <BulkRetry app={app} deliveries={log.data.data} onDone={() => setTimeout(log.reload, 300)} />}
      <table aria-busy={log.loading}>
        <thead>
          <tr>
            <th>Message</th>
            <th>Type</th>
            <th>Endpoint</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Last attempt</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.data.map((d: Delivery) => (
            <tr key={d.id} data-testid="log-row">
              <td>
                <Link to={`${base}/messages/${d.message_id}`} className="mono">
                  {d.message_id}
                </Link>{' '}
                <span className="id">
                  <CopyButton text={d.message_id} aria={`Copy ${d.message_id}`} />
                </span>
              </td>
              <td>{d.type}</td>
              <td className="mono">{d.endpoint_id}</td>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td>{d.attempt_count}</td>
              <td>
                {when(d.last_attempt_at)} {d.last_status_code ?? ''} {d.last_error ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.data && !log.data.data.length && <p>Nothing matches.</p>}
      <div className="row">
        {pages.length > 0 && (
          <button type="button" onClick={() => setPages(pages.slice(0, -1))}>
            Newer
          </button>
        )}
        {log.data && !log.data.done && log.data.iterator && (
          <button type="button" onClick={() => setPages([...pages, log.data!.iterator!])}>
            Older
          </button>
        )}
        <button type="button" onClick={log.reload}>
          Refresh
        </button>
      </div>
    </section>
  );
}
