// The README, run as a reader would: the quick start (`npm start`) and "Five minutes with the
// API" exactly as written (only the two port numbers changed, to free ones), and every provider
// section's TypeScript and Python receiver against real deliveries from its preset.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTenant, startHerald, startReceiver, waitFor, type TestHerald } from '../../packages/server/test/helpers.js';
import { freePort } from '../../packages/server/test/process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
}

/** The README's sections by heading, each with its prose and code blocks (`#` inside code is not a heading). */
function parse(markdown: string): { heading: string; level: number; text: string; blocks: Block[] }[] {
  const sections: { heading: string; level: number; text: string; blocks: Block[] }[] = [{ heading: '', level: 0, text: '', blocks: [] }];
  let fence: Block | null = null;
  for (const line of markdown.split('\n')) {
    const current = sections.at(-1)!;
    const heading = fence ? null : line.match(/^(#{1,6}) /);
    if (heading) {
      sections.push({ heading: line, level: heading[1]!.length, text: '', blocks: [] });
      continue;
    }
    current.text += `${line}\n`;
    if (!line.startsWith('```')) {
      if (fence) fence.code += `${line}\n`;
    } else if (fence) {
      current.blocks.push(fence);
      fence = null;
    } else fence = { lang: line.slice(3).trim(), code: '' };
  }
  return sections;
}

/** A section's prose and code, its subsections included. */
function section(prefix: string): { text: string; blocks: (lang: string) => string[] } {
  const sections = parse(readme);
  const at = sections.findIndex((s) => s.heading.startsWith(prefix));
  assert.ok(at >= 0, `README has "${prefix}"`);
  const level = sections[at]!.level;
  const end = sections.findIndex((s, i) => i > at && s.level <= level);
  const mine = sections.slice(at, end < 0 ? undefined : end);
  return { text: mine.map((s) => s.text).join(''), blocks: (lang) => mine.flatMap((s) => s.blocks).filter((b) => b.lang === lang).map((b) => b.code) };
}

/** A child process whose whole group is stopped after the test, with its output kept. */
interface Child {
  process: ChildProcess;
  output: () => string;
  stop(): void;
}

function start(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  return {
    process: child,
    output: () => out,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

let work: string;
const children: Child[] = [];

before(() => {
  work = mkdtempSync(join(tmpdir(), 'herald-readme-'));
  // A reader's directory beside the checkout: `npx herald` and `npx tsx` find this repo's packages.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
});
after(() => {
  for (const child of children) child.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('quick start and "Five minutes with the API"', () => {
  test('npm start prints what the README shows, and the five-minute steps deliver a verified message', async () => {
    const port = await freePort();
    const receiverPort = await freePort();
    const env = { ...process.env, PORT: String(port), HERALD_DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn' };

    // "Start Herald so that it may deliver to your own machine": HERALD_ALLOW_NETWORKS=127.0.0.1/32 npm start
    const intro = section('## Five minutes with the API');
    assert.match(intro.text, /`HERALD_ALLOW_NETWORKS=127\.0\.0\.1\/32 npm start`/);
    const server = start('npm', ['start'], { cwd: root, env: { ...env, HERALD_ALLOW_NETWORKS: '127.0.0.1/32' } });
    children.push(server);
    await waitFor(() => /Admin token \(shown once/.test(server.output()), { timeoutMs: 60_000, what: `npm start's banner:\n${server.output()}` });
    // The banner's lines, as the quick start shows them.
    const banner = section('## Quick start').blocks('').find((b) => b.includes('Herald is running'))!;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const line of banner.split('\n').filter((l) => l.trim())) {
      const pattern = escape(line.trim())
        .replace(escape('/path/to/data'), '/\\S+/data')
        .replaceAll(escape('127.0.0.1:8080'), `127\\.0\\.0\\.1:${port}`)
        .replace(escape('hadm_…'), 'hadm_[A-Za-z0-9_-]{32}');
      assert.match(server.output(), new RegExp(`\\n\\s+${pattern}\\n`), line);
    }
    assert.equal((await fetch(`http://127.0.0.1:${port}/health/ready`)).status, 200);

    const [steps] = intro.blocks('sh');
    assert.ok(steps, 'the five-minute steps');
    const script = steps.replaceAll('127.0.0.1:8080', `127.0.0.1:${port}`).replaceAll('3000', String(receiverPort));
    const run = start('bash', ['-c', script], { cwd: work, env });
    children.push(run);
    // Bounded: the steps wait for the receiver and the delivery, so a broken step would wait forever.
    const timer = setTimeout(() => run.stop(), 60_000);
    const code = await new Promise<number | null>((resolve) => run.process.once('exit', resolve));
    clearTimeout(timer);
    const out = run.output();
    assert.equal(code, 0, out);
    assert.match(out, /"id":"app_[^"]+","uid":"globex"/, 'step 2 made the application');
    assert.match(out, /receiving webhooks on http:\/\/127\.0\.0\.1:\d+\//, 'step 3 started the receiver');
    const published = out.match(/\{"id":"(msg_[^"]+)","event_id":null,"type":"invoice\.paid"/);
    assert.ok(published, `step 4 published: ${out}`);
    assert.match(out, new RegExp(`✓ verified ${published[1]} invoice\\.paid \\{.*"data":\\{"invoice":42\\}`), 'the receiver verified and printed it');
    assert.match(out, new RegExp(`\\{"data":\\[\\{"id":"[^"]+","message_id":"${published[1]}","endpoint_id":"[^"]+","type":"invoice\\.paid","status":"succeeded"`), 'step 5 shows it succeeded');
  });
});

/** How each provider section's receivers are driven: the preset, a message, what they print. */
const PROVIDERS: {
  preset: string;
  heading: string;
  publish: { type: string; payload: unknown };
  expect: RegExp;
}[] = [
  {
    preset: 'klariqo',
    heading: '### `klariqo`',
    publish: {
      type: 'compliance_record.ready',
      payload: { call: { id: 'call-123', started_at: '2026-06-27T12:00:00Z' }, record: { format: 'vcon', content_hash: 'sha512-abc', download_url: 'https://example.com/rec/123' } },
    },
    expect: /^record ready: call-123 vcon https:\/\/example\.com\/rec\/123$/m,
  },
  {
    preset: 'kyc',
    heading: '### `kyc`',
    publish: { type: 'kyc.session.processed', payload: { session_id: 'ses_1', status: 'approved' } },
    expect: /^kyc event: evt_\S+ kyc\.session\.processed ses_1 approved$/m,
  },
  {
    preset: 'klarefi',
    heading: '### `klarefi`',
    publish: { type: 'session.complete', payload: { case_id: 'case_123', session_id: 'ses_9', results: { income: 'verified' } } },
    expect: /^Case completed: case_123 \{"results":\{"income":"verified"\}\}$/m,
  },
  {
    preset: 'kompliant',
    heading: '### `kompliant`',
    publish: {
      type: 'WORKFLOW_COMPLETED',
      payload: { subject_record_id: 'sr_2Xk9aB', user_context: { user_id: 'jane@example.com', user_type: 'USER' }, workflow_id: 'w_7Hq2', workflow_type: 'ONBOARDING' },
    },
    expect: /^kompliant event: WORKFLOW_COMPLETED 1\.0 sr_2Xk9aB USER w_7Hq2$/m,
  },
];

describe('provider sections: each receiver sample verifies real deliveries', () => {
  let h: TestHerald;
  let key: string;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h, 'Readme')).test;
  });
  after(() => h?.close());
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body === undefined ? {} : { body }) });

  for (const provider of PROVIDERS) {
    for (const lang of ['ts', 'python'] as const) {
      test(`${provider.preset}: the ${lang === 'ts' ? 'TypeScript' : 'Python'} receiver`, async () => {
        const [sample] = section(provider.heading).blocks(lang);
        assert.ok(sample, `${provider.heading} has a ${lang} sample`);
        const app = (await api('POST', '/api/v1/app', { name: `${provider.preset} ${lang}`, preset: provider.preset })).body;
        const keys: Record<string, string> = {};
        if (app.encrypt_data) {
          const created = await api('POST', `/api/v1/app/${app.id}/webhook-keys`);
          assert.equal(created.status, 201);
          keys[created.body.key_id] = created.body.key;
        }
        const port = await freePort();
        const endpoint = await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `http://127.0.0.1:${port}/${provider.preset}` });
        assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));

        const file = join(work, lang === 'ts' ? `${provider.preset}-receiver.ts` : `${provider.preset}_receiver.py`);
        writeFileSync(file, sample);
        const env = { ...process.env, WEBHOOK_SECRET: endpoint.body.secret, WEBHOOK_KEYS: JSON.stringify(keys), PORT: String(port), PYTHONPATH: join(root, 'python') };
        const receiver = lang === 'ts' ? start('npx', ['tsx', file], { cwd: work, env }) : start('python3', [file], { cwd: work, env });
        children.push(receiver);
        try {
          await waitFor(() => listening(port), { timeoutMs: 30_000, what: `the ${lang} receiver listening:\n${receiver.output()}` });
          if (endpoint.body.status === 'pending_verification') {
            // The preset asks new endpoints to echo a challenge: the sample does.
            const verified = await api('POST', `/api/v1/app/${app.id}/endpoint/${endpoint.body.id}/verify`);
            assert.equal(verified.body.verified, true, `${JSON.stringify(verified.body)}\n${receiver.output()}`);
          }
          const sent = await api('POST', `/api/v1/app/${app.id}/msg`, provider.publish);
          assert.equal(sent.status, 202, JSON.stringify(sent.body));
          await waitFor(() => provider.expect.test(receiver.output()), { timeoutMs: 20_000, what: `${provider.expect} in:\n${receiver.output()}` });
          const deliveries = await waitFor(async () => {
            const page = (await api('GET', `/api/v1/app/${app.id}/msg/${sent.body.id}/delivery`)).body;
            return page.data[0]?.status === 'succeeded' ? page : null;
          });
          assert.equal(deliveries.data[0].attempt_count, 1, 'accepted at the first attempt');
          // A forgery is refused: the sample verifies rather than trusting what arrives.
          const forged = await fetch(`http://127.0.0.1:${port}/${provider.preset}`, { method: 'POST', headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA', 'x-webhook-signature': 'sha256=00', 'x-webhook-id': 'evt_x', 'x-klarefi-signature': `t=${Math.floor(Date.now() / 1000)},v1=00` }, body: '{"type":"x","event":"x"}' });
          assert.equal(forged.status, 400);
        } finally {
          receiver.stop();
        }
      });
    }
  }
});

describe('"Coming from Svix"', () => {
  let h: TestHerald;
  before(async () => {
    h = await startHerald();
  });
  after(() => h?.close());

  test('the TypeScript sample runs with the Svix SDK against Herald', async () => {
    const [sample] = section('## Coming from Svix').blocks('ts');
    assert.ok(sample, 'the section has a TypeScript sample');
    const key = (await createTenant(h, 'From Svix')).test;
    const receiver = await startReceiver();
    try {
      // Only the key, the server and the endpoint (a local receiver) changed.
      const code = sample.replace("'hk_test_…'", JSON.stringify(key)).replace('http://localhost:8080/svix', `${h.url}/svix`).replace('https://globex.example/webhooks', receiver.url);
      const file = join(work, 'from-svix.mts');
      writeFileSync(file, code);
      const run = start('npx', ['tsx', file], { cwd: work, env: process.env });
      children.push(run);
      const exit = await new Promise<number | null>((resolve) => run.process.on('close', resolve));
      assert.equal(exit, 0, run.output());
      const delivered = await waitFor(() => receiver.received.find((r) => r.headers['svix-id'] === 'evt_42'), { what: 'the delivery' });
      assert.deepEqual(JSON.parse(delivered.body), { invoice: 42 });
    } finally {
      await receiver.close();
    }
  });
});

test('the README lists every error class an attempt can have', () => {
  const rows = readFileSync(join(root, 'packages/server/src/store/rows.ts'), 'utf8');
  const declared = rows.match(/export type ErrorClass = ([^;]+);/)![1]!.match(/'([a-z_]+)'/g)!.map((c) => c.slice(1, -1));
  const listed = readme.match(/an error class: ([^.]+)\./)![1]!.match(/`([a-z_]+)`/g)!.map((c) => c.slice(1, -1));
  assert.deepEqual([...listed].sort(), [...declared].sort());
});
