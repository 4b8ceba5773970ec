import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decryptData, Webhook } from '@herald/webhooks';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('encrypted data with webhook keys (seed 004)', () => {
  let h: TestHerald;
  let key: string;
  let other: string;
  let rx: Receiver;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    other = (await createTenant(h, 'Other')).test;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown, token = key) => h.call(method, path, { token, ...(body !== undefined ? { body } : {}) });

  test('keys: created active and shown once, listed masked, activate and retire with guards', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'keys' })).body;
    const k1 = (await api('POST', `/api/v1/app/${app.id}/webhook-keys`)).body;
    assert.equal(Buffer.from(k1.key, 'base64').length, 32);
    assert.equal(k1.status, 'active');
    const k2 = (await api('POST', `/api/v1/app/${app.id}/webhook-keys`)).body;
    const listed = (await api('GET', `/api/v1/app/${app.id}/webhook-keys`)).body.data;
    assert.deepEqual(listed.map((k: { key_id: string; status: string }) => [k.key_id, k.status]), [[k2.key_id, 'active'], [k1.key_id, 'inactive']]);
    assert.ok(!JSON.stringify(listed).includes(k1.key) && !JSON.stringify(listed).includes(k2.key));
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys/${k2.key_id}/retire`)).status, 409);
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys/${k1.key_id}/activate`)).body.status, 'active');
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys/${k2.key_id}/retire`)).body.status, 'retired');
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys/${k2.key_id}/activate`)).status, 409);
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys/key_missing/activate`)).status, 404);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/webhook-keys`, undefined, other)).status, 404);
    assert.equal((await api('POST', `/api/v1/app/${app.id}/webhook-keys`, undefined, other)).status, 404);
  });

  test('data is encrypted with the active key; after a rotation receivers decrypt old and new with one key map', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'enc', envelope: 'versioned', encrypt_data: true })).body;
    const k1 = (await api('POST', `/api/v1/app/${app.id}/webhook-keys`)).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/enc` })).body;
    const send = async (n: number) => {
      await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'enc.test', payload: { n, secret_field: `value-${n}` } });
      return waitFor(() => rx.received.find((r) => r.path === '/enc' && rx.received.indexOf(r) === n - 1));
    };
    const first = await send(1);
    const k2 = (await api('POST', `/api/v1/app/${app.id}/webhook-keys`)).body;
    const second = await send(2);
    const keys = { [k1.key_id]: k1.key, [k2.key_id]: k2.key };
    const wh = new Webhook(ep.secret);
    const env1 = (await wh.verify(first.body, first.headers as never)) as Record<string, any>;
    const env2 = (await wh.verify(second.body, second.headers as never)) as Record<string, any>;
    assert.equal(env1.key_id, k1.key_id);
    assert.equal(env2.key_id, k2.key_id);
    assert.ok(!first.body.includes('value-1'), 'the payload is not readable on the wire');
    assert.deepEqual(await decryptData(env1, keys), { n: 1, secret_field: 'value-1' });
    assert.deepEqual(await decryptData(env2, keys), { n: 2, secret_field: 'value-2' });
    await assert.rejects(decryptData(env2, { [k1.key_id]: k1.key }), /No key for key_id/);
  });

  test('encryption on without an active key is a failed attempt of class "configuration", retried on schedule', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'no-key', encrypt_data: true })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/no-key`, retry_schedule: [0, 3600] })).body;
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'x', payload: {} });
    const attempt = await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/attempt?endpoint_id=${ep.id}`)).body.data[0]);
    assert.equal(attempt.error_class, 'configuration');
    assert.match(attempt.error_message, /webhook-keys/);
    assert.ok(!rx.received.some((r) => r.path === '/no-key'));
    const [d] = (await api('GET', `/api/v1/app/${app.id}/delivery`)).body.data;
    assert.equal(d.status, 'pending');
    assert.equal((await api('POST', `/api/v1/app/${app.id}/endpoint/${ep.id}/send-example`, { type: 'x' })).status, 404);
  });
});
