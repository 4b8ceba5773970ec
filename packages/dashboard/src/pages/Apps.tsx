import { useState } from 'react';
import type { ApplicationInput } from '@herald/webhooks/client';
import { api, when } from '../api';
import { DeleteButton, ErrorNote, Id, Link, useAction, useLoad } from '../ui';

export function Apps() {
  const apps = useLoad(() => api.listApplications({ limit: 250 }), []);
  const [name, setName] = useState('');
  const [preset, setPreset] = useState('');
  const presets = useLoad(() => api.listPresets(), []);
  const create = useAction();
  const remove = useAction();
  return (
    <section>
      <h2>Applications</h2>
      <form
        className="inline"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await create.run(() => api.createApplication({ name, ...(preset ? { preset: preset as NonNullable<ApplicationInput['preset']> } : {}) }))) {
            setName('');
            setPreset('');
            apps.reload();
          }
        }}
      >
        <label htmlFor="app-name">New application</label>
        <input id="app-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required />
        <label htmlFor="app-preset">Provider preset</label>
        <select id="app-preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
          <option value="">none (Standard Webhooks)</option>
          {presets.data?.data.map((p) => (
            <option key={p.name} value={p.name} title={p.description}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={create.busy}>
          Create
        </button>
      </form>
      <ErrorNote error={create.error ?? remove.error ?? apps.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Id</th>
            <th>Preset</th>
            <th>Created</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.data?.data.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/apps/${a.id}`}>{a.name}</Link>
              </td>
              <td>
                <Id id={a.id} label="application id" />
              </td>
              <td>{a.preset ?? '—'}</td>
              <td>{when(a.created_at)}</td>
              <td>
                <DeleteButton what={`the application "${a.name}" with its endpoints, messages and logs`} disabled={remove.busy} onConfirmed={() => void remove.run(() => api.deleteApplication(a.id)).then((ok) => ok && apps.reload())} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {apps.data && !apps.data.data.length && <p>No applications yet.</p>}
    </section>
  );
}
