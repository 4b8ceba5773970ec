/**
 * Every API operation's stable id and its longer description, keyed "METHOD /path" as the
 * OpenAPI document names it. Ids are resource-verb names, so generated clients read
 * `createEndpoint`, `listMessages`; a route missing here fails operations.test.ts.
 */
export interface OperationDoc {
  id: string;
  description: string;
}

export const OPERATIONS: Record<string, OperationDoc> = {
  // Sessions (dashboard and portal)
  'POST /api/v1/session': {
    id: 'createSession',
    description: 'Exchanges a credential for a browser session: an HttpOnly, SameSite=Strict cookie sealed with the master key, plus a CSRF token to send as `X-CSRF-Token` on every write. An admin session then picks a tenant and environment with `X-Herald-Tenant` / `X-Herald-Environment`.',
  },
  'GET /api/v1/session': {
    id: 'getSession',
    description: 'Who the session belongs to (admin, tenant or portal), its environment, the application a portal session is bound to, whether it is read-only, and when it expires.',
  },
  'DELETE /api/v1/session': {
    id: 'deleteSession',
    description: 'Revokes this session server-side (the cookie stops working everywhere it was copied) and clears the session and CSRF cookies.',
  },
  'POST /api/v1/session/sign-out-everywhere': {
    id: 'signOutEverywhere',
    description: 'Revokes every session of the caller: an admin ends every admin session, a tenant every session of that tenant, including customer portal sessions. Returns how many were revoked.',
  },

  // Tenants (admin token)
  'POST /api/v1/tenants': {
    id: 'createTenant',
    description: 'Creates a tenant with a test and a live environment, and one API key for each. The keys are returned in full this once; Herald stores only their hashes.',
  },
  'GET /api/v1/tenants': { id: 'listTenants', description: 'Every tenant, oldest first, paginated with `iterator`.' },
  'GET /api/v1/tenants/{tenant}/api-keys': {
    id: 'listTenantApiKeys',
    description: "A tenant's API keys, revoked ones included, with a hint (the first and last characters) instead of the key.",
  },
  'POST /api/v1/tenants/{tenant}/api-keys': {
    id: 'createTenantApiKey',
    description: 'Adds an API key for the test or live environment, e.g. to rotate keys without downtime. The key is returned in full this once.',
  },
  'DELETE /api/v1/tenants/{tenant}/api-keys/{key}': {
    id: 'revokeTenantApiKey',
    description: 'Revokes an API key at once, in every Herald process (the lookup cache is invalidated through the store).',
  },
  'GET /api/v1/tenants/{tenant}/limits': {
    id: 'getTenantLimits',
    description: "The tenant's rate limits and quotas: the values in force, the overrides set for this tenant, and the server defaults they fall back to.",
  },
  'PATCH /api/v1/tenants/{tenant}/limits': {
    id: 'updateTenantLimits',
    description: 'Overrides some of the tenant’s limits; `null` returns a limit to the server default. Takes effect at once in this process and within 5 seconds in the others.',
  },
  'DELETE /api/v1/tenants/{tenant}/sessions': {
    id: 'revokeTenantSessions',
    description: "Ends every browser session of the tenant, dashboard and customer portal alike, e.g. after a credential leak.",
  },
  'POST /api/v1/signing-keys/rotate': {
    id: 'rotateRecordSigningKey',
    description: 'Starts signing record downloads with a new RS256 key. Older keys stay in `/.well-known/jwks.json` so links signed before the rotation keep verifying.',
  },

  // Applications
  'POST /api/v1/app': {
    id: 'createApplication',
    description: "Creates an application, usually one per customer. It starts from the environment's delivery settings; `preset` configures it like a known provider (signature scheme, envelope, retry schedule) and installs that provider's event types.",
  },
  'GET /api/v1/app': { id: 'listApplications', description: "The environment's applications, newest first, paginated with `iterator`." },
  'GET /api/v1/app/{app}': { id: 'getApplication', description: 'An application by its `app_` id or by your own `uid`.' },
  'PATCH /api/v1/app/{app}': {
    id: 'updateApplication',
    description: "Changes some of an application's fields; the rest keep their values. New deliveries use the new settings; deliveries already signed keep theirs.",
  },
  'DELETE /api/v1/app/{app}': {
    id: 'deleteApplication',
    description: 'Deletes the application with its endpoints, messages, deliveries, attempts and records. Deliveries in flight are abandoned.',
  },
  'POST /api/v1/app/{app}/preset': {
    id: 'applyApplicationPreset',
    description: "Applies a provider preset to an existing application: its delivery settings, and those of its event types the environment does not have yet.",
  },
  'GET /api/v1/presets': {
    id: 'listPresets',
    description: 'The provider presets this server knows: what each configures (scheme, envelope, retry schedule, id prefix, encryption) and which event types it installs.',
  },

  // Event types
  'POST /api/v1/event-type': {
    id: 'createEventType',
    description: 'Adds an event type to the catalog. With a JSON Schema, every published payload of this type is validated against it (in a sandboxed, time-boxed compiler) and refused with 422 when it does not match.',
  },
  'GET /api/v1/event-type': { id: 'listEventTypes', description: 'The event catalog, paginated; archived types only with `include_archived=true`.' },
  'GET /api/v1/event-type/{name}': { id: 'getEventType', description: 'An event type by name, with its schema and example.' },
  'PATCH /api/v1/event-type/{name}': {
    id: 'updateEventType',
    description: 'Changes the description, schema or example, or archives the type: archived types can no longer be published, and stay in the log.',
  },
  'DELETE /api/v1/event-type/{name}': { id: 'deleteEventType', description: 'Removes an event type from the catalog. Messages already published keep their type.' },

  // Endpoints
  'POST /api/v1/app/{app}/endpoint': {
    id: 'createEndpoint',
    description: 'Adds a webhook endpoint (or an email or Slack channel) to an application. The response holds the signing secret (and the Ed25519 public key) in full this once; everywhere else it is masked. URLs are checked against the SSRF guard when created and again on every delivery.',
  },
  'GET /api/v1/app/{app}/endpoint': { id: 'listEndpoints', description: "An application's endpoints, newest first, with their health: status, throttling and verification." },
  'GET /api/v1/app/{app}/endpoint/{endpoint}': { id: 'getEndpoint', description: 'An endpoint by id, its secret masked.' },
  'PATCH /api/v1/app/{app}/endpoint/{endpoint}': {
    id: 'updateEndpoint',
    description: 'Changes some of an endpoint’s fields. `disabled: false` re-enables an endpoint that was disabled by hand or by failures, and clears its throttle.',
  },
  'DELETE /api/v1/app/{app}/endpoint/{endpoint}': { id: 'deleteEndpoint', description: 'Deletes the endpoint; its deliveries that have not finished are discarded.' },
  'GET /api/v1/app/{app}/endpoint-health': {
    id: 'listEndpointHealth',
    description: "Each endpoint's last 24 hours: attempts, successes and failures, success rate, median latency (of the newest 1,000 attempts) and the last failure. The dashboard's and portal's endpoint cards show it.",
  },
  'POST /api/v1/app/{app}/endpoint/{endpoint}/secret/rotate': {
    id: 'rotateEndpointSecret',
    description: 'Makes a new signing secret (or takes yours). The new one signs at once; the old ones keep signing beside it until `previous_expire_at`, so receivers can roll over without dropping a delivery. The response holds the new secret in full this once.',
  },
  'POST /api/v1/app/{app}/endpoint/{endpoint}/verify': {
    id: 'verifyEndpoint',
    description: 'Sends the verification challenge now and reports what the endpoint answered. An endpoint pending verification is enabled when it echoes the challenge.',
  },
  'POST /api/v1/app/{app}/endpoint/{endpoint}/send-example': {
    id: 'sendEndpointExample',
    description: "Sends an event type's example to this endpoint now, signed and shaped like a real delivery, and reports status, latency and a body excerpt. Nothing is stored in the log.",
  },
  'POST /api/v1/app/{app}/endpoint/{endpoint}/transformation/apply': {
    id: 'applyEndpointTransformation',
    description:
      "Runs a transformation (the code given, else the endpoint's saved one) on a sample payload with the endpoint's URL and headers, in the same sandbox and under the same limits as deliveries, and returns the webhook it would send, that it cancels, or why it fails. Nothing is sent or stored.",
  },
  'POST /api/v1/app/{app}/endpoint/{endpoint}/recover': {
    id: 'recoverEndpoint',
    description: 'Requeues every failed delivery of this endpoint created since a time, each with a fresh retry budget, e.g. after the receiver was down.',
  },
  'GET /api/v1/app/{app}/endpoint/{endpoint}/events': {
    id: 'listEndpointEvents',
    description: 'The polling fallback: what this endpoint should have received, oldest first, as the bodies it would have been sent. Resume with the `after` cursor of the last page; nothing is lost while a receiver is offline.',
  },

  // Messages
  'POST /api/v1/app/{app}/msg': {
    id: 'createMessage',
    description: 'Publishes a message. 202 means the message and one delivery per subscribed, enabled endpoint are committed; delivery follows at least once. An `Idempotency-Key` header or your own `id` makes retrying the request safe: the original message is returned.',
  },
  'GET /api/v1/app/{app}/msg': { id: 'listMessages', description: "An application's messages, newest first; filter by type and time." },
  'POST /api/v1/app/{app}/msg/batch': {
    id: 'createMessageBatch',
    description: 'Publishes up to 100 messages in one request and one transaction. Each message gets its own result, in order: the message, whether it replayed an earlier one, or the problem that refused it. Refused messages do not stop the others.',
  },
  'GET /api/v1/app/{app}/msg/{msg}': { id: 'getMessage', description: 'A message by its `msg_` id or by your own event id, with its payload.' },
  'POST /api/v1/app/{app}/msg/{msg}/endpoint/{endpoint}/resend': {
    id: 'resendMessage',
    description: 'Sends a message to one endpoint again, now, as a new delivery with a fresh retry budget, whatever happened to the earlier ones.',
  },

  // Delivery log
  'GET /api/v1/app/{app}/delivery': {
    id: 'listDeliveries',
    description:
      "An application's deliveries, newest first; filter by status, endpoint, event type and time. `type_prefix` and `search` (payload text, case-insensitive) look through the application's newest 10,000 deliveries: a bounded scan, whatever the history's size.",
  },
  'GET /api/v1/app/{app}/stream': {
    id: 'getApplicationStream',
    description:
      'Server-sent events telling a page what to reload: `ready` once, `deliveries` when a message, delivery or attempt of the application appeared or changed, `endpoints` when its endpoint list changed. Events carry no data beyond that; read it through the API. At most 20 streams per environment at once (429 beyond); each ends after 30 minutes.',
  },
  'GET /api/v1/app/{app}/msg/{msg}/delivery': { id: 'listMessageDeliveries', description: 'One delivery per endpoint the message was sent to, with its status and last attempt.' },
  'GET /api/v1/app/{app}/delivery/{delivery}': { id: 'getDelivery', description: 'A delivery: its status, attempt count, next and last attempt, last status code and error.' },
  'GET /api/v1/app/{app}/delivery/{delivery}/attempt': {
    id: 'listDeliveryAttempts',
    description: "A delivery's attempts, newest first: the request headers sent, the response status, headers and body excerpt, the error class and the duration.",
  },
  'GET /api/v1/app/{app}/attempt': { id: 'listAttempts', description: "Attempts across the application, newest first; filter by outcome (succeeded or failed), endpoint, event type and time." },
  'POST /api/v1/app/{app}/delivery/{delivery}/retry': {
    id: 'retryDelivery',
    description: 'Retries a failed or waiting delivery now, with a fresh retry budget. A delivery in flight or already succeeded is a 409.',
  },

  // Tools and settings
  'POST /api/v1/webhooks/test': {
    id: 'sendTestWebhook',
    description: 'Sends one signed sample event to any URL now (through the SSRF guard) and reports status, latency and a body excerpt. Nothing is stored.',
  },
  'GET /api/v1/settings': { id: 'getSettings', description: "This environment's delivery defaults: what a new application starts from." },
  'PATCH /api/v1/settings': {
    id: 'updateSettings',
    description: "Changes the environment's delivery defaults. Setting a preset applies its settings and installs its event types; existing applications keep theirs.",
  },

  // Webhook keys (encrypted data)
  'POST /api/v1/app/{app}/webhook-keys': {
    id: 'createWebhookKey',
    description: "Creates an AES-256 webhook key for the application's encrypted data and makes it the active one. The key is returned in full this once; receivers keep it beside the previous ones to decrypt by `key_id`.",
  },
  'GET /api/v1/app/{app}/webhook-keys': { id: 'listWebhookKeys', description: "The application's webhook keys, masked, with their status (active, inactive, retired)." },
  'POST /api/v1/app/{app}/webhook-keys/{key}/activate': { id: 'activateWebhookKey', description: 'Makes this key the one new deliveries are encrypted with; the previous active key becomes inactive.' },
  'POST /api/v1/app/{app}/webhook-keys/{key}/retire': { id: 'retireWebhookKey', description: 'Retires a key that no longer encrypts, once receivers no longer need it. The active key cannot be retired.' },

  // Records (pointer payloads)
  'POST /api/v1/app/{app}/records': {
    id: 'createRecord',
    description: 'Uploads a record (JSON or any bytes, streamed, up to 50 MiB) to reference from a message with `record`: deliveries then carry a signed pointer ({format, content_hash, download_url}) instead of the bytes.',
  },
  'GET /api/v1/app/{app}/records/{record}': { id: 'getRecord', description: 'A record’s metadata (format, size, content hash) and a fresh, expiring download URL.' },

  // Customer portal links
  'POST /api/v1/app/{app}/portal-link': {
    id: 'createPortalLink',
    description: "Creates a signed, expiring, revocable link to the customer portal for one application: your customer sees only that application's endpoints, logs and test tools. The token is returned this once.",
  },
  'GET /api/v1/app/{app}/portal-link': { id: 'listPortalLinks', description: "This application's portal links that have not expired, revoked ones included, newest first." },
  'DELETE /api/v1/app/{app}/portal-link': { id: 'revokePortalLinks', description: 'Revokes every live portal link of this application and ends the sessions opened from them.' },
  'DELETE /api/v1/app/{app}/portal-link/{link}': { id: 'revokePortalLink', description: 'Revokes one portal link and ends the sessions opened from it.' },
};

export const TAGS: { name: string; description: string }[] = [
  { name: 'dashboard sessions', description: 'Browser sessions for the dashboard and the customer portal.' },
  { name: 'admin', description: 'Operator routes, with the admin token: tenants, their API keys, limits and sessions, record signing keys.' },
  { name: 'applications', description: 'An application is where one customer’s endpoints and messages live.' },
  { name: 'event types', description: 'The catalog of what can be published, each type with an optional JSON Schema and an example.' },
  { name: 'endpoints', description: 'Where deliveries go: webhook URLs, or email and Slack channels; their secrets, verification and recovery.' },
  { name: 'messages', description: 'Publishing: one message, delivered at least once to every subscribed endpoint.' },
  { name: 'delivery log', description: 'The delivery log: each delivery, its attempts, retries and resends.' },
  { name: 'settings', description: "An environment's delivery defaults." },
  { name: 'webhook keys', description: "Keys for an application's encrypted data (AES-256-GCM)." },
  { name: 'records', description: 'Large payloads stored by Herald and delivered as signed pointers.' },
  { name: 'customer portal', description: 'Links that open the customer portal for one application.' },
];

/** What each error status means across the API (RFC 9457 problem responses). */
export const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Bad request: the body is not valid JSON, or is missing where one is needed',
  '401': 'No credential, or one that is not valid',
  '403': 'The credential may not do this (e.g. a read-only portal link, or a missing CSRF token)',
  '404': 'No such resource in this environment',
  '409': 'Conflicts with the current state (e.g. a name already taken, an idempotency key in use)',
  '410': 'Gone: expired or revoked',
  '413': 'The body is larger than this route accepts',
  '415': 'Unsupported content type: send application/json',
  '422': 'Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks',
  '429': 'Rate limited or over a quota; Retry-After says when to try again',
  '503': 'The store is unavailable; Retry-After says when to try again',
};
