import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorNote, useAction, useLoad } from '../ui';

/** How this environment's customer portal looks, and whether it shows delivery internals. */
export function PortalBranding() {
  const settings = useLoad(() => api.getSettings(), []);
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({ name: '', logo_url: '', accent_color: '#2459b8', theme: 'auto' as 'auto' | 'light' | 'dark', show_delivery_settings: false });
  useEffect(() => {
    const p = settings.data?.portal;
    if (p) setForm({ name: p.name ?? '', logo_url: p.logo_url ?? '', accent_color: p.accent_color ?? '#2459b8', theme: p.theme, show_delivery_settings: p.show_delivery_settings });
  }, [settings.data]);
  return (
    <section>
      <h3>Portal branding</h3>
      <p className="hint">For every application of this environment: the portal&apos;s title, logo, accent colour and theme. Customers see URL, description, event types, channels, rate limit, headers, secret and tests; signature scheme, envelope and email settings only if you show them.</p>
      <form
        className="grid-form"
        aria-label="Portal branding"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const ok = await action.run(() =>
            api.updateSettings({ portal: { name: form.name.trim() || null, logo_url: form.logo_url.trim() || null, accent_color: form.accent_color, theme: form.theme, show_delivery_settings: form.show_delivery_settings } }),
          );
          setSaved(ok);
        }}
      >
        <label htmlFor="brand-name">Name</label>
        <input id="brand-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="Webhooks" maxLength={100} />
        <label htmlFor="brand-logo">Logo URL (https)</label>
        <input id="brand-logo" type="url" value={form.logo_url} onChange={(e) => setForm({ ...form, logo_url: e.target.value })} placeholder="https://example.com/logo.svg" />
        <label htmlFor="brand-accent">Accent colour</label>
        <input id="brand-accent" type="color" value={form.accent_color} onChange={(e) => setForm({ ...form, accent_color: e.target.value })} />
        <label htmlFor="brand-theme">Theme</label>
        <select id="brand-theme" value={form.theme} onChange={(e) => setForm({ ...form, theme: e.target.value as typeof form.theme })}>
          <option value="auto">the customer&apos;s system setting</option>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
        <label htmlFor="brand-internals">Delivery settings</label>
        <label className="inline">
          <input id="brand-internals" type="checkbox" checked={form.show_delivery_settings} onChange={(e) => setForm({ ...form, show_delivery_settings: e.target.checked })} /> show customers signature scheme, envelope and email channels
        </label>
        <button type="submit" disabled={action.busy}>
          Save branding
        </button>
      </form>
      <ErrorNote error={action.error ?? settings.error} />
      {saved && <p role="status">Saved. New portal sessions use it.</p>}
    </section>
  );
}
