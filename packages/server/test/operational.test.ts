import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('operational events and auto-disable', () => {
  let h: TestHerald;
  let key: string;
  let ops: Receiver;
  let customer: Receiver;
  let opsAppId: string;
  const mode: Record<string, number | ((n: number) => number)> = {};
  before(async () => {
    // Auto-disable after 400 ms of nothing but failures (production default: 5 days).
    h = await startHerald({ delivery: { autoDisableAfterMs: 400 } });
    key = (await createTenant(h)).test;
    ops = await startReceiver();
    const counts: Record<string, number> = {};
    customer = await startReceiver((r, res) => {
      counts[r.path] = (counts[r.path] ?? 0) + 1;
      const m = mode[r.path] ?? 200;
      res.writeHead(typeof m === 'function' ? m(counts[r.path]!) : m).end();
    });
    opsAppId = (await api('POST', '/api/v1/app', { name: 'Operations', uid: 'ops' })).body.id;
    await api('POST', `/api/v1/app/${opsAppId}/endpoint`, { url: `${ops.url}/ops` });
    const set = await api('PATCH', '/api/v1/settings', { operational_app: 'ops' });
    assert.equal(set.status, 200);
  });
  after(async () => {
    await ops.close();
    await customer.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
  const opsEvents = (type: string, endpointId?: string) =>
    ops.received.map((r) => JSON.parse(r.body)).filter((e) => e.type === type && (!endpointId || e.data.endpoint_id === endpointId));

  test('an unknown operational application is refused', async () => {
    const res = await api('PATCH', '/api/v1/settings', { operational_app: 'nope' });
    assert.equal(res.status, 422);
    assert.equal((await api('GET', '/api/v1/settings')).body.operational_app, 'ops');
  });

  test('endpoint.created, endpoint.updated and endpoint.deleted reach the operational endpoint', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'customer', uid: 'cust-a' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${customer.url}/a` })).body;
    await api('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { description: 'renamed' });
    await api('DELETE', `/api/v1/app/${app.id}/endpoint/${ep.id}`);
    await waitFor(() => opsEvents('endpoint.deleted', ep.id).length === 1);
    const [created] = opsEvents('endpoint.created', ep.id);
    assert.deepEqual({ ...created.data, timestamp: undefined }, { app_id: app.id, app_uid: 'cust-a', endpoint_id: ep.id, url: `${customer.url}/a`, timestamp: undefined });
    assert.equal(opsEvents('endpoint.updated', ep.id).length, 1);
  });

  test('message.attempt.failing on the 4th failure, message.attempt.exhausted after the last', async () => {
    mode['/failing'] = 500;
    const app = (await api('POST', '/api/v1/app', { name: 'failing' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${customer.url}/failing`, retry_schedule: [0, 0.02, 0.02, 0.02, 0.02] })).body;
    const msg = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'order.created', payload: {} })).body;
    await waitFor(() => opsEvents('message.attempt.exhausted', ep.id).length === 1);
    const [failing] = opsEvents('message.attempt.failing', ep.id);
    assert.equal(failing.data.attempt_number, 4);
    assert.equal(failing.data.message_id, msg.id);
    const [exhausted] = opsEvents('message.attempt.exhausted', ep.id);
    assert.equal(exhausted.data.attempt_number, 5);
    assert.equal(exhausted.data.last_attempt.response_status, 500);
  });

  test('an endpoint failing every attempt for the configured period is disabled, with endpoint.disabled', async () => {
    mode['/down'] = 503;
    const app = (await api('POST', '/api/v1/app', { name: 'down' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${customer.url}/down`, retry_schedule: [0, 0.25, 0.25, 0.25, 0.25, 0.25] })).body;
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'x', payload: {} });
    const disabled = await waitFor(async () => {
      const cur = (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body;
      return cur.status === 'disabled' ? cur : null;
    });
    assert.equal(disabled.disabled_reason, 'failing');
    await waitFor(() => opsEvents('endpoint.disabled', ep.id).length === 1);
    assert.equal(opsEvents('endpoint.disabled', ep.id)[0].data.reason, 'failing');
  });

  test('410 Gone disables at once with reason "gone"; a success after failures is endpoint.recovered', async () => {
    mode['/gone'] = 410;
    mode['/flaky'] = (n) => (n === 1 ? 500 : 200);
    const app = (await api('POST', '/api/v1/app', { name: 'mixed' })).body;
    const gone = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${customer.url}/gone`, filter_types: ['g'] })).body;
    const flaky = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${customer.url}/flaky`, retry_schedule: [0, 0.05], filter_types: ['f'] })).body;
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'g', payload: {} });
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'f', payload: {} });
    await waitFor(() => opsEvents('endpoint.disabled', gone.id).length === 1 && opsEvents('endpoint.recovered', flaky.id).length === 1);
    assert.equal(opsEvents('endpoint.disabled', gone.id)[0].data.reason, 'gone');
  });

  test("the operational application's own failures emit nothing (no feedback loop)", async () => {
    const opsDown = (await api('POST', `/api/v1/app/${opsAppId}/endpoint`, { url: 'http://127.0.0.1:9/ops-down', retry_schedule: [0, 0.02, 0.02, 0.02, 0.02] })).body;
    const before = ops.received.length;
    await api('POST', `/api/v1/app/${opsAppId}/msg`, { type: 'manual.test', payload: {} });
    await waitFor(async () => (await api('GET', `/api/v1/app/${opsAppId}/delivery?endpoint_id=${opsDown.id}&status=failed`)).body.data.length === 1);
    await new Promise((r) => setTimeout(r, 150));
    const since = ops.received.slice(before).map((r) => JSON.parse(r.body).type);
    assert.ok(!since.includes('message.attempt.exhausted') && !since.includes('message.attempt.failing'), since.join(','));
  });
});
