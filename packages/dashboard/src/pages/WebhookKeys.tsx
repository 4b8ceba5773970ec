import { useState } from 'react';
import { api, when } from '../api';
import { CopyButton, ErrorNote, StatusBadge, useAction, useLoad } from '../ui';

/** Keys that encrypt payload data for endpoints with encrypt_data (seed 004); shown once. */
export function WebhookKeys({ app }: { app: string }) {
  const keys = useLoad(() => api.listWebhookKeys(app), [app]);
  const [fresh, setFresh] = useState<string | null>(null);
  const create = useAction();
  return (
    <section>
      <h3>Webhook keys</h3>
      <p>The active key encrypts the data of endpoints with encryption on; creating a key makes it the active one and the previous key inactive (receivers keep both).</p>
      <button type="button" disabled={create.busy} onClick={() => create.run(async () => setFresh((await api.createWebhookKey(app)).key)).then(() => keys.reload())}>
        Create key
      </button>
      <ErrorNote error={create.error ?? keys.error} />
      {fresh && (
        <div className="secret-once" role="status">
          <p>The new key, shown this once:</p>
          <code className="mono">{fresh}</code>
          <div className="row">
            <CopyButton text={fresh} label="Copy key" />
            <button type="button" onClick={() => setFresh(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>Key id</th>
            <th>Key</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {keys.data?.data.map((k) => (
            <tr key={k.key_id}>
              <td className="mono">{k.key_id}</td>
              <td className="mono">{k.hint}</td>
              <td>
                <StatusBadge status={k.status} />
              </td>
              <td>{when(k.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
