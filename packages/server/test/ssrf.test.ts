import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeNetworkPolicy } from '../src/delivery/network-policy.js';
import { startDnsServer } from './dns-server.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe('network policy (pure)', () => {
  const policy = makeNetworkPolicy([]);
  test('refuses loopback, private, link-local, CGNAT, metadata, reserved and their IPv6 forms', () => {
    for (const address of [
      '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '100.127.255.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1', '192.0.2.10',
      '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
      '64:ff9b::a00:1', '2002:a00:1::1',
      // IPv4-compatible (::/96), IPv4-mapped in hex, IPv4-translated and Teredo forms of blocked IPv4 ranges
      '::127.0.0.1', '::7f00:1', '::a00:1', '::a9fe:a9fe', '0:0:0:0:0:0:a9fe:a9fe', '::ffff:7f00:1', '::ffff:0:127.0.0.1', '::0.0.0.2', '2001:0:4136:e378::1',
    ]) {
      assert.equal(policy.isAllowed(address), false, `${address} should be refused`);
    }
  });

  test('allows public addresses', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:93.184.216.34', '::8.8.8.8', '::ffff:808:808']) {
      assert.equal(policy.isAllowed(address), true, `${address} should be allowed`);
    }
  });

  test('the guarded lookup refuses "localhost" from the system resolver (/etc/hosts, no network)', async () => {
    const lookup = makeNetworkPolicy([]).guardLookup();
    const err = await new Promise<Error | null>((resolve) => lookup('localhost', { all: true }, (e) => resolve(e)));
    assert.equal((err as { code?: string } | null)?.code, 'ERR_HERALD_BLOCKED_ADDRESS');
    const allowed = makeNetworkPolicy(['127.0.0.0/8', '::1']).guardLookup();
    const addresses = await new Promise<unknown>((resolve, reject) => allowed('localhost', { all: true }, (e, a) => (e ? reject(e) : resolve(a))));
    assert.ok(Array.isArray(addresses) && addresses.length > 0);
  });

  test('an allow-list opens exactly the listed networks', () => {
    const p = makeNetworkPolicy(['127.0.0.1/32', '10.1.0.0/16', '::1']);
    assert.equal(p.isAllowed('127.0.0.1'), true);
    assert.equal(p.isAllowed('127.0.0.2'), false);
    assert.equal(p.isAllowed('10.1.200.3'), true);
    assert.equal(p.isAllowed('10.2.0.1'), false);
    assert.equal(p.isAllowed('::1'), true);
    assert.throws(() => makeNetworkPolicy(['not-an-ip']), /HERALD_ALLOW_NETWORKS/);
    assert.throws(() => makeNetworkPolicy(['10.0.0.0/33']), /bad prefix/);
  });
});

describe('SSRF guard at connect time', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  let rx: Receiver;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  before(async () => {
    // Names that resolve to loopback addresses outside the allow-list (127.0.0.1 only), so even a
    // guard failure could never send traffic anywhere but this machine.
    dns = await startDnsServer({ 'rebind.herald.test': '127.0.0.2', 'allowed.herald.test': '127.0.0.1' });
    h = await startHerald({ dnsServers: [dns.server], allowNetworks: ['127.0.0.1/32'] });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'ssrf' } })).body.id;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
    await dns.close();
  });
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });

  test('private and loopback IP literals are refused when the endpoint is saved', async () => {
    for (const url of ['http://10.0.0.5/x', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.2:8080/x', 'http://[::1]:8080/x', 'http://[fd00:ec2::254]/x', 'http://100.64.1.1/x', 'http://[::127.0.0.2]/x', 'http://[::a9fe:a9fe]/x', 'http://[::ffff:7f00:2]/x']) {
      const res = await api('POST', `/api/v1/app/${appId}/endpoint`, { url });
      assert.equal(res.status, 422, url);
      assert.match(res.body.errors[0].message, /private, loopback/);
    }
  });

  test('a hostname resolving to a refused address is blocked at connect time and logged as "blocked"', async () => {
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `http://rebind.herald.test:${rx.port}/x`, retry_schedule: [0, 3600], filter_types: ['rebind'] })).body;
    assert.equal(ep.status, 'enabled', 'a hostname passes at save time; the check happens when connecting');
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'rebind', payload: {} });
    const attempt = await waitFor(async () => (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${ep.id}`)).body.data[0]);
    assert.equal(attempt.error_class, 'blocked');
    assert.match(attempt.error_message, /127\.0\.0\.2/);
    assert.equal(rx.received.length, 0);
  });

  test('"localhost" is refused unless its address is allowed; allowed names are delivered', async () => {
    const local = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `http://localhost:${rx.port}/local`, retry_schedule: [0, 3600], filter_types: ['local'] })).body;
    const allowed = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `http://allowed.herald.test:${rx.port}/ok`, filter_types: ['ok'] })).body;
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'ok', payload: {} });
    await waitFor(() => rx.received.some((r) => r.path === '/ok'));
    assert.ok(allowed.id);
    // localhost resolves through the configured resolver here, which does not know it: either way nothing is sent.
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'local', payload: {} });
    const attempt = await waitFor(async () => (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${local.id}`)).body.data[0]);
    assert.equal(attempt.status, 'failed');
    assert.ok(['blocked', 'dns'].includes(attempt.error_class), attempt.error_class);
    assert.ok(!rx.received.some((r) => r.path === '/local'));
  });

  test('test sends pass through the same guard', async () => {
    const res = await api('POST', '/api/v1/webhooks/test', { endpoint_url: `http://rebind.herald.test:${rx.port}/t`, signing_secret: 'whsec_' + Buffer.alloc(32).toString('base64') });
    assert.equal(res.status, 200);
    assert.equal(res.body.error_class, 'blocked');
  });
});
