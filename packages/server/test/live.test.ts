import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HeraldClient, type LiveEvent } from '@herald/webhooks/client';
import { MAX_STREAMS_PER_SCOPE } from '../src/api/routes/stream.js';
import { createAppAndEndpoint, createTenant, isProblem, rowCounts, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/** Opens an application's live stream over real HTTP: its status only (the body is left unread). */
async function streamStatus(url: string, headers: Record<string, string>): Promise<{ status: number; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (!res.ok) await res.text();
  return { status: res.status, close: () => abort.abort() };
}

/** Follows a stream as the dashboard does (HeraldClient.watch), collecting its events. */
function watch(baseUrl: string, token: string, app: string): { events: LiveEvent[]; close(): void } {
  const abort = new AbortController();
  const events: LiveEvent[] = [];
  void new HeraldClient({ baseUrl, token }).watch(app, (e) => events.push(e), abort.signal);
  return { events, close: () => abort.abort() };
}

describe('live pages: stream, search, endpoint health, portal settings', () => {
  let h: TestHerald;
  let rx: Receiver;
  let key: string;
  let appId: string;
  let endpointId: string;
  let other: { test: string };
  before(async () => {
    h = await startHerald({ delivery: { retrySchedule: [0, 3600] } as never });
    rx = await startReceiver((r, res) => void res.writeHead(r.body.includes('"fail":true') ? 500 : 204).end());
    key = (await createTenant(h)).test;
    other = await createTenant(h, 'Other');
    ({ appId, endpointId } = await createAppAndEndpoint(h, key, rx.url));
  });
  after(async () => {
    await h.close();
    await rx.close();
  });

  test('the stream says when deliveries and endpoints change', async () => {
    const stream = watch(h.url, key, appId);
    try {
      await waitFor(() => stream.events.includes('ready'), { what: 'ready' });
      assert.deepEqual(stream.events, ['ready']);
      await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'order.created', payload: { n: 0 } } });
      await waitFor(() => stream.events.includes('deliveries'), { what: 'a deliveries event' });
      assert.ok(!stream.events.includes('endpoints'));
      await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/second` } });
      await waitFor(() => stream.events.includes('endpoints'), { what: 'an endpoints event' });
    } finally {
      stream.close();
    }
  });

  test('streams are scoped and bounded', async () => {
    const foreign = await streamStatus(`${h.url}/api/v1/app/${appId}/stream`, { authorization: `Bearer ${other.test}` });
    assert.equal(foreign.status, 404);
    const anonymous = await streamStatus(`${h.url}/api/v1/app/${appId}/stream`, {});
    assert.equal(anonymous.status, 401);
    for (const hostile of ['x'.repeat(300), '%00', '..%2F..%2Fetc', "'%20OR%201=1"]) {
      const res = await streamStatus(`${h.url}/api/v1/app/${hostile}/stream`, { authorization: `Bearer ${key}` });
      assert.ok(res.status >= 400 && res.status < 500, `${hostile}: ${res.status}`);
    }
    const streams = [];
    try {
      for (let i = 0; i < MAX_STREAMS_PER_SCOPE; i++) streams.push(await streamStatus(`${h.url}/api/v1/app/${appId}/stream`, { authorization: `Bearer ${key}` }));
      assert.ok(streams.every((s) => s.status === 200));
      const extra = await streamStatus(`${h.url}/api/v1/app/${appId}/stream`, { authorization: `Bearer ${key}` });
      assert.equal(extra.status, 429);
    } finally {
      for (const s of streams) s.close();
    }
    // Closed streams give their room back.
    await waitFor(async () => {
      const again = await streamStatus(`${h.url}/api/v1/app/${appId}/stream`, { authorization: `Bearer ${key}` });
      again.close();
      return again.status === 200;
    }, { what: 'room for a stream again' });
  });

  test('shutting down ends open streams rather than waiting for them', async () => {
    const other = await startHerald();
    const tenant = await createTenant(other);
    const { appId: app } = await createAppAndEndpoint(other, tenant.test, rx.url);
    const stream = watch(other.url, tenant.test, app);
    await waitFor(() => stream.events.includes('ready'));
    const started = Date.now();
    await other.close();
    assert.ok(Date.now() - started < 5000, `closed in ${Date.now() - started} ms`);
    stream.close();
  });

  test('the log searches by event-type prefix and payload text, literally and case-insensitively', async () => {
    for (const [type, payload] of [['invoice.paid', { customer: 'ACME Corp', note: '100% done' }], ['invoice.voided', { customer: 'Globex' }], ['order.shipped', { customer: 'acme corp' }]] as const) {
      assert.equal((await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload } })).status, 202);
    }
    const types = async (query: string) => {
      const res = await h.call('GET', `/api/v1/app/${appId}/delivery?endpoint_id=${endpointId}&${query}`, { token: key });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body.data as { type: string }[]).map((d) => d.type).sort();
    };
    assert.deepEqual(await types('type_prefix=invoice.'), ['invoice.paid', 'invoice.voided']);
    assert.deepEqual(await types('search=acme%20corp'), ['invoice.paid', 'order.shipped']);
    assert.deepEqual(await types('search=acme&type_prefix=order'), ['order.shipped']);
    // LIKE's wildcards are text here.
    assert.deepEqual(await types(`search=${encodeURIComponent('100%')}`), ['invoice.paid']);
    assert.deepEqual(await types(`search=${encodeURIComponent('0%_d')}`), []);
    assert.deepEqual(await types('type_prefix=_nvoice'), []);
    // Another tenant searches its own data only.
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/delivery?search=acme`, { token: other.test })).status, 404);
    for (const bad of ['search=a', `search=${'x'.repeat(201)}`, `type_prefix=${'x'.repeat(257)}`, 'type_prefix=', 'search[]=x&search[]=y', 'searchh=acme']) {
      const res = await h.call('GET', `/api/v1/app/${appId}/delivery?${bad}`, { token: key });
      assert.ok(res.status === 400 || res.status === 422, `${bad}: ${res.status}`);
      assert.ok(isProblem(res), bad);
    }
  });

  test('endpoint health: success rate, median latency and the last failure over 24 hours', async () => {
    const { appId: app, endpointId: ep } = await createAppAndEndpoint(h, key, `${rx.url}/health`);
    for (const n of [1, 2, 3]) await h.call('POST', `/api/v1/app/${app}/msg`, { token: key, body: { type: 'a.b', payload: { n } } });
    await h.call('POST', `/api/v1/app/${app}/msg`, { token: key, body: { type: 'a.b', payload: { fail: true } } });
    const health = await waitFor(async () => {
      const res = await h.call('GET', `/api/v1/app/${app}/endpoint-health`, { token: key });
      return res.body.data?.[0]?.attempts === 4 ? res : null;
    }, { what: 'four attempts' });
    assert.equal(health.body.window_seconds, 86_400);
    const [row] = health.body.data;
    assert.equal(row.endpoint_id, ep);
    assert.deepEqual([row.succeeded, row.failed, row.success_rate], [3, 1, 0.75]);
    assert.equal(typeof row.p50_latency_ms, 'number');
    assert.equal(row.last_error.response_status, 500);
    assert.equal(row.last_error.error_class, 'http_status');
    assert.ok(Date.parse(row.last_error.at) > Date.now() - 60_000);
    // A new endpoint has no figures yet.
    const fresh = await h.call('POST', `/api/v1/app/${app}/endpoint`, { token: key, body: { url: rx.url } });
    const again = await h.call('GET', `/api/v1/app/${app}/endpoint-health`, { token: key });
    assert.deepEqual(again.body.data.find((d: { endpoint_id: string }) => d.endpoint_id === fresh.body.id), {
      endpoint_id: fresh.body.id, attempts: 0, succeeded: 0, failed: 0, success_rate: null, p50_latency_ms: null, last_error: null,
    });
    assert.equal((await h.call('GET', `/api/v1/app/${app}/endpoint-health`, { token: other.test })).status, 404);
  });

  test('portal branding is validated, stored and given to portal sessions', async () => {
    const before = await rowCounts(h);
    for (const portal of [
      { name: 'Acme', logo_url: 'http://acme.test/logo.png', accent_color: null, theme: 'auto', show_delivery_settings: false },
      { name: 'Acme', logo_url: null, accent_color: 'red', theme: 'auto', show_delivery_settings: false },
      { name: 'Acme', logo_url: null, accent_color: null, theme: 'sepia', show_delivery_settings: false },
      { name: 'Ac\u0000me', logo_url: null, accent_color: null, theme: 'auto', show_delivery_settings: false },
      { name: 'Acme', logo_url: 'https://acme.test/"><script>', accent_color: null, theme: 'auto', show_delivery_settings: false },
      { name: 'Acme', theme: 'auto' },
      { name: 'Acme', logo_url: null, accent_color: null, theme: 'auto', show_delivery_settings: false, css: 'body{}' },
    ]) {
      const res = await h.call('PATCH', '/api/v1/settings', { token: key, body: { portal } });
      assert.ok(res.status === 400 || res.status === 422, `${JSON.stringify(portal)}: ${res.status}`);
      assert.ok(isProblem(res));
    }
    assert.deepEqual(await rowCounts(h), before, 'nothing written');
    const branding = { name: 'Acme Webhooks', logo_url: 'https://acme.test/logo.svg', accent_color: '#0a7d4f', theme: 'dark', show_delivery_settings: false };
    assert.equal((await h.call('PATCH', '/api/v1/settings', { token: key, body: { portal: branding } })).status, 200);
    const link = await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: key, body: {} });
    const portal = { authorization: `Portal ${link.body.token}` };
    const session = await h.call('GET', '/api/v1/session', { headers: portal });
    assert.deepEqual(session.body.portal, branding);
    // Operator sessions carry no portal branding.
    assert.equal((await h.call('GET', '/api/v1/session', { headers: { authorization: `Bearer ${key}` } })).status, 401);
  });

  test('the portal cannot set delivery internals unless the tenant shows them', async () => {
    const link = await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: key, body: {} });
    const portal = { authorization: `Portal ${link.body.token}` };
    const csrf = (await h.call('GET', '/api/v1/session', { headers: portal })).body.csrf_token as string;
    const headers = { ...portal, 'x-csrf-token': csrf };
    const base = { token: undefined, headers };
    const refused = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${endpointId}`, { ...base, body: { signature_scheme: 'hmac-hex', envelope: 'raw' } });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors.map((e: { field: string }) => e.field), ['body.signature_scheme', 'body.envelope']);
    const email = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { ...base, body: { kind: 'email', email: { to: ['a@b.test'], from: 'c@d.test', smtp: { host: 'smtp.test', port: 587, security: 'starttls' } } } });
    assert.equal(email.status, 422);
    const ep = await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, { token: key });
    assert.equal(ep.body.signature_scheme, null, 'nothing changed');
    // What customers act on stays theirs.
    assert.equal((await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${endpointId}`, { ...base, body: { description: 'ours', rate_limit_per_second: 5 } })).status, 200);
    const current = (await h.call('GET', '/api/v1/settings', { token: key })).body.portal;
    await h.call('PATCH', '/api/v1/settings', { token: key, body: { portal: { ...current, show_delivery_settings: true } } });
    assert.equal((await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${endpointId}`, { ...base, body: { signature_scheme: 'hmac-hex' } })).status, 200);
  });
});
