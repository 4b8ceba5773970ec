import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { startReceiver, waitFor, type Receiver } from '../../server/test/helpers.js';
import { CLI, REPO_ROOT, freePort, spawnServer, type ServerProcess } from '../../server/test/process.js';

const run = promisify(execFile);

describe('herald CLI, run as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  let server: ServerProcess;
  let rx: Receiver;
  let env: NodeJS.ProcessEnv;
  const herald = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...env, ...extraEnv } });
    return stdout;
  };

  before(async () => {
    rx = await startReceiver();
    // No HERALD_ADMIN_TOKEN: the server generates one in the data dir and the CLI reads it there.
    server = await spawnServer({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: '' });
    env = { ...process.env, HERALD_URL: server.url, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: '' };
  });
  after(async () => {
    await server.stop();
    await rx.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('serve prints the API URL and the generated admin token on first start', () => {
    assert.match(server.output(), /API:\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    assert.match(server.output(), /Admin token \(shown once.*\): hadm_[A-Za-z0-9_-]{32}/);
  });

  test('migrate reports an up-to-date schema', async () => {
    assert.match(await herald(['migrate']), /schema is up to date/);
  });

  test('tenant create → app create → endpoint add/list → send → deliveries', async () => {
    const tenant = JSON.parse(await herald(['tenant', 'create', '--name', 'CLI Co']));
    assert.match(tenant.api_keys.test, /^hk_test_/);
    const withKey = { HERALD_API_KEY: tenant.api_keys.test };
    const app = JSON.parse(await herald(['app', 'create', '--name', 'Customer', '--uid', 'cust-cli'], withKey));
    assert.equal(app.uid, 'cust-cli');
    const ep = JSON.parse(await herald(['endpoint', 'add', '--app', 'cust-cli', '--url', `${rx.url}/cli`, '--types', 'order.paid', '--timeout', '5'], withKey));
    assert.match(ep.secret, /^whsec_/);
    assert.deepEqual(ep.filter_types, ['order.paid']);
    assert.equal(ep.timeout_seconds, 5);
    const listed = await herald(['endpoint', 'list', '--app', 'cust-cli'], withKey);
    assert.match(listed, new RegExp(ep.id));
    assert.ok(!listed.includes(ep.secret), 'list shows the masked secret only');
    const msg = JSON.parse(await herald(['send', '--app', 'cust-cli', '--type', 'order.paid', '--payload', '{"amount":12}', '--idempotency-key', 'k1'], withKey));
    assert.match(msg.id, /^msg_/);
    const again = JSON.parse(await herald(['send', '--app', 'cust-cli', '--type', 'order.paid', '--payload', '{"amount":12}', '--idempotency-key', 'k1'], withKey));
    assert.equal(again.id, msg.id);
    await waitFor(() => rx.received.length === 1);
    assert.equal(JSON.parse(rx.received[0]!.body).data.amount, 12);
    const tail = await waitFor(async () => {
      const out = await herald(['deliveries', '--app', 'cust-cli'], withKey);
      return out.includes('succeeded') ? out : null;
    });
    assert.match(tail, new RegExp(`${msg.id}.*succeeded`));
    const followed = await herald(['deliveries', '--app', 'cust-cli', '--follow', '--for', '1', '--status', 'succeeded'], withKey);
    assert.match(followed, /succeeded/);

    // send-batch: a JSON file of messages, one result each; a refused one makes the exit status 1.
    const file = join(dataDir, 'batch.json');
    writeFileSync(file, JSON.stringify([{ type: 'order.paid', payload: { amount: 1 } }, { type: 'order.paid', payload: { amount: 2 }, idempotency_key: 'b1' }]));
    const batch = JSON.parse(await herald(['send-batch', '--app', 'cust-cli', '--file', file], withKey));
    assert.deepEqual(batch.data.map((r: { status: number }) => r.status), [202, 202]);
    await waitFor(() => rx.received.length === 3);
    assert.deepEqual(rx.received.slice(1).map((r) => JSON.parse(r.body).data.amount).sort(), [1, 2]);
    writeFileSync(file, JSON.stringify([{ type: 'order.paid', payload: { amount: 3 }, idempotency_key: 'b1' }]));
    await assert.rejects(herald(['send-batch', '--app', 'cust-cli', '--file', file], withKey), (err: { code: number; stdout: string }) => {
      assert.equal(err.code, 1);
      assert.equal(JSON.parse(err.stdout).data[0].status, 422);
      return true;
    });
  });

  test('app create --preset and settings --preset configure a provider contract', async () => {
    const tenant = JSON.parse(await herald(['tenant', 'create', '--name', 'Preset Co']));
    const withKey = { HERALD_API_KEY: tenant.api_keys.test };
    const app = JSON.parse(await herald(['app', 'create', '--name', 'KYC customer', '--preset', 'kyc'], withKey));
    assert.equal(app.signature_scheme, 'hmac-hex');
    assert.equal(app.envelope, 'classic');
    const settings = JSON.parse(await herald(['settings', '--preset', 'klarefi'], withKey));
    assert.equal(settings.preset, 'klarefi');
    assert.equal(settings.event_types_created.length, 8);
    assert.equal(JSON.parse(await herald(['settings'], withKey)).preset, 'klarefi');
    await assert.rejects(herald(['app', 'create', '--name', 'x', '--preset', 'acme'], withKey), /422/);
  });

  test('listen --forward-to replays new events, signed, to a local app', async () => {
    const tenant = JSON.parse(await herald(['tenant', 'create', '--name', 'Listen Co']));
    const withKey = { HERALD_API_KEY: tenant.api_keys.test };
    const app = JSON.parse(await herald(['app', 'create', '--name', 'dev', '--uid', 'dev-app'], withKey));
    // The real endpoint is unreachable from a laptop; the local app gets the events through listen.
    const ep = JSON.parse(await herald(['endpoint', 'add', '--app', app.id, '--url', 'http://127.0.0.1:9/unreachable'], withKey));
    const local = await startReceiver();
    try {
      const listening = herald(['listen', '--app', 'dev-app', '--endpoint', ep.id, '--forward-to', `${local.url}/hooks`, '--interval', '200', '--for', '12'], withKey);
      await new Promise((r) => setTimeout(r, 1500));
      for (const n of [1, 2]) await herald(['send', '--app', 'dev-app', '--type', 'dev.event', '--payload', JSON.stringify({ n })], withKey);
      // Each CLI run is a process start (1–2 s on a loaded machine): listen runs long enough for both sends.
      const out = await listening;
      assert.equal(local.received.length, 2, out);
      const { Webhook } = await import('@herald/webhooks');
      for (const [i, r] of local.received.entries()) {
        const event = (await new Webhook(ep.secret).verify(r.body, r.headers as never)) as { data: { n: number } };
        assert.equal(event.data.n, i + 1);
      }
      assert.match(out, /→ 204 msg_\S+ dev\.event/);
    } finally {
      await local.close();
    }
  });

  test('receive verifies real deliveries with the endpoint secret, prints them, and refuses forgeries', async () => {
    const tenant = JSON.parse(await herald(['tenant', 'create', '--name', 'Receive Co']));
    const withKey = { HERALD_API_KEY: tenant.api_keys.test };
    await herald(['app', 'create', '--name', 'recv', '--uid', 'recv-app'], withKey);
    const port = await freePort();
    const ep = JSON.parse(await herald(['endpoint', 'add', '--app', 'recv-app', '--url', `http://127.0.0.1:${port}/webhooks`], withKey));
    const receiving = herald(['receive', '--port', String(port), '--for', '8'], { HERALD_SECRET: ep.secret });
    await waitFor(async () => fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(() => true, () => false), { timeoutMs: 8000, what: 'herald receive listening' });
    const sent = JSON.parse(await herald(['send', '--app', 'recv-app', '--type', 'invoice.paid', '--payload', '{"invoice":42}'], withKey));
    // A forgery: right headers, wrong signature.
    const forged = await fetch(`http://127.0.0.1:${port}/webhooks`, {
      method: 'POST',
      headers: { 'webhook-id': 'msg_forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA', 'content-type': 'application/json' },
      body: '{"type":"invoice.paid"}',
    });
    assert.equal(forged.status, 400);
    const out = await receiving;
    assert.match(out, /receiving webhooks on http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(out, new RegExp(`✓ verified ${sent.id} invoice\\.paid \\{.*"invoice":42`));
    assert.match(out, /✗ rejected msg_forged: No matching signature found/);
    await assert.rejects(herald(['receive', '--port', '0', '--for', '1']), /signing secret is needed/);
  });

  test('errors are reported in words with a non-zero exit', async () => {
    await assert.rejects(herald(['send', '--app', 'nope', '--type', 'x', '--payload', '{}'], { HERALD_API_KEY: 'hk_test_wrong' }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /401 Unauthorized/);
      return true;
    });
    await assert.rejects(herald(['send', '--app', 'x', '--type', 'x', '--payload', '{bad'], { HERALD_API_KEY: 'hk_test_x' }), /not valid JSON/);
    await assert.rejects(herald(['app', 'create', '--name', 'x']), /API key is needed/);
  });
});
