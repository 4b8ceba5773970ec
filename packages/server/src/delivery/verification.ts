import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { openKeys } from '../crypto/endpoint-keys.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { newId } from '../ids.js';
import type { EndpointRow, Scope, Store } from '../store/types.js';
import { oneOffResult, type OneOffResult } from './one-off.js';
import type { DeliverOnce } from './transports.js';

export const VERIFICATION_EVENT = 'endpoint.verification';

/**
 * Did the receiver echo the challenge? Any of: a `webhook-challenge` response header, a JSON body
 * with `challenge`, or the raw value as the whole body. Only with a 2xx status.
 */
export function echoedChallenge(result: Pick<OneOffResult, 'ok' | 'body_excerpt' | 'response_headers'>, challenge: string): boolean {
  if (!result.ok) return false;
  if (result.response_headers?.['webhook-challenge'] === challenge) return true;
  const body = (result.body_excerpt ?? '').trim();
  if (body === challenge) return true;
  try {
    return (JSON.parse(body) as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}

export interface VerificationOutcome {
  verified: boolean;
  endpoint: EndpointRow | null;
  result: OneOffResult;
}

/**
 * The challenge (seeds 000/001): a signed `endpoint.verification` event carrying a random
 * challenge, sent with the endpoint's own scheme and envelope; echoing it enables the endpoint.
 */
export function makeVerifier(deps: { store: Store; deliverOnce: DeliverOnce; box: SecretBox; logger: Logger }) {
  return async function verifyEndpoint(scope: Scope, appId: string, endpointId: string): Promise<VerificationOutcome | null> {
    const now = Date.now();
    const runtime = await deps.store.getEndpointRuntime(scope, appId, endpointId, now);
    if (!runtime) return null;
    const challenge = randomBytes(24).toString('base64url');
    const event = { id: newId('msg', now), type: VERIFICATION_EVENT, payload: JSON.stringify({ challenge }), createdAt: now };
    const keys = runtime.sealed_secrets.map((s) => openKeys(deps.box, s));
    // Sent as a delivery is (the endpoint's headers, credentials and client certificate), but not
    // through its transformation: the challenge is Herald's, and must arrive as sent to be echoed.
    const sent = await deps.deliverOnce(event, { ...runtime, transformation: null }, keys, now);
    const result = oneOffResult(sent.request, sent.result);
    const verified = echoedChallenge(result, challenge);
    const error = verified
      ? null
      : result.error_message ?? (result.ok ? 'The response did not echo the challenge (JSON {"challenge": …}, the raw value, or a webhook-challenge header)' : `Receiver answered ${result.status}`);
    const endpoint = await deps.store.recordVerification(scope, appId, endpointId, { url: runtime.url, ok: verified, error }, Date.now());
    deps.logger.info({ endpoint_id: endpointId, verified }, 'endpoint verification challenge');
    return { verified, endpoint, result };
  };
}
export type VerifyEndpoint = ReturnType<typeof makeVerifier>;
