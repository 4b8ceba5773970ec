import { useState } from 'react';
import type { Endpoint } from '@herald/webhooks/client';
import { api } from '../api';
import { ErrorNote, useAction } from '../ui';

const TEMPLATE = `function handler(webhook) {
  // webhook: { eventType, payload, url, headers }
  // Change payload, url or headers, or set webhook.cancel = true to send nothing.
  return webhook;
}
`;

type TryResult = Awaited<ReturnType<typeof api.tryTransformation>>;

/** An endpoint's transformation: edit the code, try it on a sample, save or remove it. */
export function TransformationEditor({ app, endpoint, types, onChanged }: { app: string; endpoint: Endpoint; types: { name: string; example: unknown }[]; onChanged: () => void }) {
  const action = useAction();
  const [code, setCode] = useState(endpoint.transformation ?? TEMPLATE);
  const [type, setType] = useState(types[0]?.name ?? 'example.event');
  const [sample, setSample] = useState(JSON.stringify(types[0]?.example ?? { id: 'sample' }, null, 2));
  const [result, setResult] = useState<TryResult | null>(null);
  const id = `transform-${endpoint.id}`;
  return (
    <div className="grid-form" role="group" aria-label="Transformation">
      <label htmlFor={`${id}-code`}>Transformation (JavaScript)</label>
      <textarea id={`${id}-code`} className="mono" rows={8} spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={`${id}-type`}>Sample event type</label>
      <input
        id={`${id}-type`}
        list={`${id}-types`}
        value={type}
        onChange={(e) => {
          setType(e.target.value);
          const known = types.find((t) => t.name === e.target.value);
          if (known) setSample(JSON.stringify(known.example, null, 2));
        }}
      />
      <datalist id={`${id}-types`}>
        {types.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      <label htmlFor={`${id}-sample`}>Sample payload (JSON)</label>
      <textarea id={`${id}-sample`} className="mono" rows={4} spellCheck={false} value={sample} onChange={(e) => setSample(e.target.value)} />
      <div className="row">
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              let payload: unknown;
              try {
                payload = JSON.parse(sample);
              } catch {
                throw new Error('The sample payload is not valid JSON');
              }
              setResult(await api.tryTransformation(app, endpoint.id, { code, type, payload }));
            })
          }
        >
          Try it
        </button>
        <button type="button" disabled={action.busy} onClick={() => action.run(() => api.updateEndpoint(app, endpoint.id, { transformation: code })).then((ok) => ok && onChanged())}>
          Save transformation
        </button>
        {endpoint.transformation && (
          <button type="button" disabled={action.busy} onClick={() => action.run(() => api.updateEndpoint(app, endpoint.id, { transformation: null })).then((ok) => ok && onChanged())}>
            Remove transformation
          </button>
        )}
      </div>
      <ErrorNote error={action.error} />
      {result && (
        <div className="result" role="status" data-testid="transformation-result">
          {result.cancelled ? 'Cancelled: nothing would be sent' : result.ok ? 'Would send' : `Fails: ${result.error}`} ({result.duration_ms} ms)
          {result.webhook && <pre>{JSON.stringify(result.webhook, null, 2)}</pre>}
        </div>
      )}
    </div>
  );
}
