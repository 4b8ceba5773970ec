import { useState } from 'react';
import { api, describeError } from '../api';
import { DeleteButton, ErrorNote, useAction, useLoad } from '../ui';

/** The event catalogue: names, descriptions, JSON Schemas and examples (environment-wide). */
export function EventTypes() {
  const types = useLoad(() => api.listEventTypes(), []);
  const [form, setForm] = useState({ name: '', description: '', schema: '', example: '' });
  const [parseError, setParseError] = useState<string | null>(null);
  const create = useAction();
  const remove = useAction();
  return (
    <section>
      <h3>Event types</h3>
      <form
        className="grid-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setParseError(null);
          let schema: Record<string, unknown> | undefined;
          let example: unknown;
          try {
            schema = form.schema.trim() ? (JSON.parse(form.schema) as Record<string, unknown>) : undefined;
            example = form.example.trim() ? JSON.parse(form.example) : undefined;
          } catch (err) {
            setParseError(`Schema and example must be JSON: ${describeError(err)}`);
            return;
          }
          const ok = await create.run(() =>
            api.createEventType({ name: form.name, description: form.description, ...(schema ? { schema } : {}), ...(example !== undefined ? { example } : {}) }),
          );
          if (ok) {
            setForm({ name: '', description: '', schema: '', example: '' });
            types.reload();
          }
        }}
      >
        <label htmlFor="et-name">Name</label>
        <input id="et-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="invoice.paid" required />
        <label htmlFor="et-desc">Description</label>
        <input id="et-desc" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <label htmlFor="et-schema">JSON Schema</label>
        <textarea id="et-schema" rows={4} value={form.schema} onChange={(e) => setForm({ ...form, schema: e.target.value })} placeholder='{"type": "object"}' />
        <label htmlFor="et-example">Example payload</label>
        <textarea id="et-example" rows={3} value={form.example} onChange={(e) => setForm({ ...form, example: e.target.value })} placeholder='{"invoice": 42}' />
        <button type="submit" disabled={create.busy}>
          Create event type
        </button>
      </form>
      <ErrorNote error={parseError ?? create.error ?? remove.error ?? types.error} />
      <ul className="cards">
        {types.data?.data.map((t) => (
          <li key={t.name} className="card">
            <div className="row spread">
              <span>
                <strong className="mono">{t.name}</strong> {t.archived && <span className="badge">archived</span>}
              </span>
              <DeleteButton what={`the event type ${t.name} (published messages keep their type)`} disabled={remove.busy} onConfirmed={() => void remove.run(() => api.deleteEventType(t.name)).then((ok) => ok && types.reload())} />
            </div>
            <p className="muted">{t.description || 'No description'}</p>
            {t.schema && (
              <details>
                <summary>Schema</summary>
                <pre>{JSON.stringify(t.schema, null, 2)}</pre>
              </details>
            )}
            {t.example !== null && t.example !== undefined && (
              <details>
                <summary>Example</summary>
                <pre>{JSON.stringify(t.example, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
