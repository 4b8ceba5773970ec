// @herald/webhooks as a user gets it: `npm pack`, installed from the tarball into an empty
// project, then `import` and `require` on Node, its declarations under TypeScript's NodeNext
// resolution, and the built ESM in a Chromium page verifying a real delivery from Herald.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../server/test/browser.js';
import { npmPack } from '../../server/test/process.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor } from '../../server/test/helpers.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// The consumer runs as a user's would: without this repo's source condition.
const env = { ...process.env, NODE_OPTIONS: '' };
let work: string;
let consumer: string;
let tarball: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'herald-webhooks-pack-'));
  tarball = npmPack(pkgDir, work);
  consumer = join(work, 'consumer');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, env, stdio: ['ignore', 'pipe', 'pipe'] });
});
after(() => rmSync(work, { recursive: true, force: true }));

const secret = 'whsec_' + Buffer.alloc(32, 9).toString('base64');
const body = JSON.stringify({ type: 'invoice.paid', data: { amount: 5 } });
const now = Math.floor(Date.now() / 1000);
const signature = 'v1,' + createHmac('sha256', Buffer.alloc(32, 9)).update(`msg_1.${now}.${body}`).digest('base64');
const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': signature };

function node(file: string, source: string): string {
  writeFileSync(join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, env, encoding: 'utf8' }).trim();
}

test('the tarball holds the builds, declarations, README and LICENSE, and no dependencies', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/client.js', 'dist/client.cjs', 'dist/client.d.ts', 'dist/client.d.cts', 'README.md', 'LICENSE', 'package.json']) {
    assert.ok(files.includes(`package/${f}`), `${f} in ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('package/test/')), 'no tests shipped');
  const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/@herald/webhooks/package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.engines.node, '>=20');
  assert.match(readFileSync(join(consumer, 'node_modules/@herald/webhooks/README.md'), 'utf8'), /decryptData[\s\S]*fetchRecord/);
  // Nothing in the builds reaches for Node: no built-in imports, no Buffer, no process.
  for (const f of files.filter((name) => /^package\/dist\/.*\.(c?js)$/.test(name))) {
    const code = readFileSync(join(consumer, 'node_modules/@herald/webhooks', f.slice('package/'.length)), 'utf8');
    assert.doesNotMatch(code, /require\(["']node:|from ["']node:|\bBuffer\.|\bprocess\./, f);
  }
});

test('import on Node (ESM) verifies and rejects', () => {
  const out = node(
    'esm.mjs',
    `import { Webhook, WebhookVerificationError } from '@herald/webhooks';
     import { HeraldClient } from '@herald/webhooks/client';
     const wh = new Webhook(${JSON.stringify(secret)});
     const event = await wh.verify(${JSON.stringify(body)}, ${JSON.stringify(headers)});
     const bad = await wh.verify(${JSON.stringify(body + ' ')}, ${JSON.stringify(headers)}).catch((e) => e);
     console.log(JSON.stringify([event.type, bad instanceof WebhookVerificationError, typeof HeraldClient]));`,
  );
  assert.equal(out, '["invoice.paid",true,"function"]');
});

test('require on Node (CommonJS) verifies and rejects', () => {
  const out = node(
    'cjs.cjs',
    `const { Webhook, WebhookVerificationError } = require('@herald/webhooks');
     const { HeraldClient } = require('@herald/webhooks/client');
     const wh = new Webhook(${JSON.stringify(secret)});
     (async () => {
       const event = await wh.verify(${JSON.stringify(body)}, ${JSON.stringify(headers)});
       const bad = await wh.verify(${JSON.stringify(body)}, { ...${JSON.stringify(headers)}, 'webhook-id': 'msg_2' }).catch((e) => e);
       console.log(JSON.stringify([event.type, bad instanceof WebhookVerificationError, typeof HeraldClient]));
     })();`,
  );
  assert.equal(out, '["invoice.paid",true,"function"]');
});

test('TypeScript finds the declarations for import and require (NodeNext)', () => {
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, lib: ['es2022', 'dom'], types: [] }, files: ['typed.mts', 'typed.cts'] }));
  // A typo in the scheme is a type error: the declarations are real, not `any`.
  const body = (webhook: string, client: string) => `
    const wh: ${webhook} = new ${webhook}('whsec_AAAA');
    export const verified: Promise<unknown> = wh.verify('{}', {});
    export const client: ${client} = new ${client}({ baseUrl: 'http://127.0.0.1' });
    // @ts-expect-error not a scheme
    new ${webhook}('whsec_AAAA', { scheme: 'standrd' });`;
  writeFileSync(join(consumer, 'typed.mts'), "import { Webhook } from '@herald/webhooks';\nimport { HeraldClient } from '@herald/webhooks/client';" + body('Webhook', 'HeraldClient'));
  writeFileSync(join(consumer, 'typed.cts'), "import sdk = require('@herald/webhooks');\nimport api = require('@herald/webhooks/client');" + body('sdk.Webhook', 'api.HeraldClient'));
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, env, encoding: 'utf8' });
});

test('the built ESM runs in Chromium and verifies a real delivery from Herald', async (t) => {
  const h = await startHerald();
  const rx = await startReceiver();
  const dist = join(consumer, 'node_modules/@herald/webhooks/dist');
  const page = `<!doctype html><meta charset="utf-8"><title>verify</title>
    <script type="module">
      import { Webhook, WebhookVerificationError } from '/sdk/index.js';
      window.verifyDelivery = async (secret, body, headers) => {
        const event = await new Webhook(secret).verify(body, headers);
        const tampered = await new Webhook(secret).verify(body.replace('42', '43'), headers).catch((e) => e instanceof WebhookVerificationError);
        return { event, tampered, node: typeof process !== 'undefined' };
      };
      document.title = 'ready';
    </script>`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    const file = normalize(url.pathname.replace(/^\/sdk\//, '/'));
    let code: Buffer;
    try {
      code = readFileSync(join(dist, file));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/json' }).end(code);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    server.close();
    await rx.close();
    await h.close();
  });

  const tenant = await createTenant(h);
  const { appId, secret: endpointSecret } = await createAppAndEndpoint(h, tenant.test, `${rx.url}/hook`);
  const sent = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: tenant.test, body: { type: 'order.created', payload: { order_id: 'ord_1', total: 42 } } });
  assert.equal(sent.status, 202);
  const delivery = await waitFor(() => rx.received[0], { what: 'the delivery' });

  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  await tab.waitForFunction(() => document.title === 'ready');
  const result = await tab.evaluate(
    ([s, b, hd]) => (window as unknown as { verifyDelivery: (...a: unknown[]) => Promise<unknown> }).verifyDelivery(s, b, hd),
    [endpointSecret, delivery.body, { 'webhook-id': delivery.headers['webhook-id'], 'webhook-timestamp': delivery.headers['webhook-timestamp'], 'webhook-signature': delivery.headers['webhook-signature'] }] as const,
  );
  assert.deepEqual(result, { event: JSON.parse(delivery.body), tampered: true, node: false });
  assert.deepEqual(errors, []);
});
