import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { HeraldApiError, HeraldClient } from '../src/client.js';

// A stand-in for what may sit in front of Herald: a real HTTP server answering per path.
let base = '';
const seen: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.url?.endsWith('/proxy')) return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    if (req.url?.endsWith('/garbled')) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>');
    if (req.url?.includes('/msg')) return void res.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 't', title: 'Validation Failed', status: 422, detail: 'bad', errors: [{ field: 'body.type', message: 'x' }] }));
    res.writeHead(204).end();
  });
});
before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), resolve()))));
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a problem response becomes a HeraldApiError with its fields; the idempotency key is sent', async () => {
  const client = new HeraldClient({ baseUrl: base, token: 'hk_test_x' });
  const err = await client.publish('app_1', { type: 'a', payload: {} }, { idempotencyKey: 'k-1' }).catch((e: unknown) => e);
  assert.ok(err instanceof HeraldApiError);
  assert.equal(err.status, 422);
  assert.equal(err.message, 'Validation Failed: bad');
  assert.deepEqual(err.problem.errors, [{ field: 'body.type', message: 'x' }]);
  const sent = seen.at(-1)!;
  assert.equal(sent.path, '/api/v1/app/app_1/msg');
  assert.equal(sent.headers['idempotency-key'], 'k-1');
  assert.equal(sent.headers.authorization, 'Bearer hk_test_x');
  assert.deepEqual(JSON.parse(sent.body), { type: 'a', payload: {} });
});

test('an answer that is not JSON is reported as what came back, not as a parse error', async () => {
  const client = new HeraldClient({ baseUrl: base });
  const failed = await client.request('GET', '/proxy').catch((e: unknown) => e);
  assert.ok(failed instanceof HeraldApiError);
  assert.equal(failed.status, 502);
  assert.match(failed.problem.detail, /Bad gateway/);
  await assert.rejects(client.request('GET', '/garbled'), /GET \/garbled: the answer \(200\) is not JSON: <html>ok<\/html>/);
  assert.equal(await client.request('DELETE', '/anything'), undefined);
});
