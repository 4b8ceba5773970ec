import { useState } from 'react';
import type { Session } from '@herald/webhooks/client';
import { api } from '../api';
import { ErrorNote, useAction, useTheme } from '../ui';

export function Login({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const action = useAction();
  useTheme();
  return (
    <main className="login">
      <h1>Herald</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          let session: Session | null = null;
          if (await action.run(async () => (session = await api.signIn({ token: token.trim() })))) onSignedIn(session!);
        }}
      >
        <label htmlFor="token">Admin token or API key</label>
        <input id="token" name="token" type="password" autoComplete="current-password" value={token} onChange={(e) => setToken(e.target.value)} required autoFocus />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ErrorNote error={action.error} />
        <p className="hint">The admin token is printed when Herald first starts (or set with HERALD_ADMIN_TOKEN). Your session is kept in an HttpOnly cookie.</p>
      </form>
    </main>
  );
}
