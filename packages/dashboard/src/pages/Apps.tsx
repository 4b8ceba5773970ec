import { useState } from 'react';
import { api, when } from '../api';
import { ErrorNote, Link, useAction, useLoad } from '../ui';

export function Apps() {
  const apps = useLoad(() => api.listApplications({ limit: 250 }), []);
  const [name, setName] = useState('');
  const create = useAction();
  return (
    <section>
      <h2>Applications</h2>
      <form
        className="inline"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await create.run(() => api.createApplication({ name }))) {
            setName('');
            apps.reload();
          }
        }}
      >
        <label htmlFor="app-name">New application</label>
        <input id="app-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required />
        <button type="submit" disabled={create.busy}>
          Create
        </button>
      </form>
      <ErrorNote error={create.error ?? apps.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Id</th>
            <th>Preset</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {apps.data?.data.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/apps/${a.id}`}>{a.name}</Link>
              </td>
              <td className="mono">{a.id}</td>
              <td>{a.preset ?? '—'}</td>
              <td>{when(a.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {apps.data && !apps.data.data.length && <p>No applications yet.</p>}
    </section>
  );
}
