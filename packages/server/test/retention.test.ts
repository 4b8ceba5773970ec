import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('retention', () => {
  let h: TestHerald;
  let key: string;
  let rx: Receiver;
  before(async () => {
    // Keep things 600 ms (default 30 days), purge every 100 ms, two messages per transaction.
    h = await startHerald({ retention: { maxAgeMs: 600, intervalMs: 100, batch: 2 } });
    key = (await createTenant(h)).test;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });

  test('old payloads, deliveries and attempts are purged in batches; purged messages answer 410; unfinished work is kept', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'retention' })).body;
    const upload = await fetch(`${h.url}/api/v1/app/${app.id}/records`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"r":1}' });
    const record = await upload.json();
    const link = (await api('GET', `/api/v1/app/${app.id}/records/${record.record_id}`)).body.download_url;
    assert.equal((await fetch(link)).status, 200);
    await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/ok`, filter_types: ['ok'] });
    const stuck = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/down', retry_schedule: [0, 3600], filter_types: ['stuck'] })).body;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'ok', payload: { i } })).body.id);
    const pending = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'stuck', payload: { keep: true } })).body;
    await waitFor(() => rx.received.length === 5);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/msg/${ids[0]}`)).status, 200);

    await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/msg/${ids[4]}`)).status === 410, { timeoutMs: 5000 });
    for (const id of ids) {
      const res = await api('GET', `/api/v1/app/${app.id}/msg/${id}`);
      assert.equal(res.status, 410);
      assert.match(res.body.detail, /purged .* retention period/);
      assert.equal((await api('GET', `/api/v1/app/${app.id}/msg/${id}/delivery`)).status, 410);
      assert.equal((await api('POST', `/api/v1/app/${app.id}/msg/${id}/endpoint/${stuck.id}/resend`)).status, 410);
    }
    const listed = (await api('GET', `/api/v1/app/${app.id}/msg`)).body.data.map((m: { id: string }) => m.id);
    assert.deepEqual(listed, [pending.id], 'only the message with work left is still listed');
    const attempts = (await api('GET', `/api/v1/app/${app.id}/attempt`)).body.data;
    assert.ok(attempts.every((a: { message_id: string }) => a.message_id === pending.id), 'attempts of purged messages are gone');
    assert.equal((await api('GET', `/api/v1/app/${app.id}/msg/${pending.id}`)).body.payload.keep, true);
    // Records go too: the bytes are deleted and links answer 410.
    await waitFor(async () => (await fetch(link)).status === 410);
    assert.equal(existsSync(join(h.dataDir, 'records', record.record_id)), false);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/records/${record.record_id}`)).status, 410);
  });
});
