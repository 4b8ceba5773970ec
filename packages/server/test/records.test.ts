import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fetchRecord } from '@herald/webhooks';
import { loadConfig } from '../src/config.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('pointer payloads (seeds 000/001)', () => {
  let h: TestHerald;
  let key: string;
  let other: string;
  const receivers: Receiver[] = [];
  before(async () => {
    // Links live 2 s here (default 15 min) so expiry can be observed.
    h = await startHerald({ records: { maxBytes: 50 * 1024 * 1024, urlTtlMs: 2000 } });
    key = (await createTenant(h)).test;
    other = (await createTenant(h, 'Other')).test;
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown, token = key) => h.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
  const upload = async (appId: string, body: string, contentType = 'application/json', token = key) => {
    const res = await fetch(`${h.url}/api/v1/app/${appId}/records`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
    return { status: res.status, body: await res.json() };
  };

  test("seed 000's compliance_record.ready flow end to end: verify the webhook, fetch the vCon, verify hash and JWS", async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'Klariqo customer', preset: 'klariqo' })).body;
    const vcon = JSON.stringify({ vcon: '0.0.1', uuid: 'synthetic-call-123', parties: [{ name: 'Agent' }, { name: 'Caller' }], dialog: [{ type: 'text', body: 'hello' }] });
    const rec = await upload(app.id, vcon, 'application/vcon+json');
    assert.equal(rec.status, 201, JSON.stringify(rec.body));
    assert.equal(rec.body.content_hash, 'sha512-' + createHash('sha512').update(vcon).digest('base64'));
    assert.equal(rec.body.size, Buffer.byteLength(vcon));

    // A receiver written from seeds 000/001 only.
    let secret = '';
    const stored: { call: unknown; bytes: Buffer; contentType: string }[] = [];
    const seen = new Set<string>();
    const verifyWebhook = (raw: string, headers: IncomingHttpHeaders) => {
      const [id, ts, sigs] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((n) => String(headers[n] ?? ''));
      const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${id}.${ts}.${raw}`).digest('base64');
      if (!sigs!.split(' ').some((s) => s.length === expected.length + 3 && timingSafeEqual(Buffer.from(s.slice(3)), Buffer.from(expected)))) throw new Error('bad signature');
      return JSON.parse(raw);
    };
    const jwks = (await (await fetch(`${h.url}/.well-known/jwks.json`)).json()) as { keys: (Record<string, string> & { kid: string })[] };
    const rx = await startReceiver(async (r, res) => {
      const event = verifyWebhook(r.body, r.headers);
      if (event.type === 'endpoint.verification') return void res.writeHead(200).end(JSON.stringify({ challenge: event.challenge }));
      const id = String(r.headers['webhook-id']);
      if (event.type === 'compliance_record.ready' && !seen.has(id)) {
        seen.add(id);
        // "Fetch the signed vCon after you verify the webhook signature."
        const download = await fetch(event.record.download_url);
        const bytes = Buffer.from(await download.arrayBuffer());
        assert.equal('sha512-' + createHash('sha512').update(bytes).digest('base64'), event.record.content_hash, 'bound to the content hash');
        const [hdr, payload, sig] = download.headers.get('herald-record-signature')!.split('.');
        const { kid } = JSON.parse(Buffer.from(hdr!, 'base64url').toString());
        const jwk = jwks.keys.find((k) => k.kid === kid)!;
        assert.ok(verify('sha256', Buffer.from(`${hdr}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(sig!, 'base64url')), 'JWS verifies');
        assert.equal(JSON.parse(Buffer.from(payload!, 'base64url').toString()).content_hash, event.record.content_hash);
        stored.push({ call: event.call, bytes, contentType: download.headers.get('content-type')! });
      }
      res.writeHead(204).end();
    });
    receivers.push(rx);
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/klariqo` })).body;
    secret = ep.secret;
    await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).body.status === 'enabled');

    const call = { id: 'synthetic-call-123', started_at: '2026-06-27T12:00:00Z' };
    const msg = await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'compliance_record.ready', payload: { call }, record: { id: rec.body.record_id, format: 'vcon' } });
    assert.equal(msg.status, 202, JSON.stringify(msg.body));
    assert.deepEqual(msg.body.record, { id: rec.body.record_id, format: 'vcon' });
    await waitFor(() => stored.length === 1);
    assert.deepEqual(stored[0]!.call, call);
    assert.equal(stored[0]!.bytes.toString(), vcon);
    assert.equal(stored[0]!.contentType, 'application/vcon+json');
    const body = JSON.parse(rx.received.find((r) => JSON.parse(r.body).type === 'compliance_record.ready')!.body);
    assert.deepEqual(Object.keys(body), ['type', 'call', 'record']);
    assert.deepEqual(Object.keys(body.record), ['format', 'content_hash', 'download_url']);

    // Our SDKs do the same checks.
    const fetched = await fetchRecord(body.record.download_url, { expectedHash: body.record.content_hash, jwksUrl: `${h.url}/.well-known/jwks.json` });
    assert.equal(fetched.text(), vcon);
    assert.equal(fetched.claims.rid, rec.body.record_id);
    await assert.rejects(fetchRecord(body.record.download_url, { expectedHash: 'sha512-' + Buffer.alloc(64).toString('base64'), jwks }), /does not match the content hash/);
    // Async: Herald answers from this same process, so the event loop must stay free.
    const py = await promisify(execFile)(
      'python3',
      ['-c', 'import json,sys; from herald_webhooks import fetch_record; b,ct,c = fetch_record(sys.argv[1], sys.argv[2], json.loads(sys.argv[3])); print(len(b), ct, c["rid"])', body.record.download_url, body.record.content_hash, JSON.stringify(jwks)],
      { cwd: join(ROOT, 'python'), encoding: 'utf8' },
    );
    assert.equal(py.stdout.trim(), `${Buffer.byteLength(vcon)} application/vcon+json ${rec.body.record_id}`);

    // The link is bound to the record and expires.
    const link = new URL(body.record.download_url);
    const tampered = new URL(link);
    tampered.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));
    assert.equal((await fetch(tampered)).status, 403);
    const forged = new URL(link);
    forged.searchParams.set('token', 'A'.repeat(43));
    assert.equal((await fetch(forged)).status, 403);
    assert.equal((await fetch(new URL(link.pathname.replace(rec.body.record_id, 'rec_unknown') + link.search, link))).status, 404);
    await new Promise((r) => setTimeout(r, 2100));
    const expired = await fetch(link);
    assert.equal(expired.status, 410);
    assert.match((await expired.json()).detail, /expired/);
    // A fresh link for the owner.
    const meta = await api('GET', `/api/v1/app/${app.id}/records/${rec.body.record_id}`);
    assert.equal((await fetch(meta.body.download_url)).status, 200);
  });

  test('a 50 MB record streams in; one byte more is 413 and nothing is kept', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'big' })).body;
    const size = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const stream = (bytes: number) =>
      new ReadableStream({
        pull(controller) {
          if (bytes <= 0) return controller.close();
          const n = Math.min(bytes, chunk.length);
          controller.enqueue(chunk.subarray(0, n));
          bytes -= n;
        },
      });
    const send = async (bytes: number) => {
      const res = await fetch(`${h.url}/api/v1/app/${app.id}/records`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
        body: stream(bytes),
        duplex: 'half',
      } as RequestInit);
      return { status: res.status, body: await res.json() };
    };
    const expectedHash = createHash('sha512');
    for (let i = 0; i < 50; i++) expectedHash.update(chunk);
    const ok = await send(size);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.size, size);
    assert.equal(ok.body.content_hash, 'sha512-' + expectedHash.digest('base64'));
    const filesBefore = readdirSync(join(h.dataDir, 'records')).length;
    const tooBig = await send(size + 1);
    assert.equal(tooBig.status, 413);
    assert.equal(readdirSync(join(h.dataDir, 'records')).length, filesBefore, 'the partial upload was removed');
  });

  test('bad references are 422, other tenants see nothing, and the JWKS rotates without breaking old records', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'refs' })).body;
    const app2 = (await api('POST', '/api/v1/app', { name: 'refs-2' })).body;
    const rec = (await upload(app.id, '{"a":1}')).body;
    const bad: [unknown, string][] = [
      [{ type: 'x', payload: {}, record: { id: 'rec_missing', format: 'json' } }, 'body.record.id'],
      [{ type: 'x', payload: [1, 2], record: { id: rec.record_id, format: 'json' } }, 'body.payload'],
      [{ type: 'x', payload: {}, record: { id: rec.record_id } }, 'body.record.format'],
    ];
    for (const [body, field] of bad) {
      const res = await api('POST', `/api/v1/app/${app.id}/msg`, body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), JSON.stringify(res.body.errors));
    }
    assert.equal((await api('POST', `/api/v1/app/${app2.id}/msg`, { type: 'x', payload: {}, record: { id: rec.record_id, format: 'json' } })).status, 422, "another application's record");
    assert.equal((await api('GET', `/api/v1/app/${app.id}/records/${rec.record_id}`, undefined, other)).status, 404);
    assert.equal((await upload(app.id, '{}', 'application/json', other)).status, 404);

    const before = (await (await fetch(`${h.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const rotated = await h.admin('POST', '/api/v1/signing-keys/rotate');
    assert.match(rotated.body.kid, /^rsk_/);
    const jwks = (await (await fetch(`${h.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    assert.equal(jwks.keys.length, before.keys.length + 1);
    const newer = (await upload(app.id, '{"b":2}')).body;
    assert.equal(JSON.parse(Buffer.from(newer.jws.split('.')[0], 'base64url').toString()).kid, rotated.body.kid);
    for (const r of [rec, newer]) {
      const meta = (await api('GET', `/api/v1/app/${app.id}/records/${r.record_id}`)).body;
      const fetched = await fetchRecord(meta.download_url, { expectedHash: r.content_hash, jwks: jwks as never });
      assert.equal(fetched.claims.rid, r.record_id);
    }
  });

  test('a record never renders on Herald: downloaded as an attachment, not sniffed, sandboxed, whatever its type', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'html' })).body;
    const html = '<html><body><script>fetch("/api/v1/tenants",{method:"POST"})</script></body></html>';
    for (const type of ['text/html', 'image/svg+xml', 'application/xhtml+xml']) {
      const rec = (await upload(app.id, html, type)).body;
      const meta = (await api('GET', `/api/v1/app/${app.id}/records/${rec.record_id}`)).body;
      const res = await fetch(meta.download_url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${rec.record_id}"`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(res.headers.get('content-type'), type, 'the type is kept for the receiver, which reads the bytes');
      assert.equal(await res.text(), html);
    }
  });
});

describe('records on their own origin (HERALD_RECORDS_URL)', () => {
  let h: TestHerald;
  let key: string;
  before(async () => {
    h = await startHerald({ security: { ...loadConfig({}).security, failedAuthPerWindow: 1_000_000, recordsUrl: 'https://records.herald.example' } });
    key = (await createTenant(h)).test;
  });
  after(() => h.close());

  test('links point there; records answer only there, and that origin serves nothing else', async () => {
    const app = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'r' } })).body;
    const up = await fetch(`${h.url}/api/v1/app/${app.id}/records`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' }, body: 'bytes' });
    const rec = (await up.json()) as { record_id: string };
    const meta = (await h.call('GET', `/api/v1/app/${app.id}/records/${rec.record_id}`, { token: key })).body;
    const link = new URL(meta.download_url);
    assert.equal(link.origin, 'https://records.herald.example');
    const path = link.pathname + link.search;
    const there = await h.herald.api.inject({ method: 'GET', url: path, headers: { host: 'records.herald.example' } });
    assert.equal(there.statusCode, 200);
    assert.equal(there.body, 'bytes');
    const here = await h.call('GET', path);
    assert.equal(here.status, 404, 'not on the API origin');
    assert.match(here.body.detail, /records\.herald\.example/);
    for (const url of ['/', '/apps', '/api/v1/app', '/api/v1/session']) {
      const res = await h.herald.api.inject({ method: 'GET', url, headers: { host: 'records.herald.example', authorization: `Bearer ${key}` } });
      assert.equal(res.statusCode, 404, url);
    }
  });
});

