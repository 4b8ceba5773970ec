import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newId } from '../src/ids.js';
import { createTenant, rowCounts, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('delivery log and replay', () => {
  let h: TestHerald;
  let key: string;
  let tenantId: string;
  let rx: Receiver;
  let failing = true;
  before(async () => {
    h = await startHerald();
    ({ test: key, id: tenantId } = await createTenant(h));
    rx = await startReceiver((_r, res) => void res.writeHead(failing ? 500 : 200).end());
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  async function failedSetup(name: string, count: number) {
    failing = true;
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name } })).body.id;
    const ep = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/${name}`, retry_schedule: [0] } })).body;
    const msgs = [];
    for (let i = 0; i < count; i++) msgs.push((await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: `${name}.evt`, payload: { i } } })).body);
    const list = (q = '') => h.call('GET', `/api/v1/app/${appId}/delivery?limit=250${q}`, { token: key }).then((r) => r.body.data);
    await waitFor(async () => (await list('&status=failed')).length === count, { what: `${count} failed deliveries` });
    return { appId, ep, msgs, list };
  }

  test('filters deliveries and attempts by status, endpoint, type and time', async () => {
    const { appId, ep, list } = await failedSetup('filters', 2);
    assert.equal((await list('&status=succeeded')).length, 0);
    assert.equal((await list(`&endpoint_id=${ep.id}`)).length, 2);
    assert.equal((await list('&endpoint_id=ep_other')).length, 0);
    assert.equal((await list('&type=filters.evt')).length, 2);
    assert.equal((await list('&type=nope')).length, 0);
    assert.equal((await list(`&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).length, 0);
    const attempts = (await h.call('GET', `/api/v1/app/${appId}/attempt?status=failed&type=filters.evt`, { token: key })).body.data;
    assert.equal(attempts.length, 2);
    assert.ok(attempts.every((a: { response_status: number }) => a.response_status === 500));
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/attempt?status=succeeded`, { token: key })).body.data.length, 0);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/delivery?status=lost`, { token: key })).status, 422);
  });

  test('retry now sends a failed delivery again and it can succeed', async () => {
    const { appId, list } = await failedSetup('retry-now', 1);
    const [delivery] = await list();
    failing = false;
    const res = await h.call('POST', `/api/v1/app/${appId}/delivery/${delivery.id}/retry`, { token: key });
    assert.equal(res.status, 202);
    const done = await waitFor(async () => {
      const d = (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}`, { token: key })).body;
      return d.status === 'succeeded' ? d : null;
    });
    assert.equal(done.attempt_count, 2);
    const attempts = (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}/attempt`, { token: key })).body.data;
    assert.deepEqual(attempts.map((a: { status: string }) => a.status), ['succeeded', 'failed']);
    const again = await h.call('POST', `/api/v1/app/${appId}/delivery/${delivery.id}/retry`, { token: key });
    assert.equal(again.status, 409);
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/delivery/dlv_missing/retry`, { token: key })).status, 404);
  });

  test('resend sends a message to one endpoint again, even after success, and to endpoints added later', async () => {
    const { appId, ep, msgs } = await failedSetup('resend', 1);
    failing = false;
    const path = '/resend';
    const before = rx.received.filter((r) => r.path === path).length;
    const res = await h.call('POST', `/api/v1/app/${appId}/msg/${msgs[0].id}/endpoint/${ep.id}/resend`, { token: key });
    assert.equal(res.status, 202);
    await waitFor(() => rx.received.filter((r) => r.path === path).length === before + 1);
    await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/delivery/${res.body.id}`, { token: key })).body.status === 'succeeded');
    const resent = await h.call('POST', `/api/v1/app/${appId}/msg/${msgs[0].id}/endpoint/${ep.id}/resend`, { token: key });
    assert.equal(resent.status, 202);
    await waitFor(() => rx.received.filter((r) => r.path === path).length === before + 2);

    const later = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/resend-later` } })).body;
    const toLater = await h.call('POST', `/api/v1/app/${appId}/msg/${msgs[0].id}/endpoint/${later.id}/resend`, { token: key });
    assert.equal(toLater.status, 202);
    const got = await waitFor(() => rx.received.find((r) => r.path === '/resend-later'));
    assert.equal(got.headers['webhook-id'], msgs[0].id);

    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${later.id}`, { token: key, body: { disabled: true } });
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/msg/${msgs[0].id}/endpoint/${later.id}/resend`, { token: key })).status, 409);
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/msg/msg_missing/endpoint/${ep.id}/resend`, { token: key })).status, 404);
  });

  test('recover requeues the failed deliveries created in the window, and only those', async () => {
    const { appId, ep, list } = await failedSetup('recover', 3);
    const deliveries = await list();
    const oldest = deliveries[deliveries.length - 1];
    // Everything since just after the oldest one: the two newer deliveries.
    const since = new Date(Date.parse(oldest.created_at) + 1).toISOString();
    failing = false;
    const res = await h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/recover`, { token: key, body: { since } });
    assert.equal(res.status, 202);
    const recovered = res.body.recovered;
    assert.ok(recovered >= 1 && recovered <= 2, `recovered ${recovered}`);
    await waitFor(async () => (await list('&status=succeeded')).length === recovered);
    assert.equal((await list('&status=failed')).length, 3 - recovered);
    const bad = await h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/recover`, { token: key, body: { since: 'last week' } });
    assert.equal(bad.status, 422);
    const backwards = await h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/recover`, {
      token: key,
      body: { since: '2030-01-01T00:00:00Z', until: '2020-01-01T00:00:00Z' },
    });
    assert.equal(backwards.status, 400);
  });

  test('deleting an endpoint discards its waiting deliveries', async () => {
    failing = true;
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'discard' } })).body.id;
    const ep = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/discard`, retry_schedule: [0, 3600] } })).body;
    await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'x', payload: {} } });
    await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/delivery?status=pending`, { token: key })).body.data[0]?.attempt_count === 1);
    await h.call('DELETE', `/api/v1/app/${appId}/endpoint/${ep.id}`, { token: key });
    const [d] = (await h.call('GET', `/api/v1/app/${appId}/delivery`, { token: key })).body.data;
    assert.equal(d.status, 'discarded');
    assert.equal(d.next_attempt_at, null);
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/delivery/${d.id}/retry`, { token: key })).status, 409);
  });

  // PostgreSQL's deliveries hold no foreign key to their message (migration 008): the statements
  // that delete do what the key's cascade did.
  test("deleting an application removes its messages, deliveries and attempts, and no one else's", async () => {
    const kept = await failedSetup('kept-app', 1);
    const gone = await failedSetup('deleted-app', 2);
    const before = await rowCounts(h);
    assert.equal((await h.call('DELETE', `/api/v1/app/${gone.appId}`, { token: key })).status, 204);
    const after = await rowCounts(h);
    for (const table of ['messages', 'deliveries', 'attempts'] as const) assert.equal(after[table], before[table]! - 2, table);
    assert.equal((await kept.list()).length, 1);
    assert.equal((await h.call('GET', `/api/v1/app/${kept.appId}/attempt`, { token: key })).body.data.length, 1);
  });

  test('resending a message that is gone writes no delivery', async () => {
    const { appId, ep, msgs } = await failedSetup('resend-gone', 1);
    const scope = { tenant_id: tenantId, environment: 'test' as const };
    const before = await rowCounts(h);
    const now = Date.now();
    assert.equal(await h.herald.store.resend(scope, appId, 'msg_2Xo0missing', ep.id, now, newId('dlv', now)), null);
    assert.equal(await h.herald.store.resend(scope, 'app_2Xo0other', msgs[0].id, ep.id, now, newId('dlv', now)), null, "another application's message");
    assert.deepEqual(await rowCounts(h), before);
  });
});
