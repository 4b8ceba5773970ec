import assert from 'node:assert/strict';
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/*
 * One conformance test per seed document. Each receiver below is written by hand from that
 * document alone (not with @herald/webhooks), accepts Herald's deliveries, and rejects a
 * tampered body, a wrong secret and, where the contract signs a timestamp, a stale one.
 */

const h1 = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};
const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const nowSeconds = () => Math.floor(Date.now() / 1000);

let h: TestHerald;
let tenant: Awaited<ReturnType<typeof createTenant>>;
const receivers: Receiver[] = [];
before(async () => {
  h = await startHerald();
  tenant = await createTenant(h, 'Seeds');
});
after(async () => {
  for (const r of receivers) await r.close();
  await h.close();
});
const api = (method: string, path: string, body?: unknown, token = tenant.test) => h.call(method, path, { token, ...(body !== undefined ? { body } : {}) });

describe('seeds 000/001 (Klariqo compliance export): Standard Webhooks, verification challenge, forward-only', () => {
  // "Verify the Standard Webhooks signature against the raw request body."
  function verifyStandardWebhooks(secret: string, rawBody: string, headers: IncomingHttpHeaders, now = nowSeconds()) {
    const id = h1(headers, 'webhook-id');
    const timestamp = h1(headers, 'webhook-timestamp');
    const signatures = h1(headers, 'webhook-signature');
    if (!id || !timestamp || !signatures) throw new Error('missing Standard Webhooks headers');
    if (Math.abs(now - Number(timestamp)) > 300) throw new Error('timestamp outside tolerance');
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64');
    const ok = signatures.split(' ').some((s) => s.startsWith('v1,') && safeEqual(s.slice(3), expected));
    if (!ok) throw new Error('signature mismatch');
    return JSON.parse(rawBody) as Record<string, any>;
  }

  test('a receiver written from the docs verifies, answers the challenge, and gets only records created after enablement', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'Klariqo customer', preset: 'klariqo' })).body;
    assert.equal(app.signature_scheme, 'standard');
    assert.equal(app.require_verification, true);
    let secret = '';
    let echo = false;
    const processed = new Map<string, Record<string, any>>();
    const rejected: string[] = [];
    const rx = await startReceiver((r, res) => {
      try {
        const event = verifyStandardWebhooks(secret, r.body, r.headers);
        if (event.type === 'endpoint.verification') {
          // "Klariqo sends a verification challenge, and your endpoint echoes it back."
          return void (echo ? res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: event.challenge })) : res.writeHead(503).end());
        }
        const deliveryId = h1(r.headers, 'webhook-id')!;
        if (!processed.has(deliveryId)) {
          // Dedupe by the delivery id, confirm the type, read call metadata and the record pointer.
          assert.equal(event.type, 'compliance_record.ready');
          processed.set(deliveryId, event);
        }
        res.writeHead(204).end();
      } catch (err) {
        rejected.push((err as Error).message);
        res.writeHead(400).end();
      }
    });
    receivers.push(rx);

    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/klariqo` })).body;
    secret = ep.secret;
    assert.equal(ep.status, 'pending_verification');
    // The first challenge is refused, so the endpoint stays pending...
    const failed = await waitFor(async () => {
      const cur = (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body;
      return cur.verification_error ? cur : null;
    });
    assert.equal(failed.status, 'pending_verification');
    assert.equal((await api('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { disabled: false })).status, 409);
    // ...and a record created now must never reach it (forward-only from enablement).
    const before = (
      await api('POST', `/api/v1/app/${app.id}/msg`, {
        type: 'compliance_record.ready',
        payload: { call: { id: 'call-before', started_at: '2026-06-27T12:00:00Z' }, record: { format: 'vcon', content_hash: 'sha512-aaa', download_url: 'https://example.com/before' } },
      })
    ).body;

    echo = true;
    const verified = await api('POST', `/api/v1/app/${app.id}/endpoint/${ep.id}/verify`);
    assert.equal(verified.status, 200);
    assert.equal(verified.body.verified, true, JSON.stringify(verified.body.response));
    assert.equal(verified.body.endpoint.status, 'enabled');
    assert.ok(verified.body.endpoint.verified_at);

    const payload = {
      call: { id: 'synthetic-call-123', started_at: '2026-06-27T12:00:00Z' },
      record: { format: 'vcon', content_hash: 'sha512-synthetic-content-hash', download_url: 'https://example.com/synthetic-expiring-vcon-download' },
    };
    const msg = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'compliance_record.ready', payload })).body;
    const got = await waitFor(() => processed.get(msg.id));
    // The exact public shape of the seed's synthetic example.
    assert.deepEqual(got, { type: 'compliance_record.ready', ...payload });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal([...processed.values()].filter((e) => e.call.id === 'call-before').length, 0, 'a record from before enablement was delivered');
    assert.equal((await api('GET', `/api/v1/app/${app.id}/msg/${before.id}/delivery`)).body.data.length, 0);
    assert.deepEqual(rejected, []);

    // The same receiver rejects tampering, another secret, and a stale timestamp.
    const delivery = rx.received.find((r) => h1(r.headers, 'webhook-id') === msg.id)!;
    assert.throws(() => verifyStandardWebhooks(secret, delivery.body.replace('vcon', 'xcon'), delivery.headers), /mismatch/);
    assert.throws(() => verifyStandardWebhooks('whsec_' + Buffer.alloc(32, 1).toString('base64'), delivery.body, delivery.headers), /mismatch/);
    assert.throws(() => verifyStandardWebhooks(secret, delivery.body, delivery.headers, nowSeconds() + 600), /tolerance/);
  });

  test('changing the URL sends a new challenge and pauses deliveries until it is answered', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'Klariqo 2', preset: 'klariqo' })).body;
    const echoing = await startReceiver((r, res) => {
      const event = JSON.parse(r.body);
      if (event.type === 'endpoint.verification') return void res.writeHead(200, { 'webhook-challenge': event.challenge }).end();
      res.writeHead(204).end();
    });
    const silent = await startReceiver((_r, res) => void res.writeHead(200).end('ok'));
    receivers.push(echoing, silent);
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${echoing.url}/a` })).body;
    await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body.status === 'enabled');
    const moved = await api('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { url: `${silent.url}/b` });
    assert.equal(moved.body.status, 'pending_verification');
    await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body.verification_error);
    const cur = (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body;
    assert.equal(cur.status, 'pending_verification');
    assert.match(cur.verification_error, /did not echo the challenge/);
    await api('POST', `/api/v1/app/${app.id}/msg`, {
      type: 'compliance_record.ready',
      payload: { call: { id: 'c', started_at: '2026-06-27T12:00:00Z' }, record: { format: 'vcon', content_hash: 'h', download_url: 'https://example.com/x' } },
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(silent.received.every((r) => JSON.parse(r.body).type === 'endpoint.verification'), 'the unverified URL received a real event');
  });
});

describe('seed 002 (KYC): X-Webhook-* headers, sha256=<hex> of the raw body, classic envelope, evt_ ids', () => {
  // "HMAC-SHA256 signature (sha256=...)" over the payload; the secret as given to you.
  function verifyKyc(secret: string, rawBody: string, headers: IncomingHttpHeaders) {
    const signature = h1(headers, 'X-Webhook-Signature');
    if (!signature?.startsWith('sha256=')) throw new Error('missing signature');
    const expected = 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
    if (!safeEqual(signature, expected)) throw new Error('signature mismatch');
    return JSON.parse(rawBody) as Record<string, any>;
  }

  test('a receiver written from the docs accepts the delivery; headers, envelope, timeout and masking match', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'KYC tenant customer', preset: 'kyc' })).body;
    const seen = new Set<string>();
    const events: Record<string, any>[] = [];
    let secret = '';
    const rx = await startReceiver((r, res) => {
      try {
        const event = verifyKyc(secret, r.body, r.headers);
        const id = h1(r.headers, 'X-Webhook-ID')!;
        if (!seen.has(id)) {
          seen.add(id);
          events.push(event);
        }
        res.writeHead(200).end();
      } catch {
        res.writeHead(401).end();
      }
    });
    receivers.push(rx);
    // "When you set a webhook_url without providing a webhook_secret, a secure secret is automatically generated."
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/kyc` })).body;
    secret = ep.secret;
    assert.equal(ep.timeout_seconds, 10, 'Return a 2xx response within 10 seconds');
    const masked = (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body.secret;
    assert.ok(masked.endsWith(secret.slice(-4)) && masked.includes('****') && !masked.includes(secret.slice(6, 20)));

    const msg = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'kyc.session.processed', payload: { session_id: 'ses_1', status: 'approved' } })).body;
    await waitFor(() => events.length === 1);
    const delivery = rx.received[0]!;
    assert.match(h1(delivery.headers, 'X-Webhook-ID')!, /^evt_[0-9a-z]+$/);
    assert.equal(h1(delivery.headers, 'User-Agent'), 'KYC-Webhooks/1.0');
    assert.equal(h1(delivery.headers, 'Content-Type'), 'application/json');
    assert.match(h1(delivery.headers, 'X-Webhook-Timestamp')!, /^\d{10}$/);
    const event = events[0]!;
    assert.deepEqual(Object.keys(event), ['id', 'type', 'created', 'data']);
    assert.equal(event.id, h1(delivery.headers, 'X-Webhook-ID'), 'the envelope id is the idempotency id');
    assert.equal(event.id, msg.id);
    assert.equal(event.type, 'kyc.session.processed');
    assert.ok(Number.isInteger(event.created) && event.created === Number(h1(delivery.headers, 'X-Webhook-Timestamp')));
    assert.deepEqual(event.data, { session_id: 'ses_1', status: 'approved' });

    assert.throws(() => verifyKyc(secret, delivery.body.replace('approved', 'rejected'), delivery.headers), /mismatch/);
    assert.throws(() => verifyKyc('whsec_someone_else', delivery.body, delivery.headers), /mismatch/);
  });

  test('with signed_content "timestamp.body" a receiver can also reject stale or re-stamped requests', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'KYC strict', preset: 'kyc' })).body;
    const rx = await startReceiver();
    receivers.push(rx);
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/kyc-ts`, scheme_options: { signed_content: 'timestamp.body', user_agent: 'KYC-Webhooks/1.0' } })).body;
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'kyc.session.created', payload: { session_id: 'ses_2' } });
    const d = await waitFor(() => rx.received[0]);
    const verify = (body: string, headers: IncomingHttpHeaders, now: number) => {
      const ts = Number(h1(headers, 'X-Webhook-Timestamp'));
      if (now - ts > 3600) throw new Error('stale');
      const expected = 'sha256=' + createHmac('sha256', ep.secret).update(`${ts}.${body}`).digest('hex');
      if (!safeEqual(h1(headers, 'X-Webhook-Signature')!, expected)) throw new Error('signature mismatch');
    };
    verify(d.body, d.headers, nowSeconds());
    assert.throws(() => verify(d.body, d.headers, nowSeconds() + 7200), /stale/);
    assert.throws(() => verify(d.body, { ...d.headers, 'x-webhook-timestamp': String(nowSeconds() + 5) }, nowSeconds()), /mismatch/);
  });
});

describe('seed 003 (Klarefi): X-Klarefi-Signature t=…,v1=…, event envelope, test endpoint, retry policy', () => {
  // The seed's verifyWebhookSignature(rawBody, header, secret): HMAC-SHA256(signing_secret, timestamp + "." + raw_body).
  function verifyWebhookSignature(rawBody: string, header: string | undefined, signingSecret: string, now = nowSeconds()) {
    if (!header) throw new Error('missing X-Klarefi-Signature');
    const pairs = header.split(',').map((p) => p.split('=') as [string, string]);
    const t = pairs.find(([k]) => k === 't')?.[1];
    const v1 = pairs.filter(([k]) => k === 'v1').map(([, v]) => v);
    if (!t || !v1.length) throw new Error('malformed signature header');
    if (now - Number(t) > 300) throw new Error('timestamp too old');
    const expected = createHmac('sha256', signingSecret).update(`${t}.${rawBody}`).digest('hex');
    if (!v1.some((s) => safeEqual(s, expected))) throw new Error('signature mismatch');
    return JSON.parse(rawBody) as Record<string, any>;
  }

  test('set once for the environment, every application speaks the contract; the seed receiver handles the events', async () => {
    const other = await createTenant(h, 'Klarefi');
    const kf = (method: string, path: string, body?: unknown) => api(method, path, body, other.test);
    const settings = await kf('PATCH', '/api/v1/settings', { preset: 'klarefi' });
    assert.equal(settings.status, 200);
    assert.equal(settings.body.event_types_created.length, 8);
    const app = (await kf('POST', '/api/v1/app', { name: 'Klarefi customer' })).body;
    assert.equal(app.signature_scheme, 'timestamped');
    assert.deepEqual(app.scheme_options, { header_name: 'X-Klarefi-Signature' });
    assert.deepEqual(app.retry_schedule, [0, 60, 300, 1800, 7200], '1st–4th retries at 1 m, 5 m, 30 m, 2 h: 5 attempts in all');
    assert.equal(app.default_timeout_seconds, 30);
    const types = (await kf('GET', '/api/v1/event-type?limit=50')).body.data.map((e: { name: string }) => e.name).sort();
    assert.deepEqual(types, ['document.processed', 'document.uploaded', 'session.complete', 'session.created', 'session.expired', 'session.submitted_incomplete', 'skill.needs_review', 'skill.resolved']);

    const secret = 'whsec_your_signing_secret';
    const handled: string[] = [];
    const rx = await startReceiver((r, res) => {
      try {
        const event = verifyWebhookSignature(r.body, h1(r.headers, 'x-klarefi-signature'), secret);
        switch (event.event) {
          case 'session.complete':
            handled.push(`complete:${event.case_id}:${JSON.stringify(event.data)}`);
            break;
          case 'document.processed':
            handled.push(`document:${event.case_id}`);
            break;
          default:
            handled.push(`unhandled:${event.event}`);
        }
        res.writeHead(200).end();
      } catch {
        res.writeHead(401).end();
      }
    });
    receivers.push(rx);
    const ep = (await kf('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/webhooks/klarefi`, secret })).body;
    assert.equal(ep.timeout_seconds, 30);
    await kf('POST', `/api/v1/app/${app.id}/msg`, { type: 'session.complete', payload: { case_id: 'case_123', session_id: 'ses_9', results: { income: 'verified' } } });
    await kf('POST', `/api/v1/app/${app.id}/msg`, { type: 'document.processed', payload: { case_id: 'case_123', document_id: 'doc_1' } });
    await waitFor(() => handled.length === 2);
    assert.deepEqual(handled.sort(), ['complete:case_123:{"results":{"income":"verified"}}', 'document:case_123']);
    const body = JSON.parse(rx.received[0]!.body);
    assert.deepEqual(Object.keys(body).slice(0, 3), ['id', 'event', 'created_at']);

    // The seed's test call: only endpoint_url and signing_secret.
    const before = rx.received.length;
    const sent = await kf('POST', '/api/v1/webhooks/test', { endpoint_url: `${rx.url}/webhooks/klarefi`, signing_secret: secret });
    assert.equal(sent.status, 200);
    assert.equal(sent.body.status, 200, JSON.stringify(sent.body));
    assert.ok(sent.body.latency_ms >= 0);
    assert.equal(rx.received.length, before + 1);
    const test = rx.received.at(-1)!;
    assert.ok(verifyWebhookSignature(test.body, h1(test.headers, 'x-klarefi-signature'), secret).event);

    const d = rx.received[0]!;
    const header = h1(d.headers, 'x-klarefi-signature');
    assert.throws(() => verifyWebhookSignature(d.body.replace('case_123', 'case_999'), header, secret), /mismatch/);
    assert.throws(() => verifyWebhookSignature(d.body, header, 'whsec_other'), /mismatch/);
    assert.throws(() => verifyWebhookSignature(d.body, header, secret, nowSeconds() + 600), /too old/);
  });

  test('after 5 attempts (1 + 4 retries) the delivery is failed', async () => {
    const other = await createTenant(h, 'Klarefi retries');
    const kf = (method: string, path: string, body?: unknown) => api(method, path, body, other.test);
    // The preset's schedule in minutes, compressed to tenths of a second for the test.
    const app = (await kf('POST', '/api/v1/app', { name: 'retry', preset: 'klarefi', retry_schedule: [0, 0.06, 0.3, 0.18, 0.72] })).body;
    const rx = await startReceiver((_r, res) => void res.writeHead(500).end());
    receivers.push(rx);
    await kf('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/down` });
    const msg = (await kf('POST', `/api/v1/app/${app.id}/msg`, { type: 'session.expired', payload: { case_id: 'c' } })).body;
    const d = await waitFor(async () => {
      const [row] = (await kf('GET', `/api/v1/app/${app.id}/msg/${msg.id}/delivery`)).body.data;
      return row?.status === 'failed' ? row : null;
    });
    assert.equal(d.attempt_count, 5);
    assert.equal(rx.received.length, 5);
  });
});

describe('seed 004 (Kompliant, version 1.0): versioned envelope, encrypted data, fields enforced by the event type schema', () => {
  function verifyAndRead(secret: string, sharedSecrets: Record<string, string>, rawBody: string, headers: IncomingHttpHeaders) {
    const id = h1(headers, 'webhook-id')!;
    const ts = h1(headers, 'webhook-timestamp')!;
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${id}.${ts}.${rawBody}`).digest('base64');
    if (!h1(headers, 'webhook-signature')!.split(' ').some((s) => safeEqual(s, `v1,${expected}`))) throw new Error('signature mismatch');
    const envelope = JSON.parse(rawBody) as Record<string, any>;
    // "Use the key_id from the webhook envelope to identify the correct SharedSecret; decrypt the data field using AES-256-GCM."
    const shared = sharedSecrets[envelope.key_id];
    if (!shared) throw new Error(`no SharedSecret for ${envelope.key_id}`);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(shared, 'base64'), Buffer.from(envelope.data.iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(envelope.data.tag, 'base64url'));
    const data = JSON.parse(Buffer.concat([decipher.update(Buffer.from(envelope.data.ciphertext, 'base64url')), decipher.final()]).toString('utf8'));
    // "All webhook event payloads (version 1.0) include these standard fields after decryption."
    if (data.version !== '1.0' || !/^sr_/.test(data.subject_record_id)) throw new Error('not a 1.0 payload');
    if (!['USER', 'API_KEY', 'SYSTEM'].includes(data.user_context?.user_type) || !data.user_context.user_id) throw new Error('bad user_context');
    return { ...envelope, data };
  }

  test('a receiver written from the docs decrypts and reads every standard field; invalid payloads are refused at publish', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'Kompliant customer', preset: 'kompliant' })).body;
    assert.equal(app.encrypt_data, true);
    const created = await api('POST', `/api/v1/app/${app.id}/webhook-keys`);
    assert.equal(created.status, 201);
    const shared: Record<string, string> = { [created.body.key_id]: created.body.key };
    let secret = '';
    const envelopes: Record<string, any>[] = [];
    const rx = await startReceiver((r, res) => {
      try {
        envelopes.push(verifyAndRead(secret, shared, r.body, r.headers));
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
    receivers.push(rx);
    secret = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/kompliant` })).body.secret;

    const workflow = {
      subject_record_id: 'sr_2Xk9aB',
      user_context: { user_id: 'jane@example.com', user_type: 'USER' },
      workflow_id: 'w_7Hq2',
      workflow_type: 'ONBOARDING',
    };
    const ok = await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'WORKFLOW_COMPLETED', payload: workflow });
    assert.equal(ok.status, 202, JSON.stringify(ok.body));
    const system = await api('POST', `/api/v1/app/${app.id}/msg`, {
      type: 'SUBJECT_RECORD_DATA_UPDATED',
      payload: { version: '1.0', subject_record_id: 'sr_1', user_context: { user_id: 'SYSTEM', user_type: 'SYSTEM' } },
    });
    assert.equal(system.status, 202);
    await waitFor(() => envelopes.length === 2);
    const wf = envelopes.find((e) => e.type === 'WORKFLOW_COMPLETED')!;
    assert.deepEqual(Object.keys(wf), ['id', 'type', 'version', 'created_at', 'key_id', 'data']);
    assert.equal(wf.key_id, created.body.key_id);
    assert.equal(JSON.parse(rx.received[0]!.body).data.alg, 'A256GCM', 'data travels encrypted');
    // Whole values, not a fragment like 'sr_': base64url ciphertext can contain any short fragment by chance.
    for (const plain of ['sr_2Xk9aB', 'jane@example.com', 'w_7Hq2', 'ONBOARDING', 'subject_record_id']) {
      assert.ok(!rx.received.some((r) => r.body.includes(plain)), `plaintext ${plain} is not visible on the wire`);
    }
    assert.equal(wf.version, '1.0');
    assert.deepEqual(wf.data, { ...workflow, version: '1.0' }, 'the schema supplies version 1.0 when the publisher leaves it out');

    const bad: [string, unknown, string][] = [
      ['VERIFICATION_STATUS_UPDATED', { subject_record_id: 'sr_1', user_context: { user_id: 'x', user_type: 'ROBOT' } }, 'body.payload.user_context.user_type'],
      ['VERIFICATION_STATUS_UPDATED', { user_context: { user_id: 'x', user_type: 'USER' } }, 'body.payload.subject_record_id'],
      ['VERIFICATION_STATUS_UPDATED', { subject_record_id: 'rec_1', user_context: { user_id: 'x', user_type: 'USER' } }, 'body.payload.subject_record_id'],
      ['WORKFLOW_STARTED', { subject_record_id: 'sr_1', user_context: { user_id: 'x', user_type: 'API_KEY' } }, 'body.payload.workflow_id'],
      ['PROPAY_SUCCESS', { version: '2.0', subject_record_id: 'sr_1', user_context: { user_id: 'x', user_type: 'USER' } }, 'body.payload.version'],
    ];
    for (const [type, payload, field] of bad) {
      const res = await api('POST', `/api/v1/app/${app.id}/msg`, { type, payload });
      assert.equal(res.status, 422, `${type} ${JSON.stringify(payload)}`);
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), JSON.stringify(res.body.errors));
    }
    const d = rx.received[0]!;
    assert.throws(() => verifyAndRead(secret, shared, d.body.replace('"iv":"', '"iv":"A'), d.headers), /mismatch/);
    assert.throws(() => verifyAndRead('whsec_' + Buffer.alloc(32, 2).toString('base64'), shared, d.body, d.headers), /mismatch/);
    assert.throws(() => verifyAndRead(secret, { [created.body.key_id]: Buffer.alloc(32, 9).toString('base64') }, d.body, d.headers));
  });
});
