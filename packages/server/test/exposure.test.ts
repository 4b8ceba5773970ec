import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createHerald, loadConfig } from '../src/index.js';
import { DASHBOARD_DIST } from '../src/api/dashboard.js';
import { makeLogger, redactUrl } from '../src/logger.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type TestHerald } from './helpers.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('exposure: metrics, security headers, files, logs', () => {
  let h: TestHerald;
  before(async () => {
    h = await startHerald();
  });
  after(() => h.close());

  test('/metrics needs the admin token (or HERALD_METRICS_TOKEN); without it 401, with another token 401', async () => {
    assert.equal((await h.call('GET', '/metrics')).status, 401);
    assert.equal((await h.call('GET', '/metrics', { token: 'hk_test_x' })).status, 401);
    const ok = await h.call('GET', '/metrics', { token: 'test-admin-token' });
    assert.equal(ok.status, 200);
    assert.match(String(ok.body), /herald_queue_depth/);
    const own = await startHerald({ security: { ...h.herald.config.security, metricsToken: 'scrape-me' } });
    try {
      assert.equal((await own.call('GET', '/metrics', { token: 'test-admin-token' })).status, 401, 'a metrics token replaces the admin token there');
      assert.equal((await own.call('GET', '/metrics', { token: 'scrape-me' })).status, 200);
    } finally {
      await own.close();
    }
  });

  test('HERALD_METRICS_ADDR: metrics on their own listener, none on the API port; endpoint labels only when asked', async () => {
    const own = await startHerald({ security: { ...h.herald.config.security, metricsAddr: '127.0.0.1:0', metricsEndpointLabels: true } });
    const rx = await startReceiver();
    try {
      assert.equal((await own.call('GET', '/metrics', { token: 'test-admin-token' })).status, 404);
      const url = own.herald.metricsUrl();
      assert.ok(url);
      const t = await createTenant(own);
      const { appId, endpointId } = await createAppAndEndpoint(own, t.test, `${rx.url}/m`);
      await own.call('POST', `/api/v1/app/${appId}/msg`, { token: t.test, body: { type: 'm', payload: {} } });
      await waitFor(() => rx.received.length === 1);
      const text = await waitFor(async () => {
        const body = await (await fetch(`${url}/metrics`)).text();
        return body.includes(`herald_endpoint_in_flight{endpoint_id="${endpointId}"}`) ? body : null;
      });
      assert.match(text, /herald_delivery_attempts_total/);
      assert.equal((await fetch(`${url}/api/v1/app`)).status, 404, 'the metrics listener serves nothing else');
    } finally {
      await rx.close();
      await own.close();
    }
  });

  test('security headers on API responses, problems and pages; framing decided per page', async () => {
    const t = await createTenant(h);
    for (const res of [await h.call('GET', '/api/v1/app', { token: t.test }), await h.call('GET', '/api/v1/nope'), await h.call('GET', '/health/ready')]) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    }
    const page = await h.call('GET', '/apps');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    const portal = await h.call('GET', '/portal');
    assert.match(String(portal.headers['content-security-policy']), /frame-ancestors \*/);
    assert.equal(portal.headers['x-frame-options'], undefined, 'the portal is made to be embedded');
  });

  test('HSTS when Herald is reached over HTTPS', async () => {
    const tls = await startHerald({ publicUrl: 'https://herald.example' });
    try {
      assert.match(String((await tls.call('GET', '/health/live')).headers['strict-transport-security']), /max-age=31536000/);
    } finally {
      await tls.close();
    }
  });

  test('no source maps: the dashboard build has none and none is served', async () => {
    const assets = join(DASHBOARD_DIST, 'assets');
    assert.ok(existsSync(assets), 'the dashboard is built (npm test builds it)');
    assert.deepEqual(readdirSync(assets).filter((f) => f.endsWith('.map')), []);
    const js = readdirSync(assets).find((f) => f.endsWith('.js'))!;
    assert.equal((await h.call('GET', `/assets/${js}`)).status, 200);
    assert.equal((await h.call('GET', `/assets/${js}.map`)).status, 404);
  });

  test('the dashboard is served compressed: brotli or gzip as accepted, the first load under 100 KB', async () => {
    const get = async (url: string, encoding?: string) => {
      const res = await h.herald.api.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
      assert.equal(res.statusCode, 200, url);
      return { raw: res.rawPayload, encoding: res.headers['content-encoding'], vary: String(res.headers['vary'] ?? ''), cache: String(res.headers['cache-control'] ?? '') };
    };
    const decode = (r: { raw: Buffer; encoding: unknown }) => (r.encoding === 'br' ? brotliDecompressSync(r.raw) : r.encoding === 'gzip' ? gunzipSync(r.raw) : r.raw);
    const page = await get('/', 'gzip, deflate, br');
    const html = decode(page).toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), `the page names its script and styles: ${assets.join(', ')}`);
    let transferred = page.raw.length;
    for (const asset of assets) {
      const built = readFileSync(join(DASHBOARD_DIST, asset));
      const br = await get(asset, 'gzip, deflate, br');
      assert.equal(br.encoding, 'br', asset);
      assert.match(br.vary, /accept-encoding/i);
      assert.match(br.cache, /immutable/);
      assert.ok(decode(br).equals(built), `${asset}: the brotli variant is the built file`);
      transferred += br.raw.length;
      const gz = await get(asset, 'gzip');
      assert.equal(gz.encoding, 'gzip', asset);
      assert.ok(decode(gz).equals(built), `${asset}: the gzip variant is the built file`);
      const plain = await get(asset);
      assert.equal(plain.encoding, undefined, `${asset} without accept-encoding`);
      assert.ok(plain.raw.equals(built));
    }
    assert.ok(transferred < 100 * 1024, `first load ${transferred} bytes`);
    assert.equal((await get('/docs/api-reference.js', 'br')).encoding, 'br', 'the API reference page too');
  });

  test('the data dir is 0700 and the database files 0600, also when they existed with wider modes', async () => {
    assert.equal(mode(h.dataDir), 0o700);
    for (const f of ['herald.sqlite', 'herald.sqlite-wal', 'herald.sqlite-shm', 'master.key']) {
      const path = join(h.dataDir, f);
      if (existsSync(path)) assert.equal(mode(path), 0o600, f);
    }
    const dir = mkdtempSync(join(tmpdir(), 'herald-modes-'));
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    const herald = await createHerald({ ...loadConfig({}, { dataDir: data }), port: 0, adminToken: 'x', logLevel: 'silent' });
    try {
      assert.equal(mode(data), 0o700);
      if (herald.store.dialect === 'sqlite') assert.equal(mode(join(data, 'herald.sqlite')), 0o600);
    } finally {
      await herald.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('credentials in logged URLs are redacted (record download tokens in debug request logs)', async () => {
    assert.equal(redactUrl('/records/rec_1?expires=1&token=abc.def'), '/records/rec_1?expires=1&token=[redacted]');
    assert.equal(redactUrl('/x?a=1&access_token=t&b=2'), '/x?a=1&access_token=[redacted]&b=2');
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const dir = mkdtempSync(join(tmpdir(), 'herald-logs-'));
    const herald = await createHerald({ ...loadConfig({}, { dataDir: dir }), port: 0, adminToken: 'x', logLevel: 'debug' }, { logger: makeLogger('debug', sink) });
    try {
      await herald.api.inject({ method: 'GET', url: '/records/rec_nope?expires=99999999999&token=SECRETTOKENVALUE' });
      const logged = lines.join('');
      assert.match(logged, /\/records\/rec_nope/, 'the request was logged');
      assert.ok(!logged.includes('SECRETTOKENVALUE'), logged);
    } finally {
      await herald.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
