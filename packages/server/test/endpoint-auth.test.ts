import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { startDnsServer } from './dns-server.js';
import { createTenant, isProblem, rowCounts, startHerald, startReceiver, TEST_STORE, waitFor, type Received, type Receiver, type TestHerald } from './helpers.js';

/** A CA, a server certificate for 127.0.0.1 and a client certificate it signed, made with openssl. */
function makeCertificates() {
  const dir = mkdtempSync(join(tmpdir(), 'herald-certs-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=Herald Test CA', '-days', '2');
  const issue = (name: string, subject: string, ext: string) => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
  };
  issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('client', '/CN=herald-client/O=Acme', 'extendedKeyUsage=clientAuth\n');
  issue('other', '/CN=someone-else', 'extendedKeyUsage=clientAuth\n');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const certs = { ca: read('ca.crt'), serverCert: read('server.crt'), serverKey: read('server.key'), clientCert: read('client.crt'), clientKey: read('client.key'), otherKey: read('other.key') };
  rmSync(dir, { recursive: true, force: true });
  return certs;
}

/** An OAuth2 token endpoint (RFC 6749 §4.4) on 127.0.0.1: issues tok-1, tok-2, … and counts requests. */
async function startTokenServer(clientId: string, clientSecret: string) {
  const requests: Received[] = [];
  let issued = 0;
  let failWith: number | null = null;
  const rx = await startReceiver((r, res) => {
    requests.push(r);
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const form = new URLSearchParams(r.body);
    if (failWith) return void res.writeHead(failWith, { 'content-type': 'application/json' }).end('{"error":"temporarily_unavailable"}');
    if (r.headers.authorization !== expected) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
    if (form.get('grant_type') !== 'client_credentials') return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"unsupported_grant_type"}');
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
  });
  return { rx, requests, get issued() { return issued; }, fail(status: number | null) { failWith = status; } };
}

describe(`endpoint authentication (${TEST_STORE})`, () => {
  let h: TestHerald;
  let rx: Receiver;
  let tokens: Awaited<ReturnType<typeof startTokenServer>>;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let certs: ReturnType<typeof makeCertificates>;
  let mtls: HttpsServer;
  let mtlsUrl: string;
  const mtlsSeen: { authorized: boolean; subject: string | null }[] = [];
  let key: string;
  let appId: string;
  /** Tokens the receiver accepts at /oauth; revoking one makes it answer 401. */
  const accepted = new Set<string>();

  before(async () => {
    certs = makeCertificates();
    dns = await startDnsServer({ 'rebind.herald.test': '127.0.0.2' });
    h = await startHerald({ dnsServers: [dns.server] });
    rx = await startReceiver((r, res) => {
      if (r.path === '/oauth' && !accepted.has(String(r.headers.authorization).replace(/^Bearer /, ''))) return void res.writeHead(401).end();
      res.writeHead(204).end();
    });
    tokens = await startTokenServer('herald-client', 'client-s3cret');
    mtls = createHttpsServer({ key: certs.serverKey, cert: certs.serverCert, ca: certs.ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      const socket = req.socket as TLSSocket;
      const cn = socket.getPeerCertificate().subject?.CN;
      mtlsSeen.push({ authorized: socket.authorized, subject: typeof cn === 'string' ? cn : null });
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => mtls.listen(0, '127.0.0.1', resolve));
    mtlsUrl = `https://127.0.0.1:${(mtls.address() as AddressInfo).port}/mtls`;
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'auth' } })).body.id;
  });
  after(async () => {
    mtls?.closeAllConnections();
    await new Promise((r) => mtls?.close(r));
    await tokens?.rx.close();
    await rx?.close();
    await h?.close();
    await dns?.close();
  });

  const createEndpoint = (body: Record<string, unknown>) => h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { retry_schedule: [3600], ...body } });
  /** Publishes to one endpoint (by event type) and returns its first attempt once recorded. */
  let n = 0;
  const attemptFor = async (endpointId: string) => {
    const type = `auth.${++n}`;
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${endpointId}`, { token: key, body: { filter_types: [type] } });
    const msg = (await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload: { n } } })).body;
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/msg/${msg.id}/delivery`, { token: key })).body.data[0];
    return waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}/attempt`, { token: key })).body.data[0], { what: 'an attempt' });
  };

  test('bearer and basic: sent as Authorization, sealed, masked on read and in the attempt log; masked values keep the stored one', async () => {
    const bearer = await createEndpoint({ url: `${rx.url}/bearer`, auth: { type: 'bearer', token: 'static-t0ken' } });
    assert.equal(bearer.status, 201, JSON.stringify(bearer.body));
    assert.deepEqual(bearer.body.auth, { type: 'bearer', token: '********' });
    const attempt = await attemptFor(bearer.body.id);
    assert.equal(attempt.status, 'succeeded');
    assert.equal(rx.received.find((r) => r.path === '/bearer')!.headers.authorization, 'Bearer static-t0ken');
    assert.equal(attempt.request_headers.authorization, '********');
    // An update that sends the masked value back keeps the token.
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${bearer.body.id}`, { token: key, body: { auth: { type: 'bearer', token: '********' }, description: 'kept' } });
    await attemptFor(bearer.body.id);
    assert.deepEqual(rx.received.filter((r) => r.path === '/bearer').map((r) => r.headers.authorization), ['Bearer static-t0ken', 'Bearer static-t0ken']);

    const basic = await createEndpoint({ url: `${rx.url}/basic`, auth: { type: 'basic', username: 'acme', password: 'pa:ss wörd' } });
    assert.deepEqual(basic.body.auth, { type: 'basic', username: 'acme', password: '********' });
    await attemptFor(basic.body.id);
    assert.equal(rx.received.find((r) => r.path === '/basic')!.headers.authorization, `Basic ${Buffer.from('acme:pa:ss wörd').toString('base64')}`);
    const raw = JSON.stringify(await h.call('GET', `/api/v1/app/${appId}/endpoint`, { token: key }));
    assert.ok(!raw.includes('static-t0ken') && !raw.includes('wörd'));
  });

  test('OAuth2 client credentials: fetched once and cached, fetched again once on a 401, failures are error class "auth"', async () => {
    const ep = await createEndpoint({
      url: `${rx.url}/oauth`,
      auth: { type: 'oauth2_client_credentials', token_url: `${tokens.rx.url}/token`, client_id: 'herald-client', client_secret: 'client-s3cret', scope: 'webhooks:write', audience: 'https://api.acme.test' },
    });
    assert.equal(ep.status, 201, JSON.stringify(ep.body));
    assert.equal(ep.body.auth.client_secret, '********');
    accepted.add('tok-1');
    for (let i = 0; i < 3; i++) assert.equal((await attemptFor(ep.body.id)).status, 'succeeded');
    assert.equal(tokens.requests.length, 1, 'one token for three deliveries');
    const form = new URLSearchParams(tokens.requests[0]!.body);
    assert.deepEqual([form.get('grant_type'), form.get('scope'), form.get('audience')], ['client_credentials', 'webhooks:write', 'https://api.acme.test']);
    assert.equal(tokens.requests[0]!.headers['content-type'], 'application/x-www-form-urlencoded');

    // The receiver stops taking tok-1: the attempt fetches tok-2 and sends once more, in the same attempt.
    accepted.clear();
    accepted.add('tok-2');
    const renewed = await attemptFor(ep.body.id);
    assert.equal(renewed.status, 'succeeded');
    assert.equal(tokens.requests.length, 2);
    assert.deepEqual(rx.received.filter((r) => r.path === '/oauth').slice(-2).map((r) => r.headers.authorization), ['Bearer tok-1', 'Bearer tok-2']);
    assert.equal(renewed.request_headers.authorization, '********');

    // A receiver that refuses even a fresh token: one refetch, no loop.
    accepted.clear();
    const refused = await attemptFor(ep.body.id);
    assert.equal(refused.status, 'failed');
    assert.equal(refused.response_status, 401);
    assert.equal(tokens.requests.length, 3);

    // A kept (masked) client secret is never sent to a new token endpoint.
    const moved = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { token: key, body: { auth: { ...ep.body.auth, token_url: `${rx.url}/collect` } } });
    assert.equal(moved.status, 422);
    assert.match(moved.body.errors[0].message, /token_url changed: send the secret again/);

    // The token endpoint failing is the attempt's failure, class auth; nothing reaches the receiver.
    tokens.fail(503);
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { token: key, body: { auth: { ...ep.body.auth, scope: 'other' } } });
    const before = rx.received.length;
    const failed = await attemptFor(ep.body.id);
    assert.equal(failed.error_class, 'auth');
    assert.match(failed.error_message, /token endpoint answered 503 \(temporarily_unavailable\)/);
    assert.equal(rx.received.length, before);
    tokens.fail(null);
  });

  test('the token endpoint is under the SSRF guard: refused at save by address, at send time by what its name resolves to', async () => {
    const oauth = (token_url: string) => ({ type: 'oauth2_client_credentials', token_url, client_id: 'c', client_secret: 's' });
    for (const url of ['http://169.254.169.254/token', 'http://10.0.0.1/token', 'ftp://127.0.0.1/token', 'not a url']) {
      const res = await createEndpoint({ url: `${rx.url}/x`, auth: oauth(url) });
      assert.equal(res.status, 422, url);
      assert.equal(res.body.errors[0].field, 'body.auth.token_url');
    }
    const ep = await createEndpoint({ url: `${rx.url}/rebound`, auth: oauth(`http://rebind.herald.test:${tokens.rx.port}/token`) });
    assert.equal(ep.status, 201);
    const before = tokens.requests.length;
    const attempt = await attemptFor(ep.body.id);
    assert.equal(attempt.error_class, 'auth');
    assert.match(attempt.error_message, /blocked/);
    assert.equal(tokens.requests.length, before);
  });

  test('mTLS: the client certificate is presented, the custom CA verifies the receiver; the key is sealed and masked', async () => {
    const ep = await createEndpoint({ url: mtlsUrl, tls: { client_certificate: certs.clientCert, client_key: certs.clientKey, ca_certificate: certs.ca } });
    assert.equal(ep.status, 201, JSON.stringify(ep.body));
    assert.equal(ep.body.tls.client_key, '********');
    assert.equal(ep.body.tls.client_certificate_subject, 'CN=herald-client, O=Acme');
    assert.ok(Date.parse(ep.body.tls.client_certificate_expires_at) > Date.now());
    assert.equal((await attemptFor(ep.body.id)).status, 'succeeded');
    assert.deepEqual(mtlsSeen.at(-1), { authorized: true, subject: 'herald-client' });
    assert.ok(!JSON.stringify(await h.call('GET', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { token: key })).includes('PRIVATE KEY'));

    // Without the client certificate the receiver refuses the handshake; without the CA Herald refuses the receiver.
    const seen = mtlsSeen.length;
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { token: key, body: { tls: { ca_certificate: certs.ca } } });
    const noCert = await attemptFor(ep.body.id);
    assert.equal(noCert.status, 'failed');
    assert.ok(['tls', 'connection'].includes(noCert.error_class), noCert.error_class);
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { token: key, body: { tls: null } });
    const noCa = await attemptFor(ep.body.id);
    assert.equal(noCa.error_class, 'tls');
    assert.equal(mtlsSeen.length, seen, 'no request got through');
  });

  test('bad credentials and certificates are a 422 naming the field, and nothing is written', async () => {
    const before = await rowCounts(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ auth: { type: 'bearer', token: '********' } }, 'body.auth.token'],
      [{ auth: { type: 'bearer', token: 'a b' } }, 'body.auth'],
      [{ auth: { type: 'basic', username: 'a:b', password: 'x' } }, 'body.auth'],
      [{ auth: { type: 'digest', token: 'x' } }, 'body.auth'],
      [{ auth: { type: 'bearer', token: 't' }, headers: { authorization: 'Bearer other' } }, 'body.headers.authorization'],
      [{ tls: { client_certificate: 'not a certificate', client_key: certs.clientKey } }, 'body.tls.client_certificate'],
      [{ tls: { client_certificate: certs.clientCert } }, 'body.tls.client_key'],
      [{ tls: { client_certificate: certs.clientCert, client_key: certs.otherKey } }, 'body.tls.client_key'],
      [{ tls: { ca_certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' } }, 'body.tls.ca_certificate'],
    ];
    for (const [body, field] of cases) {
      const res = await createEndpoint({ url: `${rx.url}/bad`, ...body });
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(res.body)}`);
      assert.ok(isProblem(res));
      assert.ok(res.body.errors.some((e: { field: string }) => e.field.startsWith(field)), `${field}: ${JSON.stringify(res.body.errors)}`);
    }
    assert.deepEqual(await rowCounts(h), before);
  });
});
