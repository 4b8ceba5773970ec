import type { Environment } from '../crypto/tokens.js';
import type { FieldError } from '../errors.js';
import type { NetworkPolicy } from './network-policy.js';

/**
 * Where an endpoint (or its token endpoint, or a transformation's new URL) may point: absolute
 * http(s), https in the live environment, no credentials or fragment, and not an address the
 * network policy refuses by its literal (names are checked again at connect time).
 */
export function checkEndpointUrl(raw: string, environment: Environment, policy: NetworkPolicy, field = 'body.url'): FieldError | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { field, message: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { field, message: 'must use https:// (or http:// in the test environment)' };
  if (url.protocol === 'http:' && environment === 'live') return { field, message: 'must use https:// in the live environment' };
  if (!url.hostname) return { field, message: 'must have a host' };
  // Credentials in the URL are stored and listed in clear, and end up in logs: send them as a header (sealed) instead.
  if (url.username || url.password) return { field, message: 'must not carry credentials (user:password@); set an Authorization header instead, which is stored sealed' };
  if (url.hash) return { field, message: 'must not have a #fragment' };
  try {
    policy.checkLiteral(url.hostname);
  } catch {
    return { field, message: 'points at a private, loopback, link-local or reserved address' };
  }
  return null;
}

