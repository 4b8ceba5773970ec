import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP sink (no TLS) that requires auth and can refuse the next N recipients with 451. */
async function startSmtpSink() {
  const mails: Mail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'herald' && auth.password === 's3cret') return cb(null, { user: 'herald' });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, cb) {
      if (refuse > 0) {
        refuse--;
        return cb(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        cb();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    refuseNext: (n: number) => (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('notification channels: email and Slack (seed 002)', () => {
  let h: TestHerald;
  let key: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let slack: Receiver;
  let appId: string;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    smtp = await startSmtpSink();
    slack = await startReceiver((_r, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    appId = (await api('POST', '/api/v1/app', { name: 'channels' })).body.id;
  });
  after(async () => {
    await smtp.close();
    await slack.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
  const emailChannel = (extra: Record<string, unknown> = {}, smtpExtra: Record<string, unknown> = {}) => ({
    kind: 'email',
    filter_types: ['order.paid'],
    retry_schedule: [0, 0.1, 0.1],
    email: { to: ['ops@example.com'], from: 'herald@example.com', smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', username: 'herald', password: 's3cret', ...smtpExtra } },
    ...extra,
  });

  test('chosen event types go to email and Slack, with retries and an attempt log', async () => {
    smtp.refuseNext(1);
    const email = (await api('POST', `/api/v1/app/${appId}/endpoint`, emailChannel())).body;
    assert.equal(email.kind, 'email');
    assert.equal(email.url, 'mailto:ops@example.com');
    assert.equal(email.email.smtp.has_password, true);
    assert.ok(!JSON.stringify(email).includes('s3cret'), 'the SMTP password is never returned');
    const sl = (await api('POST', `/api/v1/app/${appId}/endpoint`, { kind: 'slack', url: `${slack.url}/services/T000/B000/XXX`, filter_types: ['order.paid'] })).body;
    assert.equal(sl.status, 'enabled');

    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'order.paid', payload: { order: 42, total: 9.5 } });
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'order.ignored', payload: {} });
    await waitFor(() => smtp.mails.length === 1 && slack.received.length === 1);

    const mail = smtp.mails[0]!;
    assert.deepEqual(mail.to, ['ops@example.com']);
    assert.match(mail.raw, /Subject: \[Herald\] order\.paid/);
    assert.match(mail.raw, /"order": 42/);
    const message = JSON.parse(slack.received[0]!.body);
    assert.equal(slack.received[0]!.headers['content-type'], 'application/json');
    assert.equal(message.blocks[0].type, 'header');
    assert.equal(message.blocks[0].text.text, 'order.paid');
    assert.match(message.blocks[2].text.text, /"order": 42/);

    const attempts = (
      await waitFor(async () => {
        const data = (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${email.id}`)).body.data;
        return data.length === 2 ? data : null;
      })
    ).reverse();
    assert.deepEqual(attempts.map((a: { status: string; response_status: number }) => [a.status, a.response_status]), [['failed', 451], ['succeeded', 250]]);
    assert.equal(attempts[0].error_class, 'smtp');
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(smtp.mails.length, 1, 'order.ignored was not routed to the channel');
  });

  test('TLS settings are applied: STARTTLS required against a relay without it fails, wrong credentials fail', async () => {
    const tlsRequired = (await api('POST', `/api/v1/app/${appId}/endpoint`, emailChannel({ filter_types: ['tls.check'], retry_schedule: [0] }, { security: 'starttls' }))).body;
    const badAuth = (await api('POST', `/api/v1/app/${appId}/endpoint`, emailChannel({ filter_types: ['auth.check'], retry_schedule: [0] }, { password: 'wrong' }))).body;
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'tls.check', payload: {} });
    await api('POST', `/api/v1/app/${appId}/msg`, { type: 'auth.check', payload: {} });
    const tls = await waitFor(async () => (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${tlsRequired.id}`)).body.data[0]);
    assert.equal(tls.status, 'failed');
    assert.match(tls.error_message, /STARTTLS/i);
    const auth = await waitFor(async () => (await api('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${badAuth.id}`)).body.data[0]);
    assert.equal(auth.error_class, 'smtp');
    assert.equal(auth.response_status, 535);
  });

  test('operational events reach a channel of the operational application', async () => {
    const ops = (await api('POST', '/api/v1/app', { name: 'ops', uid: 'ops-channels' })).body;
    await api('POST', `/api/v1/app/${ops.id}/endpoint`, { kind: 'slack', url: `${slack.url}/ops` });
    await api('PATCH', '/api/v1/settings', { operational_app: 'ops-channels' });
    const ep = (await api('POST', `/api/v1/app/${appId}/endpoint`, { url: 'http://127.0.0.1:9/new' })).body;
    const got = await waitFor(() => slack.received.find((r) => r.path === '/ops' && r.body.includes(ep.id)));
    assert.equal(JSON.parse(got.body).blocks[0].text.text, 'endpoint.created');
    await api('PATCH', '/api/v1/settings', { operational_app: null });
  });

  test('send-example works for channels; bad channel input is 422', async () => {
    await api('POST', '/api/v1/event-type', { name: 'order.paid', example: { order: 1 } });
    const sl = (await api('POST', `/api/v1/app/${appId}/endpoint`, { kind: 'slack', url: `${slack.url}/example`, filter_types: ['none'] })).body;
    const res = await api('POST', `/api/v1/app/${appId}/endpoint/${sl.id}/send-example`, { type: 'order.paid' });
    assert.equal(res.body.status, 200);
    assert.equal(res.body.body_excerpt, 'ok');
    assert.equal((await api('POST', `/api/v1/app/${appId}/endpoint/${sl.id}/verify`)).status, 409);
    const invalid: [unknown, string][] = [
      [{ kind: 'email' }, 'body.email'],
      [{ kind: 'slack' }, 'body.url'],
      [{ kind: 'fax', url: 'http://127.0.0.1:9/x' }, 'body.kind'],
      [emailChannel({}, { host: '10.0.0.1' }), 'body.email.smtp.host'],
      [{ ...emailChannel(), email: { ...emailChannel().email, to: ['not-an-address'] } }, 'body.email.to.0'],
      [{ url: 'http://127.0.0.1:9/x', email: emailChannel().email }, 'body.email'],
    ];
    for (const [body, field] of invalid) {
      const r = await api('POST', `/api/v1/app/${appId}/endpoint`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${JSON.stringify(body)} → ${JSON.stringify(r.body.errors)}`);
    }
  });
});
