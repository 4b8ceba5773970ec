import { useState } from 'react';
import { api, when } from '../api';
import { CopyButton, DeleteButton, ErrorNote, Id, Link, LiveUpdates, useAction, useLoad } from '../ui';
import { navigate } from '../router';
import { EventCatalog } from './EventCatalog';
import { PortalBranding } from './PortalBranding';
import { Endpoints } from './Endpoints';
import { EventTypes } from './EventTypes';
import { WebhookKeys } from './WebhookKeys';
import { MessageDetail } from './MessageDetail';
import { Messages } from './Messages';
import { Overview } from './Overview';

function PortalLink({ app }: { app: string }) {
  const action = useAction();
  const [link, setLink] = useState<{ url: string; expires_at: string } | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const links = useLoad(() => api.listPortalLinks(app), [app]);
  const run = (fn: () => Promise<unknown>) => action.run(async () => (await fn(), links.reload()));
  return (
    <section>
      <h3>Customer portal</h3>
      <p>A signed link that opens the portal on this application only (its endpoints, logs and test tools). Your server would normally ask the API for it. Links last 15 minutes unless asked for longer (24 h at most) and can be revoked.</p>
      <label>
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> Read-only (no endpoint changes, resends or test sends)
      </label>
      <button type="button" disabled={action.busy} onClick={() => run(async () => setLink(await api.portalLink(app, { readOnly })))}>
        Create portal link
      </button>
      <ErrorNote error={action.error ?? links.error} />
      {link && (
        <p role="status">
          <a href={link.url} data-testid="portal-link" className="mono wrap">
            {link.url.slice(0, 60)}…
          </a>{' '}
          <CopyButton text={link.url} /> expires {new Date(link.expires_at).toLocaleString()}
        </p>
      )}
      {links.data && links.data.data.length > 0 && (
        <>
          <h4>Links that have not expired</h4>
          <ul className="plain">
            {links.data.data.map((l) => (
              <li key={l.id} data-testid="portal-link-row">
                <span className="mono">{l.id}</span> {l.read_only ? 'read-only · ' : ''}expires {when(l.expires_at)}{' '}
                {l.revoked_at ? (
                  <span className="muted">revoked {when(l.revoked_at)}</span>
                ) : (
                  <button type="button" disabled={action.busy} onClick={() => run(() => api.revokePortalLink(app, l.id))} aria-label={`Revoke ${l.id}`}>
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button type="button" disabled={action.busy} onClick={() => run(() => api.revokeAllPortalLinks(app))}>
            Revoke all links
          </button>
        </>
      )}
    </section>
  );
}

/** What the portal shows: delivery internals only when the tenant's settings say so. */
export type PortalView = { read_only: boolean; show_delivery_settings: boolean } | null;

/** One application: tabs for overview, endpoints and the message log (and the portal link for operators). */
export function AppView({ app, tab, message, base, portal = null }: { app: string; tab: string; message?: string; base: string; portal?: PortalView }) {
  const application = useLoad(() => api.getApplication(app), [app]);
  const remove = useAction();
  const tabs = [
    ['endpoints', 'Endpoints'],
    ['messages', 'Message log'],
    ['catalog', 'Event catalog'],
    ['overview', 'Overview'],
    ...(portal ? [] : [['event-types', 'Event types'], ['keys', 'Webhook keys'], ['portal', 'Portal link']]),
  ] as const;
  return (
    <LiveUpdates app={app}>
    <section>
      <div className="row spread">
        <h2>{application.data?.name ?? app}</h2>
        {!portal && application.data && (
          <div className="row">
            <Id id={application.data.id} label="application id" />
            <DeleteButton
              what={`the application "${application.data.name}" with its endpoints, messages and logs`}
              disabled={remove.busy}
              onConfirmed={() => void remove.run(() => api.deleteApplication(app)).then((ok) => ok && navigate('/'))}
            />
          </div>
        )}
      </div>
      <ErrorNote error={application.error ?? remove.error} />
      <nav className="tabs" aria-label="Application">
        {tabs.map(([key, label]) => (
          <Link key={key} to={`${base}/${key}`} className={tab === key ? 'active' : ''}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'endpoints' && <Endpoints app={app} portal={portal} />}
      {tab === 'catalog' && <EventCatalog app={app} readOnly={portal?.read_only ?? false} />}
      {tab === 'messages' && (message ? <MessageDetail app={app} id={message} base={base} /> : <Messages app={app} base={base} />)}
      {tab === 'overview' && <Overview app={app} />}
      {tab === 'portal' && !portal && (
        <>
          <PortalLink app={app} />
          <PortalBranding />
        </>
      )}
      {tab === 'event-types' && !portal && <EventTypes />}
      {tab === 'keys' && !portal && <WebhookKeys app={app} />}
    </section>
    </LiveUpdates>
  );
}
