import type { SendEmail } from '../channels/email.js';
import { buildSlackRequest, classifySlack } from '../channels/slack.js';
import type { SigningKey } from '../crypto/endpoint-keys.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { EndpointRuntime } from '../store/types.js';
import { buildRequest, type OutgoingEvent } from './build-request.js';
import type { Deadline } from './deadline.js';
import type { TransformationSandbox } from '../transformations/sandbox.js';
import type { NetworkPolicy } from './network-policy.js';
import { applyTransformation, TransformationError } from './transformation.js';
import { EndpointAuthError, type EndpointClient } from './endpoint-auth.js';
import { DeliveryConfigError, type EncrypterFor } from './encryption.js';
import { maskSentHeaders, openHeaders, overlayHeaders } from './header-policy.js';
import type { Sender, SendResult } from './sender.js';
import { UNTRACED_ATTEMPT, type AttemptTrace } from '../tracing.js';

export interface TransportResult {
  request: { url: string; headers: Record<string, string>; body: string };
  result: SendResult;
}

/**
 * One delivery attempt over the endpoint's kind: a signed webhook, a Slack message or an email.
 * A delivery that cannot be built as configured is a failed attempt of class `configuration`.
 * The request it reports (for the attempt log and one-off sends) has credential headers masked.
 */
export function makeTransports(deps: {
  sender: Sender;
  client: EndpointClient;
  sendEmail: SendEmail;
  encrypterFor: EncrypterFor;
  userAgent: string;
  box: SecretBox;
  transformations: TransformationSandbox;
  policy: NetworkPolicy;
}) {
  /** `deadline`: the attempt's overall deadline (the dispatcher's); every transport stops when it fires. */
  /** `trace`: the attempt's spans (the dispatcher's); one-off sends are not traced. */
  return async function deliverOnce(event: OutgoingEvent, ep: EndpointRuntime, keys: SigningKey[], now: number, deadline?: Deadline, trace: AttemptTrace = UNTRACED_ATTEMPT): Promise<TransportResult> {
    try {
      switch (ep.kind) {
        case 'email': {
          if (!ep.channel_config) throw new DeliveryConfigError('This email channel has no settings');
          const sent = trace.send({}, { url: `smtp://${ep.channel_config.smtp.host}`, propagate: false });
          const { request, ...result } = await deps.sendEmail(ep.channel_config, event, ep.timeout_ms, deadline);
          sent({ status: null, errorClass: result.errorClass });
          return { request, result };
        }
        case 'slack': {
          const request = trace.build(() => buildSlackRequest(event, ep.url, ep.timeout_ms, ep.scheme_options.user_agent ?? deps.userAgent));
          const sent = trace.send(request.headers, { url: request.url, propagate: false });
          const result = classifySlack(await deps.sender.send(request, deadline));
          sent(result);
          return { request, result };
        }
        default: {
          let custom = event.headers ? overlayHeaders(openHeaders(deps.box, ep.headers), openHeaders(deps.box, event.headers)) : openHeaders(deps.box, ep.headers);
          let target = ep;
          if (ep.transformation) {
            const t = await applyTransformation({ sandbox: deps.transformations, policy: deps.policy }, ep.transformation, { eventType: event.type, payload: JSON.parse(event.payload) as unknown }, { ...ep, headers: custom });
            if (t.cancel) {
              const cancelled = { ok: false, status: null, headers: null, bodyExcerpt: null, durationMs: Math.round(t.duration_ms), errorClass: 'transformation' as const, errorMessage: "Cancelled by the endpoint's transformation", permanent: 'end' as const, cancelled: true };
              return { request: { url: ep.url, headers: {}, body: '' }, result: cancelled };
            }
            event = { ...event, payload: t.payload };
            custom = t.headers;
            target = { ...ep, url: t.url };
          }
          let sent: ((r: Pick<SendResult, 'status' | 'errorClass'>) => void) | undefined;
          const { request, result } = await deps.client.send(
            target,
            (auth) => {
              // Built again for a second try (a refreshed OAuth2 token); the first try's span ends with its 401.
              sent?.({ status: 401, errorClass: 'http_status' });
              const built = trace.build(() => buildRequest(event, { ...target, headers: overlayHeaders(custom, auth) }, keys, now, deps.userAgent, deps.encrypterFor(ep)));
              sent = trace.send(built.headers, { url: built.url, propagate: ep.trace_propagation });
              return built;
            },
            deadline,
          );
          sent!(result);
          return { request: { url: request.url, headers: maskSentHeaders(request.headers), body: request.body }, result };
        }
      }
    } catch (err) {
      if (!(err instanceof DeliveryConfigError || err instanceof EndpointAuthError || err instanceof TransformationError)) throw err;
      const errorClass = err instanceof EndpointAuthError ? 'auth' : err instanceof TransformationError ? 'transformation' : 'configuration';
      return {
        request: { url: ep.url, headers: {}, body: '' },
        result: { ok: false, status: null, headers: null, bodyExcerpt: null, durationMs: 0, errorClass, errorMessage: err.message },
      };
    }
  };
}
export type DeliverOnce = ReturnType<typeof makeTransports>;
