/**
 * @herald/webhooks — verify webhooks sent by Herald.
 *
 * Zero runtime dependencies: crypto comes from the Web Crypto API (`globalThis.crypto.subtle`),
 * which Node ≥ 20, Deno, Bun, browsers and edge runtimes all provide. Because Web Crypto is
 * asynchronous, `verify` returns a Promise.
 */
export { WebhookVerificationError } from './errors.js';
export { Webhook, type WebhookHeaders, type WebhookOptions } from './standard.js';
