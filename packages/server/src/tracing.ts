import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IncomingHttpHeaders } from 'node:http';
import type { TracingConfig } from './config.js';
import type { LoggedAttempt } from './delivery/attempt-log.js';
import type { ClaimedDelivery } from './store/types.js';

/** A span that records nothing: what every method hands out while tracing is off. */
const NOOP_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** When and how an attempt's delivery was leased: by a claim, or handed over by its publish. */
export interface ClaimWindow {
  startedAt: number;
  endedAt: number;
  via: 'claim' | 'handoff';
}

/**
 * One delivery attempt's spans: `herald.delivery.attempt`, linked to the publish request that
 * stored the message, with children for the claim, building the request, sending it and
 * recording the outcome.
 */
export interface AttemptTrace {
  build<T>(fn: () => T): T;
  /**
   * Opens the client span around the request; with `propagate`, its traceparent goes into the
   * request's headers (the endpoint opted in). The returned function closes it.
   */
  send(headers: Record<string, string>, target: { url: string; propagate: boolean }): (result: { status: number | null; errorClass: string | null }) => void;
  record<T>(fn: () => Promise<T>): Promise<T>;
  /** What the attempt's log line says (attempt-log.ts), onto its span. */
  end(attempt: LoggedAttempt): void;
}

export interface Tracing {
  readonly enabled: boolean;
  /** A server span for an API request, continuing the caller's `traceparent`. */
  startRequest(method: string, headers: IncomingHttpHeaders): Span;
  endRequest(span: Span, method: string, route: string, status: number, scope: { tenant_id: string; environment: string } | null): void;
  /** The W3C traceparent of a recorded span (stored with a message to link its attempts), else null. */
  traceparentOf(span: Span): string | null;
  startAttempt(d: ClaimedDelivery, claim: ClaimWindow): AttemptTrace;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export const UNTRACED_ATTEMPT: AttemptTrace = {
  build: (fn) => fn(),
  send: () => () => {},
  record: (fn) => fn(),
  end: () => {},
};

export const NO_TRACING: Tracing = {
  enabled: false,
  startRequest: () => NOOP_SPAN,
  endRequest: () => {},
  traceparentOf: () => null,
  startAttempt: () => UNTRACED_ATTEMPT,
  flush: async () => {},
  shutdown: async () => {},
};

const propagator = new W3CTraceContextPropagator();

function linkTo(traceparent: string | null): Link[] {
  if (!traceparent) return [];
  const context = trace.getSpanContext(propagator.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter));
  return context && isSpanContextValid(context) ? [{ context, attributes: { 'herald.link': 'publish' } }] : [];
}

/** The host a request went to, never the full URL: endpoint URLs may carry credentials. */
function serverAddress(url: string): Attributes {
  try {
    const u = new URL(url);
    return { 'server.address': u.hostname, 'url.scheme': u.protocol.replace(/:$/, '') };
  } catch {
    return {};
  }
}

function attemptTrace(tracer: Tracer, d: ClaimedDelivery, claim: ClaimWindow): AttemptTrace {
  const attempt = tracer.startSpan('herald.delivery.attempt', {
    kind: SpanKind.CONSUMER,
    startTime: claim.startedAt,
    links: linkTo(d.trace_context),
    attributes: {
      'herald.tenant_id': d.tenant_id,
      'herald.environment': d.environment,
      'herald.app_id': d.app_id,
      'herald.endpoint_id': d.endpoint_id,
      'herald.message_id': d.message_id,
      'herald.delivery_id': d.id,
      'herald.event_type': d.event_type,
      'herald.attempt_number': d.attempt_count + 1,
    },
  });
  const parent = trace.setSpan(ROOT_CONTEXT, attempt);
  tracer.startSpan('herald.claim', { startTime: claim.startedAt, attributes: { 'herald.claim.via': claim.via } }, parent).end(claim.endedAt);
  return {
    build(fn) {
      const span = tracer.startSpan('herald.build', {}, parent);
      try {
        return fn();
      } finally {
        span.end();
      }
    },
    send(headers, target) {
      const span = tracer.startSpan('herald.send', { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'POST', ...serverAddress(target.url) } }, parent);
      if (target.propagate) propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
      return (result) => {
        if (result.status !== null) span.setAttribute('http.response.status_code', result.status);
        if (result.errorClass) {
          span.setAttribute('error.type', result.errorClass);
          span.setStatus({ code: SpanStatusCode.ERROR, message: result.errorClass });
        }
        span.end();
      };
    },
    async record(fn) {
      const span = tracer.startSpan('herald.record', {}, parent);
      try {
        return await fn();
      } finally {
        span.end();
      }
    },
    end(o) {
      attempt.setAttributes({ 'herald.attempt_id': o.id, 'herald.attempt_number': o.number, 'herald.outcome': o.outcome, 'herald.duration_ms': o.duration_ms });
      if (o.response_status !== null) attempt.setAttribute('http.response.status_code', o.response_status);
      if (o.error_class) {
        attempt.setAttribute('herald.error_class', o.error_class);
        attempt.setStatus({ code: SpanStatusCode.ERROR, message: o.error_class });
      }
      attempt.end();
    },
  };
}

/**
 * OpenTelemetry tracing, exported over OTLP/HTTP when the standard OTEL_* variables ask for it
 * (config.ts reads them; the exporter and the SDK read their own: headers, timeouts, sampler,
 * batch sizes, resource attributes). The provider is Herald's own, not registered globally: an
 * application embedding Herald keeps its own.
 */
export async function makeTracing(config: TracingConfig | null): Promise<Tracing> {
  if (!config) return NO_TRACING;
  // Loaded only when tracing is on: the SDK and its exporters are a fifth of the server's start-up imports.
  const [{ BasicTracerProvider, BatchSpanProcessor }, { detectResources, envDetector, resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const exporter =
    config.protocol === 'http/json'
      ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({ url: config.url })
      : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter({ url: config.url });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'herald' }).merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('herald');
  return {
    enabled: true,
    startRequest(method, headers) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      return tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent);
    },
    endRequest(span, method, route, status, scope) {
      span.updateName(`${method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (scope) span.setAttributes({ 'herald.tenant_id': scope.tenant_id, 'herald.environment': scope.environment });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    traceparentOf(span) {
      if (!span.isRecording()) return null;
      const carrier: Record<string, string> = {};
      propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
      return carrier.traceparent ?? null;
    },
    startAttempt: (d, claim) => attemptTrace(tracer, d, claim),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
