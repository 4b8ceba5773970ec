import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { tracingFromEnv } from '../src/config.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
  links?: { traceId: string; spanId: string }[];
  status?: { code?: number; message?: string };
}

/** An OTLP/HTTP collector in this process: JSON requests decoded into spans, protobuf ones kept raw. */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; raw: { contentType: string; body: Buffer }[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const raw: { contentType: string; body: Buffer }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      raw.push({ contentType, body });
      if (req.url === '/v1/traces' && contentType.startsWith('application/json')) {
        const parsed = JSON.parse(body.toString('utf8')) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const r of parsed.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      }
      res.writeHead(200, { 'content-type': contentType || 'application/json' }).end(contentType.startsWith('application/json') ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
  return { url, spans, raw, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const attr = (span: OtlpSpan, key: string): unknown => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  if (!v) return undefined;
  return v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : v.boolValue ?? v.doubleValue);
};

const INCOMING_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const INCOMING_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry traces', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let h: TestHerald;
  let rx: Receiver;
  let key: string;
  let tenantId: string;
  before(async () => {
    collector = await startCollector();
    h = await startHerald({ tracing: { url: collector.url, protocol: 'http/json' } });
    rx = await startReceiver();
    const tenant = await createTenant(h);
    key = tenant.test;
    tenantId = tenant.id;
  });
  after(async () => {
    await h.close();
    await rx.close();
    await collector.close();
  });

  test('a publish continues the caller’s trace; each attempt is linked to it, with claim → build → send → record', async () => {
    const { appId, endpointId } = await createAppAndEndpoint(h, key, `${rx.url}/traced`, { trace_propagation: true });
    const published = await h.call('POST', `/api/v1/app/${appId}/msg`, {
      token: key,
      headers: { traceparent: `00-${INCOMING_TRACE}-${INCOMING_SPAN}-01` },
      body: { type: 'invoice.paid', payload: { n: 1 } },
    });
    assert.equal(published.status, 202);
    const messageId = published.body.id as string;
    const delivered = await waitFor(() => rx.received.find((r) => r.path === '/traced'), { what: 'the delivery' });
    await h.herald.tracing.flush();
    const attempt = await waitFor(async () => {
      await h.herald.tracing.flush();
      return collector.spans.find((s) => s.name === 'herald.delivery.attempt' && attr(s, 'herald.message_id') === messageId);
    }, { what: 'the attempt span' });

    const publish = collector.spans.find((s) => s.name === 'POST /api/v1/app/:app/msg' && attr(s, 'herald.message_id') === messageId);
    assert.ok(publish, 'the publish request has a span');
    assert.equal(publish.traceId, INCOMING_TRACE, 'the incoming traceparent is continued');
    assert.equal(publish.parentSpanId, INCOMING_SPAN);
    assert.equal(publish.kind, 2, 'server span');
    assert.equal(attr(publish, 'herald.tenant_id'), tenantId);
    assert.equal(attr(publish, 'herald.environment'), 'test');
    assert.equal(attr(publish, 'herald.app_id'), appId);
    assert.equal(attr(publish, 'http.response.status_code'), 202);

    // The attempt is its own trace (retries can run for days), linked to the publish.
    assert.deepEqual(attempt.links?.map((l) => [l.traceId, l.spanId]), [[publish.traceId, publish.spanId]]);
    assert.notEqual(attempt.traceId, publish.traceId);
    const delivery = await h.call('GET', `/api/v1/app/${appId}/msg/${messageId}/delivery`, { token: key });
    const deliveryId = delivery.body.data[0].id as string;
    const attempts = await h.call('GET', `/api/v1/app/${appId}/delivery/${deliveryId}/attempt`, { token: key });
    assert.deepEqual(
      Object.fromEntries(['herald.tenant_id', 'herald.environment', 'herald.app_id', 'herald.endpoint_id', 'herald.message_id', 'herald.delivery_id', 'herald.attempt_id', 'herald.attempt_number', 'herald.outcome', 'http.response.status_code'].map((k) => [k, attr(attempt, k)])),
      {
        'herald.tenant_id': tenantId, 'herald.environment': 'test', 'herald.app_id': appId, 'herald.endpoint_id': endpointId, 'herald.message_id': messageId,
        'herald.delivery_id': deliveryId, 'herald.attempt_id': attempts.body.data[0].id, 'herald.attempt_number': 1, 'herald.outcome': 'succeeded', 'http.response.status_code': 204,
      },
    );
    const children = collector.spans.filter((s) => s.parentSpanId === attempt.spanId && s.traceId === attempt.traceId);
    assert.deepEqual(children.map((s) => s.name).sort(), ['herald.build', 'herald.claim', 'herald.record', 'herald.send']);
    const send = children.find((s) => s.name === 'herald.send')!;
    assert.equal(send.kind, 3, 'client span');
    assert.equal(attr(send, 'server.address'), '127.0.0.1');
    assert.equal(attr(send, 'url.full'), undefined, 'the endpoint URL (it may carry credentials) is not exported');
    // The receiver continues the send span's trace.
    assert.equal(delivered.headers.traceparent, `00-${attempt.traceId}-${send.spanId}-01`);
  });

  test('an endpoint that did not opt in gets no traceparent; a failing attempt is an error span', async () => {
    rx.handler = (r, res) => void res.writeHead(r.path === '/failing' ? 503 : 204).end();
    const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/failing`, { retry_schedule: [0, 3600] });
    const published = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'invoice.paid', payload: { n: 2 } } });
    const delivered = await waitFor(() => rx.received.find((r) => r.path === '/failing'), { what: 'the delivery' });
    assert.equal(delivered.headers.traceparent, undefined);
    const attempt = await waitFor(async () => {
      await h.herald.tracing.flush();
      return collector.spans.find((s) => s.name === 'herald.delivery.attempt' && attr(s, 'herald.message_id') === published.body.id);
    }, { what: 'the attempt span' });
    assert.equal(attr(attempt, 'herald.outcome'), 'retrying');
    assert.equal(attr(attempt, 'herald.error_class'), 'http_status');
    assert.equal(attempt.status?.code, 2, 'status ERROR');
    // Without an incoming traceparent the publish starts a trace of its own, and the attempt links to it.
    const publish = collector.spans.find((s) => s.name === 'POST /api/v1/app/:app/msg' && attr(s, 'herald.message_id') === published.body.id)!;
    assert.equal(publish.parentSpanId ?? '', '');
    assert.deepEqual(attempt.links?.map((l) => l.spanId), [publish.spanId]);
  });

  test('a malformed incoming traceparent is ignored: a new trace starts', async () => {
    const res = await h.call('GET', '/api/v1/app', { token: key, headers: { traceparent: '00-zzzz-not-a-trace' } });
    assert.equal(res.status, 200);
    const span = await waitFor(async () => {
      await h.herald.tracing.flush();
      return collector.spans.find((s) => s.name === 'GET /api/v1/app');
    }, { what: 'the request span' });
    assert.match(span.traceId, /^[0-9a-f]{32}$/);
    assert.equal(span.parentSpanId ?? '', '');
  });
});

describe('tracing export', () => {
  test('OTLP over HTTP with protobuf, the default protocol', async () => {
    const collector = await startCollector();
    const h = await startHerald({ tracing: { url: collector.url, protocol: 'http/protobuf' } });
    const rx = await startReceiver();
    try {
      const { test: key } = await createTenant(h);
      const { appId } = await createAppAndEndpoint(h, key, rx.url);
      await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'a.b', payload: {} } });
      await waitFor(() => rx.received.length);
      const sent = await waitFor(async () => {
        await h.herald.tracing.flush();
        return collector.raw.find((r) => r.body.includes('herald.delivery.attempt'));
      }, { what: 'a protobuf export' });
      assert.equal(sent.contentType, 'application/x-protobuf');
    } finally {
      await h.close();
      await rx.close();
      await collector.close();
    }
  });

  test('off when no OTEL variable asks for it: no traceparent sent, even to an endpoint that opted in', async () => {
    const h = await startHerald();
    const rx = await startReceiver();
    try {
      assert.equal(h.herald.tracing.enabled, false);
      const { test: key } = await createTenant(h);
      const { appId } = await createAppAndEndpoint(h, key, rx.url, { trace_propagation: true });
      const published = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, headers: { traceparent: `00-${INCOMING_TRACE}-${INCOMING_SPAN}-01` }, body: { type: 'a.b', payload: {} } });
      assert.equal(published.status, 202);
      const delivered = await waitFor(() => rx.received[0]);
      assert.equal(delivered.headers.traceparent, undefined);
    } finally {
      await h.close();
      await rx.close();
    }
  });

  test('configured by the standard OTEL_* variables', () => {
    assert.equal(tracingFromEnv({}), null);
    assert.deepEqual(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }), { url: 'http://collector:4318/v1/traces', protocol: 'http/protobuf' });
    assert.deepEqual(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://t.example/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }), {
      url: 'https://t.example/traces',
      protocol: 'http/json',
    });
    assert.deepEqual(tracingFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' }), { url: 'http://localhost:4318/v1/traces', protocol: 'http/protobuf' });
    assert.equal(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }), null);
    assert.equal(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }), null);
    assert.throws(() => tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }), /http\/protobuf or http\/json/);
    assert.throws(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' }), /only "otlp" and "none"/);
    assert.throws(() => tracingFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' }), /http\(s\) URL/);
  });
});
