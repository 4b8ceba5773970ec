import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as HeraldWebhook } from '@herald/webhooks';
import { startDnsServer } from './dns-server.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('delivery: signing, the request, the attempt log, error classes', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  let rx: Receiver;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;

  before(async () => {
    dns = await startDnsServer({ 'hooks.herald.test': '127.0.0.1' });
    h = await startHerald({ dnsServers: [dns.server] });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'delivery' } })).body.id;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
    await dns.close();
  });

  async function endpoint(url: string, extra: Record<string, unknown> = {}) {
    const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, {
      token: key,
      body: { url, retry_schedule: [0, 3600], filter_types: [`t.${url.length}.${Math.random()}`.replace(/[^a-z0-9.]/gi, '')], ...extra },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id as string, secret: res.body.secret as string, type: res.body.filter_types[0] as string };
  }
  const publish = (type: string, payload: unknown) => h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload } });
  async function firstAttempt(endpointId: string) {
    return waitFor(
      async () => (await h.call('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${endpointId}`, { token: key })).body.data[0],
      { what: `an attempt for ${endpointId}` },
    );
  }

  test('a delivery is a signed Standard Webhooks request that independent verifiers accept', async () => {
    rx.handler = (_r, res) => void res.writeHead(200, { 'x-receiver': 'yes' }).end('{"ok":true}');
    const ep = await endpoint(`${rx.url}/signed`, { headers: { 'X-Team': 'payments' } });
    const msg = await publish(ep.type, { amount: 42, note: 'héllo' });
    const got = await waitFor(() => rx.received.find((r) => r.path === '/signed'));

    assert.equal(got.headers['webhook-id'], msg.body.id);
    assert.equal(got.headers['content-type'], 'application/json');
    assert.match(String(got.headers['user-agent']), /^Herald-Webhooks\//);
    assert.equal(got.headers['x-team'], 'payments');
    const ts = Number(got.headers['webhook-timestamp']);
    assert.ok(Math.abs(ts - Date.now() / 1000) < 10);
    const body = JSON.parse(got.body);
    assert.deepEqual(body, { type: ep.type, timestamp: msg.body.created_at, data: { amount: 42, note: 'héllo' } });

    // The reference npm package, written independently of Herald.
    const independent = new StandardWebhook(ep.secret).verify(got.body, got.headers as Record<string, string>);
    assert.deepEqual(independent, body);
    // Our SDK.
    assert.deepEqual(await new HeraldWebhook(ep.secret).verify(got.body, got.headers as Record<string, string>), body);
    // A tampered body fails the independent verifier.
    assert.throws(() => new StandardWebhook(ep.secret).verify(got.body.replace('42', '43'), got.headers as Record<string, string>));

    const attempt = await firstAttempt(ep.id);
    assert.equal(attempt.status, 'succeeded');
    assert.equal(attempt.response_status, 200);
    assert.equal(attempt.response_headers['x-receiver'], 'yes');
    assert.equal(attempt.response_body, '{"ok":true}');
    assert.equal(attempt.request_headers['webhook-id'], msg.body.id);
    assert.equal(attempt.error_class, null);
    assert.ok(attempt.duration_ms >= 0);
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/delivery/${attempt.delivery_id}`, { token: key })).body;
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempt_count, 1);
  });

  test('only 2xx succeeds: a 500 is a failed attempt with its status and body excerpt, and the delivery waits to retry', async () => {
    rx.handler = (_r, res) => void res.writeHead(500).end('boom');
    const ep = await endpoint(`${rx.url}/fails`);
    await publish(ep.type, {});
    const attempt = await firstAttempt(ep.id);
    assert.equal(attempt.status, 'failed');
    assert.equal(attempt.response_status, 500);
    assert.equal(attempt.response_body, 'boom');
    assert.equal(attempt.error_class, 'http_status');
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/delivery/${attempt.delivery_id}`, { token: key })).body;
    assert.equal(delivery.status, 'pending');
    const waitMs = Date.parse(delivery.next_attempt_at) - Date.now();
    assert.ok(waitMs > 3600_000 * 0.75 && waitMs < 3600_000 * 1.25, `next attempt in ${waitMs} ms`);
  });

  test('redirects are not followed; a 3xx is a failure', async () => {
    const target = await startReceiver();
    rx.handler = (_r, res) => void res.writeHead(302, { location: `${target.url}/moved` }).end();
    const ep = await endpoint(`${rx.url}/redirect`);
    await publish(ep.type, {});
    const attempt = await firstAttempt(ep.id);
    assert.equal(attempt.status, 'failed');
    assert.equal(attempt.response_status, 302);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(target.received.length, 0);
    await target.close();
  });

  test('the stored response body is cut to 4 KB', async () => {
    rx.handler = (_r, res) => void res.writeHead(200).end('y'.repeat(10_000));
    const ep = await endpoint(`${rx.url}/big`);
    await publish(ep.type, {});
    const attempt = await firstAttempt(ep.id);
    assert.equal(attempt.status, 'succeeded');
    assert.equal(attempt.response_body.length, 4096);
  });

  test('a receiver that does not answer within the endpoint timeout is a timeout', async () => {
    rx.handler = () => {
      /* never answer */
    };
    const ep = await endpoint(`${rx.url}/hang`, { timeout_seconds: 1 });
    await publish(ep.type, {});
    const attempt = await firstAttempt(ep.id);
    assert.equal(attempt.error_class, 'timeout');
    assert.equal(attempt.response_status, null);
    assert.ok(attempt.duration_ms >= 950 && attempt.duration_ms < 5000, `took ${attempt.duration_ms} ms`);
    rx.handler = (_r, res) => void res.writeHead(204).end();
  });

  test('connection refused, unknown host, and a TLS failure are classified', async () => {
    const refused = await endpoint('http://127.0.0.1:9/closed');
    const unknown = await endpoint('http://nowhere.herald.test/x');
    const tls = await endpoint(`https://127.0.0.1:${rx.port}/not-tls`);
    const viaDns = await endpoint(`http://hooks.herald.test:${rx.port}/resolved`);
    for (const ep of [refused, unknown, tls, viaDns]) await publish(ep.type, {});
    assert.equal((await firstAttempt(refused.id)).error_class, 'connection_refused');
    const dnsAttempt = await firstAttempt(unknown.id);
    assert.equal(dnsAttempt.error_class, 'dns');
    assert.match(dnsAttempt.error_message, /nowhere\.herald\.test/);
    assert.equal((await firstAttempt(tls.id)).error_class, 'tls');
    // A name the configured resolver knows is delivered to the address it returned.
    assert.equal((await firstAttempt(viaDns.id)).status, 'succeeded');
    assert.ok(rx.received.some((r) => r.path === '/resolved'));
  });

  test('a disabled endpoint receives nothing until enabled, and messages published while disabled are not backfilled', async () => {
    const ep = await endpoint(`${rx.url}/later`, { disabled: true });
    await publish(ep.type, { when: 'before' });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(rx.received.filter((r) => r.path === '/later').length, 0);
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.id}`, { token: key, body: { disabled: false } });
    await publish(ep.type, { when: 'after' });
    const got = await waitFor(() => rx.received.find((r) => r.path === '/later'));
    assert.equal(JSON.parse(got.body).data.when, 'after');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(rx.received.filter((r) => r.path === '/later').length, 1);
  });
});
