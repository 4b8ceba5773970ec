import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTenant, isProblem, rowCounts, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/** `depth` nested arrays around a value, as JSON text (built as text: the value itself would be the problem). */
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

/** A header of a reported request, whatever its case. */
const headerOf = (headers: Record<string, string>, name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

/** One raw HTTP/1.1 exchange over a socket (for requests too malformed for an HTTP client to send). */
function rawHttp(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let out = '';
    socket.on('data', (c) => (out += c));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('hostile input: no 5xx, a problem response, nothing written', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  let rx: Receiver;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'Target' } })).body.id;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });
  const api = (method: string, path: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) => h.call(method, path, { token: key, ...options });

  /** Runs `fn`, asserting every response it returns is a 4xx problem and no row changed. */
  async function refusedAndNothingWritten(what: string, fn: () => Promise<{ status: number; body: any; headers: Record<string, unknown> }[]>, status?: number) {
    const before = await rowCounts(h);
    for (const res of await fn()) {
      assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      if (status) assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);
      assert.ok(isProblem(res), `${what}: not a problem response: ${JSON.stringify(res.body)}`);
    }
    assert.deepEqual(await rowCounts(h), before, `${what} wrote something`);
  }

  test('bodies nested deeper than 64 levels are refused before parsing (a 4,500-level payload overflowed JSON.stringify)', async () => {
    await refusedAndNothingWritten('deep payload', async () => [
      await api('POST', `/api/v1/app/${appId}/msg`, { rawBody: `{"type":"deep","payload":${nested(4500)}}` }),
      await api('POST', `/api/v1/app/${appId}/msg`, { rawBody: `{"type":"deep","payload":${nested(64)}}` }),
    ], 422);
    const ok = await api('POST', `/api/v1/app/${appId}/msg`, { rawBody: `{"type":"deep","payload":${nested(62)}}` });
    assert.equal(ok.status, 202, 'JSON within the limit is accepted');
    // Brackets inside strings are text, not nesting.
    assert.equal((await api('POST', `/api/v1/app/${appId}/msg`, { body: { type: 'deep', payload: { s: '['.repeat(10_000) } } })).status, 202);
  });

  test('an event-type example nested 10,000 levels is refused on create and on update (it crashed the hand-over to the store thread)', async () => {
    assert.equal((await api('POST', '/api/v1/event-type', { body: { name: 'nest.ok' } })).status, 201);
    await refusedAndNothingWritten('deep example', async () => [
      await api('POST', '/api/v1/event-type', { rawBody: `{"name":"nest.deep","example":${nested(10_000)}}` }),
      await api('PATCH', '/api/v1/event-type/nest.ok', { rawBody: `{"example":${nested(10_000)}}` }),
    ], 422);
  });

  test('a NUL in a path segment or query parameter is 400 on every store (PostgreSQL cannot hold one)', async () => {
    await refusedAndNothingWritten('NUL', async () => [
      await api('GET', '/api/v1/app/%00'),
      await api('GET', `/api/v1/app/a%00b/endpoint`),
      await api('PATCH', `/api/v1/app/%00`, { body: { name: 'x' } }),
      await api('DELETE', '/api/v1/event-type/%00'),
      await api('GET', `/api/v1/app/${appId}/delivery?iterator=%00`),
      await api('GET', `/api/v1/app/${appId}/delivery?search=a%00b`),
    ]);
    // The Svix surface answers in Svix's error shape.
    const svix = await api('GET', '/svix/api/v1/app/%00');
    assert.deepEqual([svix.status, svix.body.code], [400, 'bad_request']);
  });

  test('a record upload without a body is 400, an unusable Content-Type 415', async () => {
    await refusedAndNothingWritten('record without body', async () => [
      await api('POST', `/api/v1/app/${appId}/records`),
      await api('POST', `/api/v1/app/${appId}/records`, { rawBody: '', headers: { 'content-type': 'application/octet-stream' } }),
    ], 400);
    await refusedAndNothingWritten('record content type', async () => [
      await api('POST', `/api/v1/app/${appId}/records`, { rawBody: 'x', headers: { 'content-type': 'text/html\u0000' } }),
      await api('POST', `/api/v1/app/${appId}/records`, { rawBody: 'x', headers: { 'content-type': 'not a media type' } }),
    ], 415);
  });

  test('a download token of any characters or length is 403, never 500 (timingSafeEqual threw on unequal byte lengths)', async () => {
    const up = await fetch(`${h.url}/api/v1/app/${appId}/records`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' }, body: 'hello' });
    const record = (await up.json()) as { record_id: string };
    const expires = Math.floor(Date.now() / 1000) + 600;
    for (const token of ['é'.repeat(43), '%F0%9F%92%A9'.repeat(4), 'A', 'x'.repeat(100)]) {
      const res = await h.call('GET', `/records/${record.record_id}?expires=${expires}&token=${encodeURIComponent(token)}`);
      assert.equal(res.status, 403, `${token}: ${JSON.stringify(res.body)}`);
      assert.ok(isProblem(res));
    }
  });

  test("the framework's own 4xx are problem responses: bad percent-encoding, an over-long path segment, malformed HTTP", async () => {
    const badUrl = await h.call('GET', '/api/v1/app/%E0%A4%A');
    assert.equal(badUrl.status, 400);
    assert.ok(isProblem(badUrl), JSON.stringify(badUrl.body));
    assert.equal(badUrl.headers['x-content-type-options'], 'nosniff');
    const long = await h.call('GET', `/api/v1/app/${'a'.repeat(1000)}`, { token: key });
    assert.equal(long.status, 414);
    assert.ok(isProblem(long), JSON.stringify(long.body));
    for (const request of ['GET / HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n', 'BREW /pot HTTP/9.9\r\n\r\n', `GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`]) {
      const answer = await rawHttp(h.url, request);
      assert.match(answer, /^HTTP\/1\.1 4\d\d /, answer.slice(0, 80));
      assert.match(answer, /content-type: application\/problem\+json/i);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.equal(typeof body.title, 'string');
      assert.equal(body.status, Number(answer.slice(9, 12)));
    }
  });

  test('ids and uids up to their schema length (256) are reachable, not only creatable (the router stopped at 100)', async () => {
    const uid = 'u'.repeat(256);
    assert.equal((await api('POST', '/api/v1/app', { body: { name: 'long uid', uid } })).status, 201);
    assert.equal((await api('GET', `/api/v1/app/${uid}`)).status, 200);
    assert.equal((await api('PATCH', `/api/v1/app/${uid}`, { body: { name: 'renamed' } })).body.name, 'renamed');
    const type = 't'.repeat(256);
    assert.equal((await api('POST', '/api/v1/event-type', { body: { name: type } })).status, 201);
    assert.equal((await api('GET', `/api/v1/event-type/${type}`)).status, 200);
    const eventId = 'e'.repeat(256);
    assert.equal((await api('POST', `/api/v1/app/${uid}/msg`, { body: { type: 'long', id: eventId, payload: {} } })).status, 202);
    assert.equal((await api('GET', `/api/v1/app/${uid}/msg/${eventId}`)).status, 200);
    // One past the schema's limit is a field error, far past the router's a 414: both problems.
    const over = await api('GET', `/api/v1/app/${'u'.repeat(257)}`);
    assert.equal(over.status, 422);
    assert.ok(isProblem(over));
  });

  test('delivery settings that could never be sent are refused when saved', async () => {
    const endpoint = (body: Record<string, unknown>) => api('POST', `/api/v1/app/${appId}/endpoint`, { body: { url: `${rx.url}/x`, ...body } });
    const existing = (await endpoint({})).body.id as string;
    await refusedAndNothingWritten('bad delivery settings', async () => [
      await endpoint({ headers: { 'X-Injected': 'a\r\nX-Evil: 1' } }),
      await endpoint({ headers: { 'X-Nul': 'a\u0000b' } }),
      await endpoint({ headers: { 'X-Euro': '€' } }),
      await endpoint({ headers: { 'X-Tab\u0000': 'v' } }),
      await endpoint({ headers: { 'webhook-id': 'spoofed' } }),
      await endpoint({ headers: { Host: 'internal.example' } }),
      await endpoint({ headers: { 'Content-Length': '0' } }),
      await endpoint({ headers: { 'X-Webhook-Signature': 'sha256=00' } }),
      await endpoint({ headers: { 'X-Same': 'a', 'x-same': 'b' } }),
      await endpoint({ scheme_options: { user_agent: 'Herald\r\nX-Evil: 1' } }),
      await endpoint({ url: 'https://user:password@hooks.example.com/in' }),
      await endpoint({ url: 'http://token@127.0.0.1:9/x' }),
      await api('PATCH', `/api/v1/app/${appId}/endpoint/${existing}`, { body: { headers: { 'X-A': 'line\nbreak' } } }),
      await api('PATCH', `/api/v1/app/${appId}/endpoint/${existing}`, { body: { url: 'https://a:b@example.com/' } }),
      await api('PATCH', `/api/v1/app/${appId}`, { body: { scheme_options: { user_agent: 'x\ny' } } }),
      await api('PATCH', '/api/v1/settings', { body: { scheme_options: { user_agent: 'x\u0007y' } } }),
    ], 422);
    assert.equal((await endpoint({ headers: { 'X-Latin1': 'café' } })).status, 201, 'Latin-1 text is a valid header value');
  });

  test('receiver credentials in headers are sealed at rest, masked on every read and in attempt logs, and sent as set', async () => {
    const created = await api('POST', `/api/v1/app/${appId}/endpoint`, {
      body: { url: `${rx.url}/auth`, headers: { Authorization: 'Bearer receiver-secret-1', 'X-Api-Key': 'key-secret-1', 'X-Plain': 'visible' } },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.headers, { Authorization: '********', 'X-Api-Key': '********', 'X-Plain': 'visible' });
    const ep = created.body.id as string;
    assert.deepEqual((await api('GET', `/api/v1/app/${appId}/endpoint/${ep}`)).body.headers.Authorization, '********');
    const listed = (await api('GET', `/api/v1/app/${appId}/endpoint`)).body.data.find((e: { id: string }) => e.id === ep);
    assert.equal(listed.headers['X-Api-Key'], '********');

    const link = (await api('POST', `/api/v1/app/${appId}/portal-link`, { body: {} })).body;
    const portal = await h.call('GET', `/api/v1/app/${appId}/endpoint/${ep}`, { headers: { authorization: `Portal ${link.token}` } });
    assert.equal(portal.body.headers.Authorization, '********', 'the customer portal sees it masked too');

    // At rest: no plain value in the database file's rows.
    const Database = (await import('better-sqlite3')).default;
    if (h.herald.store.dialect === 'sqlite') {
      const db = new Database(h.herald.config.sqlitePath, { readonly: true });
      const stored = (db.prepare('SELECT headers FROM endpoints WHERE id = ?').get(ep) as { headers: string }).headers;
      db.close();
      assert.ok(!stored.includes('receiver-secret-1') && !stored.includes('key-secret-1'), stored);
      assert.ok(stored.includes('visible'));
    }

    await api('POST', `/api/v1/app/${appId}/msg`, { body: { type: 'auth.check', payload: {} } });
    const got = await waitFor(() => rx.received.find((r) => r.path === '/auth'));
    assert.equal(got.headers.authorization, 'Bearer receiver-secret-1', 'the receiver gets the real value');
    assert.equal(got.headers['x-api-key'], 'key-secret-1');
    const attempts = await waitFor(async () => (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${ep}`)).body.data.at(0));
    assert.equal(headerOf(attempts.request_headers, 'authorization'), '********');
    assert.equal(headerOf(attempts.request_headers, 'x-api-key'), '********');
    assert.equal(headerOf(attempts.request_headers, 'x-plain'), 'visible');
    assert.ok(!JSON.stringify(attempts).includes('receiver-secret-1'));
    const example = await api('POST', '/api/v1/event-type', { body: { name: 'auth.example', example: { a: 1 } } });
    assert.equal(example.status, 201);
    const sent = await api('POST', `/api/v1/app/${appId}/endpoint/${ep}/send-example`, { body: { type: 'auth.example' } });
    assert.equal(headerOf(sent.body.request.headers, 'authorization'), '********', 'one-off sends report it masked');
    const signed = await api('GET', `/api/v1/app/${appId}/endpoint/${ep}/events?signed=true`);
    assert.equal(headerOf(signed.body.data[0].request.headers, 'authorization'), '********', 'so does the polling feed');

    // Sending the mask back keeps the stored value; a new value replaces it.
    assert.equal((await api('PATCH', `/api/v1/app/${appId}/endpoint/${ep}`, { body: { headers: { Authorization: '********', 'X-Plain': 'changed' } } })).status, 200);
    rx.received.length = 0;
    await api('POST', `/api/v1/app/${appId}/msg`, { body: { type: 'auth.check', payload: { n: 2 } } });
    const kept = await waitFor(() => rx.received.find((r) => r.path === '/auth'));
    assert.equal(kept.headers.authorization, 'Bearer receiver-secret-1');
    assert.equal(kept.headers['x-api-key'], undefined, 'a header left out of the update is gone');
    await api('PATCH', `/api/v1/app/${appId}/endpoint/${ep}`, { body: { headers: { Authorization: 'Bearer receiver-secret-2' } } });
    rx.received.length = 0;
    await api('POST', `/api/v1/app/${appId}/msg`, { body: { type: 'auth.check', payload: { n: 3 } } });
    assert.equal((await waitFor(() => rx.received.find((r) => r.path === '/auth'))).headers.authorization, 'Bearer receiver-secret-2');
  });
});
