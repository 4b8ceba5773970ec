import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook, verifyWebhookSignature } from '@herald/webhooks';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

let h: TestHerald;
let key: string;
const receivers: Receiver[] = [];
before(async () => {
  h = await startHerald();
  key = (await createTenant(h)).test;
});
after(async () => {
  for (const r of receivers) await r.close();
  await h.close();
});
const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
async function receiver(handler?: Receiver['handler']) {
  const rx = await startReceiver(handler);
  receivers.push(rx);
  return rx;
}

describe('secret rotation', () => {
  async function rotationScenario(app: Record<string, unknown>, endpoint: Record<string, unknown> = {}) {
    const appId = (await api('POST', '/api/v1/app', { name: 'rotation', ...app })).body.id;
    const rx = await receiver();
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `${rx.url}/rot`, ...endpoint })).body;
    const rotated = await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/secret/rotate`, { grace_seconds: 2 });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.secret, ep.secret);
    assert.equal(rotated.body.endpoint.secret, `whsec_****…${rotated.body.secret.slice(-4)}`, 'reads show the new primary, masked');
    const publish = async (n: number) => {
      await api('POST', `/api/v1/app/${appId}/msg`, { type: 'rot', payload: { n } });
      return waitFor(() => rx.received.find((r) => JSON.parse(r.body).data?.n === n || JSON.parse(r.body).n === n));
    };
    const during = await publish(1);
    await new Promise((r) => setTimeout(r, 2100));
    const afterWindow = await publish(2);
    return { old: { secret: ep.secret, publicKey: ep.public_key }, next: { secret: rotated.body.secret, publicKey: rotated.body.public_key }, during, afterWindow };
  }

  test('standard: both secrets sign during the grace window (two v1 signatures), only the new one after', async () => {
    const { old, next, during, afterWindow } = await rotationScenario({});
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    await new Webhook(old.secret).verify(during.body, during.headers as never);
    await new Webhook(next.secret).verify(during.body, during.headers as never);
    assert.equal(String(afterWindow.headers['webhook-signature']).split(' ').length, 1);
    await new Webhook(next.secret).verify(afterWindow.body, afterWindow.headers as never);
    await assert.rejects(new Webhook(old.secret).verify(afterWindow.body, afterWindow.headers as never), /No matching signature/);
  });

  test('standard-ed25519: v1a signatures with both public keys during the window, only the new one after', async () => {
    const { old, next, during, afterWindow } = await rotationScenario({ signature_scheme: 'standard-ed25519' });
    assert.match(String(during.headers['webhook-signature']), /^v1a,\S+ v1a,\S+$/);
    await new Webhook(old.publicKey).verify(during.body, during.headers as never);
    await new Webhook(next.publicKey).verify(during.body, during.headers as never);
    await new Webhook(next.publicKey).verify(afterWindow.body, afterWindow.headers as never);
    await assert.rejects(new Webhook(old.publicKey).verify(afterWindow.body, afterWindow.headers as never));
  });

  test('timestamped: one v1= per live secret during the window', async () => {
    const { old, next, during, afterWindow } = await rotationScenario({ preset: 'klarefi' });
    const header = (r: typeof during) => String(r.headers['x-klarefi-signature']);
    assert.match(header(during), /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    await verifyWebhookSignature(during.body, header(during), old.secret);
    await verifyWebhookSignature(during.body, header(during), next.secret);
    await verifyWebhookSignature(afterWindow.body, header(afterWindow), next.secret);
    await assert.rejects(verifyWebhookSignature(afterWindow.body, header(afterWindow), old.secret));
  });

  test('hmac-hex: the single header carries the newest secret only (documented)', async () => {
    const { old, next, during } = await rotationScenario({ preset: 'kyc' });
    await new Webhook(next.secret, { scheme: 'hmac-hex' }).verify(during.body, during.headers as never);
    await assert.rejects(new Webhook(old.secret, { scheme: 'hmac-hex' }).verify(during.body, during.headers as never));
  });

  test('rotation input is validated', async () => {
    const appId = (await api('POST', '/api/v1/app', { name: 'rotation-validation' })).body.id;
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: 'http://127.0.0.1:9/x' })).body;
    assert.equal((await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/secret/rotate`, { grace_seconds: 8 * 24 * 3600 })).status, 422);
    assert.equal((await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/secret/rotate`, { secret: 'not-base64-for-standard' })).status, 422);
    assert.equal((await api('POST', `/api/v1/app/${appId}/endpoint/ep_missing/secret/rotate`, {})).status, 404);
    const own = 'whsec_' + Buffer.alloc(32, 4).toString('base64');
    const res = await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/secret/rotate`, { secret: own, grace_seconds: 0 });
    assert.equal(res.body.secret, own);
  });
});

describe('endpoint verification challenge', () => {
  const modes: [string, (challenge: string) => { status: number; headers?: Record<string, string>; body: string }][] = [
    ['a JSON body {"challenge": …}', (c) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challenge: c }) })],
    ['the raw value as the body', (c) => ({ status: 200, body: c })],
    ['a webhook-challenge header', (c) => ({ status: 204, headers: { 'webhook-challenge': c }, body: '' })],
  ];
  for (const [name, respond] of modes) {
    test(`echoing the challenge in ${name} enables the endpoint`, async () => {
      const appId = (await api('POST', '/api/v1/app', { name: 'verify', require_verification: true })).body.id;
      let secret = '';
      const rx = await receiver(async (r, res) => {
        const event = (await new Webhook(secret).verify(r.body, r.headers as never)) as { type: string; data: { challenge: string } };
        assert.equal(event.type, 'endpoint.verification');
        const answer = respond(event.data.challenge);
        res.writeHead(answer.status, answer.headers).end(answer.body);
      });
      const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `${rx.url}/v` })).body;
      secret = ep.secret;
      assert.equal(ep.status, 'pending_verification');
      // The background challenge may race the secret assignment above; ask again explicitly.
      const res = await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/verify`);
      assert.equal(res.body.verified, true, JSON.stringify(res.body.response));
      assert.equal(res.body.endpoint.status, 'enabled');
    });
  }

  test('a wrong echo, a non-2xx answer, or no answer leaves the endpoint pending with the reason', async () => {
    const appId = (await api('POST', '/api/v1/app', { name: 'verify-fail', require_verification: true })).body.id;
    const cases: [(res: import('node:http').ServerResponse) => void, RegExp][] = [
      [(res) => void res.writeHead(200).end('{"challenge":"wrong"}'), /did not echo/],
      [(res) => void res.writeHead(500).end(), /500/],
    ];
    for (const [answer, reason] of cases) {
      const rx = await receiver((_r, res) => answer(res));
      const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `${rx.url}/v` })).body;
      const res = await api('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/verify`);
      assert.equal(res.body.verified, false);
      assert.equal(res.body.endpoint.status, 'pending_verification');
      assert.match(res.body.endpoint.verification_error, reason);
    }
    const refused = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: 'http://127.0.0.1:9/closed' })).body;
    const res = await api('POST', `/api/v1/app/${appId}/endpoint/${refused.id}/verify`);
    assert.equal(res.body.verified, false);
    assert.equal(res.body.response.error_class, 'connection_refused');
  });

  test('applications that do not require verification enable endpoints at once (seed 003 style)', async () => {
    const appId = (await api('POST', '/api/v1/app', { name: 'no-verify' })).body.id;
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: 'http://127.0.0.1:9/x' })).body;
    assert.equal(ep.status, 'enabled');
  });
});

describe('test sends and examples', () => {
  test('send-example signs the event type example like a real delivery and reports the answer', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'examples', preset: 'kyc' })).body;
    const rx = await receiver((_r, res) => void res.writeHead(202, { 'x-got': 'it' }).end('thanks'));
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/ex` })).body;
    const res = await api('POST', `/api/v1/app/${app.id}/endpoint/${ep.id}/send-example`, { type: 'kyc.session.processed' });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 202);
    assert.equal(res.body.body_excerpt, 'thanks');
    assert.equal(res.body.response_headers['x-got'], 'it');
    const got = rx.received[0]!;
    const event = (await new Webhook(ep.secret, { scheme: 'hmac-hex' }).verify(got.body, got.headers as never)) as Record<string, unknown>;
    assert.equal(event.type, 'kyc.session.processed');
    assert.deepEqual(event.data, { session_id: 'ses_123', status: 'approved', checks: { document: 'passed', liveness: 'passed' } });
    assert.equal((await api('POST', `/api/v1/app/${app.id}/endpoint/${ep.id}/send-example`, { type: 'nope' })).status, 404);
    await api('POST', '/api/v1/event-type', { name: 'no.example' });
    assert.equal((await api('POST', `/api/v1/app/${app.id}/endpoint/${ep.id}/send-example`, { type: 'no.example' })).status, 422);
  });

  test('POST /webhooks/test sends one signed sample to any allowed URL; errors are results, bad input is 4xx', async () => {
    const rx = await receiver((_r, res) => void res.writeHead(200).end('ok'));
    const secret = 'whsec_' + Buffer.alloc(32, 6).toString('base64');
    const res = await api('POST', '/api/v1/webhooks/test', { endpoint_url: `${rx.url}/t`, signing_secret: secret });
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.status, 200);
    assert.equal(res.body.body_excerpt, 'ok');
    const got = rx.received[0]!;
    assert.deepEqual(((await new Webhook(secret).verify(got.body, got.headers as never)) as { type: string }).type, 'webhook.test');

    const down = await api('POST', '/api/v1/webhooks/test', { endpoint_url: 'http://127.0.0.1:9/x', signing_secret: secret });
    assert.equal(down.status, 200);
    assert.equal(down.body.ok, false);
    assert.equal(down.body.error_class, 'connection_refused');

    const invalid: [unknown, string][] = [
      [{ endpoint_url: 'nope', signing_secret: secret }, 'body.endpoint_url'],
      [{ endpoint_url: `${rx.url}/t` }, 'body.signing_secret'],
      [{ endpoint_url: `${rx.url}/t`, signing_secret: 'short' }, 'body.signing_secret'],
      [{ endpoint_url: `${rx.url}/t`, signing_secret: 'not-a-whsec-secret' }, 'body.signing_secret'],
      [{ endpoint_url: `${rx.url}/t`, signing_secret: secret, scheme: 'rot13' }, 'body.scheme'],
      [{ endpoint_url: `${rx.url}/t`, signing_secret: secret, scheme: 'standard-ed25519' }, 'body.scheme'],
      [{ endpoint_url: 'http://10.0.0.1/x', signing_secret: secret }, 'body.endpoint_url'],
    ];
    for (const [body, field] of invalid) {
      const r = await api('POST', '/api/v1/webhooks/test', body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${JSON.stringify(body)} → ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal(rx.received.length, 1, 'rejected requests sent nothing');
  });
});

describe('presets and settings', () => {
  test('GET /presets lists every seed provider with what it installs', async () => {
    const res = await api('GET', '/api/v1/presets');
    assert.deepEqual(res.body.data.map((p: { name: string }) => p.name).sort(), ['klarefi', 'klariqo', 'kompliant', 'kyc']);
    const kompliant = res.body.data.find((p: { name: string }) => p.name === 'kompliant');
    assert.equal(kompliant.event_types.length, 12);
    assert.ok(kompliant.event_types.includes('HEARTLAND_CREDENTIALS_RECEIVED'));
  });

  test('applying a preset to an existing application installs only missing event types; unknown presets are 422', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'late preset' })).body;
    const applied = await api('POST', `/api/v1/app/${app.id}/preset`, { preset: 'klariqo' });
    assert.equal(applied.status, 200);
    assert.equal(applied.body.application.envelope, 'flat');
    assert.equal(applied.body.application.require_verification, true);
    const again = await api('POST', `/api/v1/app/${app.id}/preset`, { preset: 'klariqo' });
    assert.deepEqual(again.body.event_types_created, []);
    assert.equal((await api('POST', '/api/v1/app', { name: 'x', preset: 'acme' })).status, 422);
    assert.equal((await api('PATCH', '/api/v1/settings', { preset: 'acme' })).status, 422);
    assert.equal((await api('PATCH', '/api/v1/settings', { envelope: { type_field: 'kind' } })).status, 422);
  });

  test('explicit application fields win over the preset; custom envelope specs are accepted', async () => {
    const spec = { id_field: 'event_id', type_field: 'kind', timestamp_field: 'at', timestamp_format: 'unix_ms', static_fields: { api: 'v2' }, lift_fields: [], data_field: 'payload' };
    const app = (await api('POST', '/api/v1/app', { name: 'custom', preset: 'kyc', envelope: spec, default_timeout_seconds: 5 })).body;
    assert.deepEqual(app.envelope, spec);
    assert.equal(app.signature_scheme, 'hmac-hex');
    assert.equal(app.default_timeout_seconds, 5);
    const rx = await receiver();
    await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/c` });
    const msg = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'kyc.session.created', payload: { s: 1 } })).body;
    const got = await waitFor(() => rx.received[0]);
    const body = JSON.parse(got.body);
    assert.deepEqual(body, { event_id: msg.id, kind: 'kyc.session.created', api: 'v2', at: Date.parse(msg.created_at), payload: { s: 1 } });
  });
});
