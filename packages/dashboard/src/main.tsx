import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Session } from '@herald/webhooks/client';
import { api, describeError, loadChoice, portalToken, saveChoice, setPortalToken, type TenantChoice } from './api';
import { AppView } from './pages/AppView';
import { Apps } from './pages/Apps';
import { Login } from './pages/Login';
import { match, navigate, usePath } from './router';
import { ErrorNote, Link, ThemeSwitch, useLoad, useTheme } from './ui';
import './styles.css';

function TenantSwitch({ choice, onChange }: { choice: TenantChoice | null; onChange: (c: TenantChoice) => void }) {
  const tenants = useLoad(() => api.listTenants(), []);
  return (
    <div className="tenant-switch">
      <label htmlFor="tenant">Tenant</label>
      <select id="tenant" value={choice?.tenant_id ?? ''} onChange={(e) => onChange({ tenant_id: e.target.value, environment: choice?.environment ?? 'test' })}>
        <option value="" disabled>
          Choose…
        </option>
        {tenants.data?.data.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label htmlFor="environment">Environment</label>
      <select id="environment" value={choice?.environment ?? 'test'} disabled={!choice} onChange={(e) => choice && onChange({ ...choice, environment: e.target.value as 'test' | 'live' })}>
        <option value="test">test</option>
        <option value="live">live</option>
      </select>
      <ErrorNote error={tenants.error} />
    </div>
  );
}

function Operator({ session, onSignOut, onSignOutEverywhere }: { session: Session; onSignOut: () => void; onSignOutEverywhere: () => void }) {
  const path = usePath();
  const [choice, setChoice] = useState<TenantChoice | null>(session.kind === 'admin' ? loadChoice() : null);
  const scoped = session.kind !== 'admin' || choice !== null;
  const app = match('/apps/:app', path) ?? match('/apps/:app/:tab', path) ?? match('/apps/:app/messages/:message', path);
  const [theme, setTheme] = useTheme();
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          Herald
        </Link>
        {session.kind === 'admin' ? (
          <TenantSwitch
            choice={choice}
            onChange={(c) => {
              saveChoice(c);
              setChoice(c);
              navigate('/');
            }}
          />
        ) : (
          <span className="muted">
            {session.tenant_id} · {session.environment}
          </span>
        )}
        <ThemeSwitch theme={theme} onChange={setTheme} />
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
        <button type="button" onClick={onSignOutEverywhere} title={session.kind === 'admin' ? 'Ends every admin session, in every browser' : "Ends every session of this tenant, in every browser (portal sessions too)"}>
          Sign out everywhere
        </button>
      </header>
      <main key={`${choice?.tenant_id}-${choice?.environment}`}>
        {!scoped ? (
          <p>Choose a tenant and environment to manage.</p>
        ) : app ? (
          <AppView app={app.app!} tab={app.message ? 'messages' : (app.tab ?? 'endpoints')} message={app.message} base={`/apps/${app.app}`} />
        ) : (
          <Apps />
        )}
      </main>
    </>
  );
}

/** The customer portal: one application, nothing else (the server enforces the same). */
function Portal({ session }: { session: Session }) {
  const path = usePath();
  const m = match('/portal/messages/:message', path) ?? match('/portal/:tab', path) ?? {};
  const brand = session.portal;
  const [theme, setTheme] = useTheme(brand?.theme ?? 'auto');
  useEffect(() => {
    if (brand?.accent_color) document.documentElement.style.setProperty('--accent', brand.accent_color);
    document.title = brand?.name ?? 'Webhooks';
  }, [brand?.accent_color, brand?.name]);
  return (
    <>
      <header className="top">
        <span className="brand" data-testid="portal-brand">
          {brand?.logo_url && <img src={brand.logo_url} alt="" className="logo" />}
          {brand?.name ?? 'Webhooks'}
        </span>
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </header>
      <main>
        <AppView
          app={session.app_id!}
          tab={m.message ? 'messages' : (m.tab ?? 'endpoints')}
          message={m.message}
          base="/portal"
          portal={{ read_only: session.read_only, show_delivery_settings: brand?.show_delivery_settings ?? false }}
        />
      </main>
    </>
  );
}

function Root() {
  const [state, setState] = useState<{ session: Session | null; error: string | null; ready: boolean }>({ session: null, error: null, ready: false });
  useEffect(() => {
    const inPortal = location.pathname.startsWith('/portal');
    if (inPortal && location.hash.length > 1) {
      setPortalToken(decodeURIComponent(location.hash.slice(1)));
      // The link's token must not linger in the address bar or history.
      history.replaceState(null, '', '/portal/endpoints');
    }
    api.session().then(
      (session) => setState({ session, error: null, ready: true }),
      (err) => setState({ session: null, error: inPortal && portalToken() ? describeError(err) : null, ready: true }),
    );
  }, []);
  if (!state.ready) return <p role="status">Loading…</p>;
  const { session } = state;
  if (session?.kind === 'portal') return <Portal session={session} />;
  if (location.pathname.startsWith('/portal')) return <main className="login"><ErrorNote error={state.error ?? 'Open the portal from the link you were given.'} /></main>;
  if (!session) return <Login onSignedIn={(s) => setState({ session: s, error: null, ready: true })} />;
  const signedOut = (end: () => Promise<unknown>) => async () => {
    await end().catch(() => undefined);
    saveChoice(null);
    setState({ session: null, error: null, ready: true });
    navigate('/');
  };
  return <Operator session={session} onSignOut={signedOut(() => api.signOut())} onSignOutEverywhere={signedOut(() => api.signOutEverywhere())} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
