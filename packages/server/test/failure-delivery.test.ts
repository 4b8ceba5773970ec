import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTenant, rowCounts, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/** An SMTP sink whose every step can be slowed, and whose recipients can be refused for good (550). */
async function startSmtpSink() {
  const mails: string[] = [];
  const state = { stepDelayMs: 0, slowConnections: 0, refuse550: false, connections: 0 };
  const step = (session: { slow?: boolean }, cb: () => void) => (session.slow ? setTimeout(cb, state.stepDelayMs) : cb());
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onConnect(session, cb) {
      state.connections++;
      (session as { slow?: boolean }).slow = state.slowConnections-- > 0;
      step(session as never, () => cb());
    },
    onMailFrom(_a, session, cb) {
      step(session as never, () => cb());
    },
    onRcptTo(_a, session, cb) {
      if (state.refuse550) return cb(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      step(session as never, () => cb());
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        step(session as never, () => {
          mails.push(Buffer.concat(chunks).toString());
          cb();
        }),
      );
    },
    logger: false,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('delivery under hostile or failing receivers', () => {
  let h: TestHerald;
  let key: string;
  let liveKey: string;
  let rx: Receiver;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => {
    h = await startHerald({ delivery: { timeoutPauseAfter: 3, timeoutPauseMs: 1500, leaseGraceMs: 1000, throttleDefaultSeconds: 1 } as never });
    const tenant = await createTenant(h);
    key = tenant.test;
    liveKey = tenant.live;
    rx = await startReceiver();
    smtp = await startSmtpSink();
  });
  after(async () => {
    await smtp.close();
    await rx.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown, token = key) => h.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
  async function app(name: string) {
    return (await api('POST', '/api/v1/app', { name })).body.id as string;
  }
  const hits = (path: string) => rx.received.filter((r) => r.path === path);
  const deliveriesOf = async (appId: string, msgId: string) => (await api('GET', `/api/v1/app/${appId}/msg/${msgId}/delivery`)).body.data;
  const attemptsOf = async (appId: string) => (await api('GET', `/api/v1/app/${appId}/attempt?limit=250`)).body.data.reverse();

  test('a 429 with Retry-After pauses the whole endpoint: new messages wait too, and the endpoint shows it', async () => {
    let answered429 = 0;
    rx.handler = (r, res) => {
      if (r.path === '/throttling' && answered429 === 0) {
        answered429++;
        return void res.writeHead(429, { 'retry-after': '2' }).end('slow down');
      }
      res.writeHead(204).end();
    };
    const appId = await app('throttle');
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `${rx.url}/throttling`, max_in_flight: 1, retry_schedule: [0, 0, 0] })).body;
    const first = (await api('POST', `/api/v1/app/${appId}/msg`, { type: 't', payload: { n: 0 } })).body;
    await waitFor(() => answered429 === 1, { what: 'the 429' });
    const pausedAt = Date.now();
    const shown = await waitFor(async () => {
      const body = (await api('GET', `/api/v1/app/${appId}/endpoint/${ep.id}`)).body;
      return body.throttled_until ? body : null;
    });
    assert.equal(shown.throttle_reason, 'rate_limited');
    assert.ok(Date.parse(shown.throttled_until) > Date.now());
    const later = [];
    for (let n = 1; n <= 10; n++) later.push((await api('POST', `/api/v1/app/${appId}/msg`, { type: 't', payload: { n } })).body.id);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(hits('/throttling').length, 1, 'nothing is sent to a paused endpoint');
    await waitFor(() => hits('/throttling').length === 12, { timeoutMs: 15_000, what: 'everything sent after the pause' });
    const firstAfterPause = hits('/throttling')[1]!.at;
    assert.ok(firstAfterPause - pausedAt >= 1500, `resumed ${firstAfterPause - pausedAt} ms after the 429`);
    // The waiting messages spent nothing: one attempt each. The one answered 429 has two.
    for (const id of later) assert.equal((await deliveriesOf(appId, id))[0].attempt_count, 1);
    assert.equal((await deliveriesOf(appId, first.id))[0].attempt_count, 2);
    const metrics = await h.call('GET', '/metrics', { token: 'test-admin-token' });
    assert.match(String(metrics.body), /herald_endpoint_throttles_total\{reason="rate_limited"\} [1-9]/);
  });

  test('repeated timeouts pause the endpoint', async () => {
    rx.handler = (r, res) => {
      if (r.path === '/hangs') return; // never answers
      res.writeHead(204).end();
    };
    const appId = await app('timeouts');
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: `${rx.url}/hangs`, max_in_flight: 1, timeout_seconds: 1, retry_schedule: [0, 0, 0, 0, 0, 0] })).body;
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 't', payload: {} });
    const shown = await waitFor(
      async () => {
        const body = (await api('GET', `/api/v1/app/${appId}/endpoint/${ep.id}`)).body;
        return body.throttle_reason === 'timeouts' ? body : null;
      },
      { timeoutMs: 15_000, what: 'paused after timeouts' },
    );
    assert.ok(shown.throttled_until);
    const sentWhenPaused = hits('/hangs').length;
    assert.equal(sentWhenPaused, 3);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(hits('/hangs').length, sentWhenPaused, 'nothing sent while paused');
  });

  test('Slack text is escaped; a revoked Slack webhook (404 no_service) disables the endpoint after one attempt', async () => {
    rx.handler = (r, res) => {
      if (r.path === '/slack-gone') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
      if (r.path === '/slack-bad') return void res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    };
    const appId = await app('slack');
    await api('POST', `/api/v1/app/${appId}/endpoint`, { kind: 'slack', url: `${rx.url}/slack-ok`, filter_types: ['ok'] });
    const gone = (await api('POST', `/api/v1/app/${appId}/endpoint`, { kind: 'slack', url: `${rx.url}/slack-gone`, filter_types: ['gone'], retry_schedule: [0, 0, 0] })).body;
    await api('POST', `/api/v1/app/${appId}/endpoint`, { kind: 'slack', url: `${rx.url}/slack-bad`, filter_types: ['bad'], retry_schedule: [0, 0, 0] });
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'ok', payload: { note: '<!channel> & <https://evil.example|click>' } });
    const sent = await waitFor(() => hits('/slack-ok')[0]);
    assert.ok(!sent.body.includes('<!channel>'), 'no raw control sequence');
    assert.match(sent.body, /&lt;!channel&gt; &amp; &lt;https:\/\/evil.example\|click&gt;/);

    const goneMsg = (await api('POST', `/api/v1/app/${appId}/msg`, { type: 'gone', payload: {} })).body;
    const badMsg = (await api('POST', `/api/v1/app/${appId}/msg`, { type: 'bad', payload: {} })).body;
    const goneDelivery = await waitFor(async () => ((await deliveriesOf(appId, goneMsg.id))[0]?.status === 'failed' ? (await deliveriesOf(appId, goneMsg.id))[0] : null));
    const badDelivery = await waitFor(async () => ((await deliveriesOf(appId, badMsg.id))[0]?.status === 'failed' ? (await deliveriesOf(appId, badMsg.id))[0] : null));
    assert.equal(goneDelivery.attempt_count, 1);
    assert.equal(badDelivery.attempt_count, 1);
    const endpoint = (await api('GET', `/api/v1/app/${appId}/endpoint/${gone.id}`)).body;
    assert.equal(endpoint.status, 'disabled');
    assert.equal(endpoint.disabled_reason, 'revoked');
    assert.equal(hits('/slack-gone').length, 1);
    assert.equal(hits('/slack-bad').length, 1);
  });

  const emailChannel = (security = 'none', extra: Record<string, unknown> = {}) => ({
    kind: 'email',
    retry_schedule: [0, 0.2, 0.2],
    email: { to: ['ops@example.com'], from: 'herald@example.com', smtp: { host: '127.0.0.1', port: smtp.port, security } },
    ...extra,
  });

  test('a live email channel must use TLS: smtp.security "none" is refused and nothing is stored', async () => {
    const liveApp = (await api('POST', '/api/v1/app', { name: 'live-mail' }, liveKey)).body.id;
    const before = await rowCounts(h);
    const res = await api('POST', `/api/v1/app/${liveApp}/endpoint`, emailChannel('none'), liveKey);
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].field, 'body.email.smtp.security');
    assert.deepEqual(await rowCounts(h), before);
    // The test environment may use a local relay without TLS.
    assert.equal((await api('POST', `/api/v1/app/${await app('test-mail')}/endpoint`, emailChannel('none'))).status, 201);
  });

  test('an SMTP 550 ends the delivery after one attempt', async () => {
    smtp.state.refuse550 = true;
    try {
      const appId = await app('mail-550');
      await api('POST', `/api/v1/app/${appId}/endpoint`, emailChannel());
      const msg = (await api('POST', `/api/v1/app/${appId}/msg`, { type: 't', payload: {} })).body;
      const d = await waitFor(async () => ((await deliveriesOf(appId, msg.id))[0]?.status === 'failed' ? (await deliveriesOf(appId, msg.id))[0] : null));
      assert.equal(d.attempt_count, 1);
      assert.equal(d.last_status_code, 550);
    } finally {
      smtp.state.refuse550 = false;
    }
  });

  test('a relay slow at every step is cut at the deadline: one email per event, one attempt per try, numbers unique', async () => {
    // Each of five steps takes 700 ms: 3.5 s for a send, past the 1 s deadline and past the lease
    // (deadline + 1 s grace). Only the first connection is slow.
    smtp.state.stepDelayMs = 700;
    smtp.state.slowConnections = 1;
    const mailsBefore = smtp.mails.length;
    const appId = await app('mail-slow');
    await api('POST', `/api/v1/app/${appId}/endpoint`, emailChannel('none', { timeout_seconds: 1 }));
    const msg = (await api('POST', `/api/v1/app/${appId}/msg`, { type: 't', payload: { slow: true } })).body;
    const d = await waitFor(async () => ((await deliveriesOf(appId, msg.id))[0]?.status === 'succeeded' ? (await deliveriesOf(appId, msg.id))[0] : null), { timeoutMs: 15_000 });
    // Long enough for a reaped copy of the first attempt to have gone out too.
    await new Promise((r) => setTimeout(r, 4000));
    assert.equal(smtp.mails.length - mailsBefore, 1, 'one email');
    const attempts = await attemptsOf(appId);
    assert.deepEqual(attempts.map((a: { attempt_number: number }) => a.attempt_number), [1, 2]);
    assert.deepEqual(attempts.map((a: { status: string }) => a.status), ['failed', 'succeeded']);
    assert.equal(attempts[0].error_class, 'timeout');
    assert.ok(attempts[0].duration_ms < 2500, `the first attempt took ${attempts[0].duration_ms} ms`);
    assert.equal(d.attempt_count, 2);
  });
});
