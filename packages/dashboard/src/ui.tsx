import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LiveEvent } from '@herald/webhooks/client';
import { api, describeError } from './api';
import { navigate } from './router';

/** An in-app link: a real <a href> (keyboard, middle-click) that navigates without a reload. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={to}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Loads data, exposes loading/error state and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err) => live && setState({ data: null, error: describeError(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** The API's problem detail, in words, where the action happened. */
export function ErrorNote({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status.replace('_', ' ')}</span>;
}

/** Runs an action, showing progress while it runs and the problem if it fails. */
export function useAction(): { busy: boolean; error: string | null; run: (fn: () => Promise<unknown>) => Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(describeError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function CopyButton({ text, label = 'Copy', aria }: { text: string; label?: string; aria?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={aria}
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}

/** An id as text with a copy button beside it. */
export function Id({ id, label }: { id: string; label?: string }) {
  return (
    <span className="id" title={label}>
      <span className="mono">{id}</span>
      <CopyButton text={id} label="Copy" aria={`Copy ${id}`} />
    </span>
  );
}

/** A destructive action, asked about first. */
export function DeleteButton({ what, onConfirmed, disabled }: { what: string; onConfirmed: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="danger" disabled={disabled} onClick={() => confirm(`Delete ${what}? This cannot be undone.`) && onConfirmed()}>
      Delete
    </button>
  );
}

export type Theme = 'light' | 'dark' | 'auto';
const THEME_KEY = 'herald.theme';

function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Light, dark or the system's; the viewer's choice is kept in this browser, else `fallback` (the portal's branding). */
export function useTheme(fallback: Theme = 'auto'): [Theme, (t: Theme) => void] {
  const stored = (() => {
    try {
      return localStorage.getItem(THEME_KEY) as Theme | null;
    } catch {
      return null;
    }
  })();
  const [theme, setTheme] = useState<Theme>(stored ?? fallback);
  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'auto') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('auto');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
  return [
    theme,
    (t) => {
      try {
        localStorage.setItem(THEME_KEY, t);
      } catch {
        // storage blocked (third-party frame): this page only
      }
      setTheme(t);
    },
  ];
}

export function ThemeSwitch({ theme, onChange }: { theme: Theme; onChange: (t: Theme) => void }) {
  return (
    <label className="inline">
      Theme
      <select value={theme} onChange={(e) => onChange(e.target.value as Theme)} aria-label="Theme">
        <option value="auto">system</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}

type Listener = (event: LiveEvent) => void;
const LiveContext = createContext<{ subscribe(l: Listener): () => void } | null>(null);

/** One live stream per application page; the page's parts subscribe to what they show. */
export function LiveUpdates({ app, children }: { app: string; children: ReactNode }) {
  const listeners = useMemo(() => new Set<Listener>(), [app]);
  useEffect(() => {
    const abort = new AbortController();
    // The first `ready` comes with the page's own first load; a later one follows a reconnect
    // (events may have been missed meanwhile), so parts reload on it.
    let connected = false;
    void api.watch(
      app,
      (event) => {
        if (event === 'ready' && !connected) return void (connected = true);
        listeners.forEach((l) => l(event));
      },
      abort.signal,
    );
    return () => abort.abort();
  }, [app, listeners]);
  const value = useMemo(() => ({ subscribe: (l: Listener) => (listeners.add(l), () => void listeners.delete(l)) }), [listeners]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls `reload` when the live stream says one of `events` changed (and after a reconnect). */
export function useLiveReload(events: LiveEvent[], reload: () => void, enabled = true): void {
  const live = useContext(LiveContext);
  const key = events.join(',');
  useEffect(() => {
    if (!live || !enabled) return;
    return live.subscribe((event) => {
      if (event === 'ready' || events.includes(event)) reload();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, key, reload, enabled]);
}

/** `fn`, run at most once per `ms` (a call in between runs once the interval is over). */
export function useThrottled(fn: () => void, ms: number): () => void {
  const [state] = useState(() => ({ last: 0, timer: null as ReturnType<typeof setTimeout> | null, fn }));
  state.fn = fn;
  useEffect(() => () => void (state.timer && clearTimeout(state.timer)), [state]);
  return useCallback(() => {
    if (state.timer) return;
    const wait = state.last + ms - Date.now();
    const run = () => {
      state.timer = null;
      state.last = Date.now();
      state.fn();
    };
    if (wait <= 0) run();
    else state.timer = setTimeout(run, wait);
  }, [state, ms]);
}
