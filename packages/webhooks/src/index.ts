/**
 * @herald/webhooks — verify webhooks sent by Herald, for every signature scheme it speaks.
 *
 * Zero runtime dependencies: crypto comes from the Web Crypto API (`globalThis.crypto.subtle`),
 * which Node ≥ 20, Deno, Bun, browsers and edge runtimes all provide. Because Web Crypto is
 * asynchronous, verification returns a Promise.
 */
export { WebhookVerificationError } from './errors.js';
export { Webhook, type Scheme, type WebhookHeaders, type WebhookOptions } from './webhook.js';
export { verifyWebhookSignature, type TimestampedOptions } from './timestamped.js';
export { decryptData, type EncryptedData } from './decrypt.js';
export { fetchRecord, type FetchedRecord, type FetchRecordOptions, type Jwks } from './records.js';
export { HeraldApiError, HeraldClient, type Application, type Attempt, type Delivery, type DeliveryStatus, type EmailChannelInput, type Endpoint, type EndpointInput, type EventType, type SendResult, type HeraldClientOptions, type LogFilter, type Message, type Page, type Problem, type Session, type Tenant, type WebhookKey } from './client.js';
