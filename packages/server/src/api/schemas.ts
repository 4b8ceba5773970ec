import { Type, type TSchema } from '@sinclair/typebox';
import { FIELD_NAME_PATTERN, FIELD_VALUE_PATTERN } from '../delivery/header-policy.js';
import { ENVELOPE_NAMES } from '../envelopes/index.js';
import { SCHEME_NAMES } from '../signing/index.js';
import { PRESET_NAMES } from '../presets/index.js';

/** Shared route schemas: they validate requests, shape responses and generate the OpenAPI document. */

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const Metadata = Type.Record(Type.String(), Type.String({ maxLength: 1000 }), { description: 'Free-form string pairs for your own use' });
export const RetrySchedule = Type.Array(Type.Number({ minimum: 0, maximum: 86_400 }), {
  minItems: 1,
  maxItems: 20,
  description: 'Seconds to wait before each attempt; the first is normally 0. Its length is the number of attempts.',
});

// Names that come from registries (schemes, envelopes, presets) are strings with an `enum`:
// validated and documented, while adding one stays a change in one place.
export const SchemeName = Type.String({ enum: [...SCHEME_NAMES], description: 'standard | standard-ed25519 | hmac-hex | timestamped' });
export const SchemeOptions = Type.Object(
  {
    header_name: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", maxLength: 100, description: 'timestamped: the signature header, e.g. X-Klarefi-Signature' })),
    signed_content: Type.Optional(Type.Union([Type.Literal('body'), Type.Literal('timestamp.body')])),
    header_names: Type.Optional(
      Type.Union([Type.Literal('webhook'), Type.Literal('svix'), Type.Literal('both')], { description: "standard schemes: webhook-id/-timestamp/-signature (default), Svix's svix-* names, or both sets" }),
    ),
    user_agent: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: FIELD_VALUE_PATTERN, description: 'No control characters' })),
  },
  { additionalProperties: false },
);
export const EnvelopeSpec = Type.Object(
  {
    id_field: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    type_field: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    timestamp_field: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    timestamp_format: Type.Union([Type.Literal('iso'), Type.Literal('unix'), Type.Literal('unix_ms')]),
    static_fields: Type.Record(Type.String(), Type.Unknown()),
    lift_fields: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 }),
    data_field: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
  },
  { additionalProperties: false, description: 'A custom body shape' },
);
export const Envelope = Type.Union([Type.String({ enum: [...ENVELOPE_NAMES] }), EnvelopeSpec], {
  description: 'standard | classic | versioned | event | flat | raw, or a custom spec',
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
    iterator: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), iterator: Type.Union([Type.String(), Type.Null()]), done: Type.Boolean() });
}

export const Tenant = Type.Object({ id: Type.String(), name: Type.String(), created_at: Timestamp });
export const ApiKey = Type.Object({
  id: Type.String(),
  environment: Type.Union([Type.Literal('test'), Type.Literal('live')]),
  name: Type.String(),
  key_hint: Type.String(),
  created_at: Timestamp,
  revoked_at: NullableTimestamp,
});

const ApplicationSettings = {
  signature_scheme: SchemeName,
  scheme_options: SchemeOptions,
  envelope: Envelope,
  require_verification: Type.Boolean({ description: 'New endpoints must echo a challenge before they receive anything' }),
  default_timeout_seconds: Type.Union([Type.Integer({ minimum: 1, maximum: 30 }), Type.Null()]),
  message_id_prefix: Type.Union([Type.Literal('msg'), Type.Literal('evt')]),
  encrypt_data: Type.Boolean({ description: "Encrypt the envelope's data with the application's active webhook key (AES-256-GCM)" }),
};
export const Application = Type.Object({
  id: Type.String(),
  uid: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  retry_schedule: Type.Union([RetrySchedule, Type.Null()]),
  metadata: Metadata,
  ...ApplicationSettings,
  preset: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const ApplicationWritable = {
  name: Type.String({ minLength: 1, maxLength: 256 }),
  uid: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$', description: 'Your own id for this application' }),
  retry_schedule: Type.Union([RetrySchedule, Type.Null()]),
  metadata: Metadata,
  ...ApplicationSettings,
};
export const PresetName = Type.String({ enum: [...PRESET_NAMES], description: 'Configure like a known provider (see GET /api/v1/presets)' });
export const ApplicationIn = Type.Object(
  {
    name: ApplicationWritable.name,
    uid: Type.Optional(ApplicationWritable.uid),
    retry_schedule: Type.Optional(ApplicationWritable.retry_schedule),
    metadata: Type.Optional(ApplicationWritable.metadata),
    signature_scheme: Type.Optional(ApplicationWritable.signature_scheme),
    scheme_options: Type.Optional(ApplicationWritable.scheme_options),
    envelope: Type.Optional(ApplicationWritable.envelope),
    require_verification: Type.Optional(ApplicationWritable.require_verification),
    default_timeout_seconds: Type.Optional(ApplicationWritable.default_timeout_seconds),
    message_id_prefix: Type.Optional(ApplicationWritable.message_id_prefix),
    encrypt_data: Type.Optional(ApplicationWritable.encrypt_data),
    preset: Type.Optional(PresetName),
  },
  { additionalProperties: false },
);
export const ApplicationPatch = Type.Partial(Type.Object(ApplicationWritable), { additionalProperties: false });

export const EventType = Type.Object({
  name: Type.String(),
  description: Type.String(),
  schema: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  example: Type.Unknown(),
  archived: Type.Boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const EventTypeIn = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    schema: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'JSON Schema every published payload of this type must satisfy' })),
    example: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
export const EventTypePatch = Type.Partial(
  Type.Object({
    description: Type.String({ maxLength: 2000 }),
    schema: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    example: Type.Unknown(),
    archived: Type.Boolean(),
  }),
  { additionalProperties: false },
);

const Headers = Type.Record(
  Type.String({ pattern: FIELD_NAME_PATTERN }),
  Type.String({ maxLength: 4096, pattern: FIELD_VALUE_PATTERN, description: 'No CR, LF, NUL or other control characters; Latin-1 only' }),
  {
    description:
      'Extra headers sent with every delivery (not the signature, content or routing headers). Credentials (Authorization, Cookie, *-Token, *-Key, *-Secret, *-Password) are stored sealed and read back as "********"; sending "********" back keeps the stored value.',
    maxProperties: 20,
    // Without it, names that miss the pattern would be let through unchecked.
    additionalProperties: false,
  },
);

export const EndpointSecret = Type.String({
  pattern: '^[\\x21-\\x7e]{16,200}$',
  description: 'Bring your own secret: whsec_ + base64 of 24–64 bytes for the standard scheme; any 16–200 printable characters for hmac-hex and timestamped',
});

const EndpointKind = Type.Union([Type.Literal('webhook'), Type.Literal('email'), Type.Literal('slack')], {
  description: 'webhook (signed HTTP POST), or a notification channel: email (SMTP) or slack (incoming webhook URL)',
});
export const EmailChannelIn = Type.Object(
  {
    to: Type.Array(Type.String({ format: 'email', maxLength: 254 }), { minItems: 1, maxItems: 20 }),
    from: Type.String({ format: 'email', maxLength: 254 }),
    subject_prefix: Type.Optional(Type.String({ maxLength: 100, description: 'Default "[Herald] "' })),
    smtp: Type.Object(
      {
        host: Type.String({ minLength: 1, maxLength: 253 }),
        port: Type.Integer({ minimum: 1, maximum: 65535 }),
        security: Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')], { description: 'tls: implicit TLS (465); starttls: upgrade required (587); none: plain, local relays only' }),
        username: Type.Optional(Type.String({ maxLength: 254 })),
        password: Type.Optional(Type.String({ maxLength: 1000, description: 'Stored encrypted; never returned' })),
        reject_unauthorized: Type.Optional(Type.Boolean({ description: "Check the relay's certificate (default true)" })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const EmailChannelOut = Type.Object({
  to: Type.Array(Type.String()),
  from: Type.String(),
  subject_prefix: Type.String(),
  smtp: Type.Object({
    host: Type.String(),
    port: Type.Integer(),
    security: Type.String(),
    username: Type.Union([Type.String(), Type.Null()]),
    has_password: Type.Boolean(),
    reject_unauthorized: Type.Boolean(),
  }),
});

/** Checked beyond its shape at save (delivery/payload-filter.ts): operators, operand types, size and depth. */
export const PayloadFilter = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'A JSON object shaped like the payload: a field name maps to a value (equality), a nested filter, or operators $eq $neq $gt $gte $lt $lte $in $nin $startsWith $exists; $and, $or and $not combine filters',
  examples: [{ amount: { $gte: 100 }, customer: { tier: { $in: ['gold', 'platinum'] } } }],
});

const MaskedSecret = (description: string, maxLength = 4096) => Type.String({ minLength: 1, maxLength, pattern: FIELD_VALUE_PATTERN, description: `${description}; read back as "********", which sent back keeps the stored value` });
const OAuthParam = Type.Union([Type.String({ minLength: 1, maxLength: 1024, pattern: '^[\\x20-\\x7e]+$' }), Type.Null()]);
/** How Herald authenticates to the receiver besides signing (README "Endpoint authentication"). */
export const EndpointAuth = Type.Union(
  [
    Type.Object({ type: Type.Literal('bearer'), token: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[\\x21-\\x7e]+$', description: 'Sent as "Authorization: Bearer <token>"; read back as "********"' }) }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('basic'), username: Type.String({ minLength: 1, maxLength: 256, pattern: '^[^:\\x00-\\x1f\\x7f]+$' }), password: MaskedSecret('The password', 1024) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('oauth2_client_credentials'),
        token_url: Type.String({ minLength: 1, maxLength: 2048, description: 'The token endpoint; https:// (http:// in the test environment), under the same network rules as endpoint URLs' }),
        client_id: Type.String({ minLength: 1, maxLength: 512, pattern: FIELD_VALUE_PATTERN }),
        client_secret: MaskedSecret('The client secret'),
        scope: Type.Optional(OAuthParam),
        audience: Type.Optional(OAuthParam),
        client_auth: Type.Optional(Type.Union([Type.Literal('basic'), Type.Literal('body')], { description: 'Client credentials in an HTTP Basic header (default) or in the form body' })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'bearer, basic or oauth2_client_credentials; the token is fetched, cached until it expires and fetched again once when the receiver answers 401' },
);
const Pem = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 16_384, description }), Type.Null()]);
export const EndpointTlsIn = Type.Object(
  {
    client_certificate: Type.Optional(Pem('PEM X.509 client certificate (chain allowed) presented to the receiver')),
    client_key: Type.Optional(Pem('PEM private key of the client certificate (unencrypted); read back as "********", which sent back keeps the stored key')),
    ca_certificate: Type.Optional(Pem("PEM CA certificate(s) the receiver's certificate must chain to, instead of the public roots")),
  },
  { additionalProperties: false },
);
export const EndpointTls = Type.Object({
  client_certificate: Type.Union([Type.String(), Type.Null()]),
  client_key: Type.Union([Type.String(), Type.Null()]),
  ca_certificate: Type.Union([Type.String(), Type.Null()]),
  client_certificate_subject: Type.Union([Type.String(), Type.Null()]),
  client_certificate_expires_at: NullableTimestamp,
});

export const Ordering = Type.Union([Type.Literal('unordered'), Type.Literal('fifo')], {
  description: 'fifo: one delivery at a time per ordering_key, in publish order; a failing delivery holds its line through its retries (README "Ordered delivery"). Default unordered',
});
export const OrderingFailure = Type.Union([Type.Literal('continue'), Type.Literal('pause')], {
  description: 'fifo: when a delivery fails for good, continue with the next of its line, or pause the line until it is retried or resent. Default continue',
});
const OrderingKey = Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7e]+$', description: 'At fifo endpoints, messages with the same key are delivered one at a time in publish order; different keys do not wait for each other' });

export const Channels = Type.Array(Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' }), { minItems: 1, maxItems: 10, uniqueItems: true });

export const Endpoint = Type.Object({
  id: Type.String(),
  app_id: Type.String(),
  uid: Type.Union([Type.String(), Type.Null()]),
  kind: EndpointKind,
  email: Type.Union([EmailChannelOut, Type.Null()]),
  url: Type.String(),
  description: Type.String(),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled'), Type.Literal('pending_verification')]),
  disabled_reason: Type.Union([Type.String(), Type.Null()]),
  throttled_until: Type.Union([Type.String({ format: 'date-time', description: 'Back-pressure: the receiver asked for a pause (429, 503 with Retry-After, repeated timeouts); nothing is sent before this time' }), Type.Null()]),
  throttle_reason: Type.Union([Type.String({ description: 'rate_limited, unavailable or timeouts' }), Type.Null()]),
  filter_types: Type.Union([Type.Array(Type.String()), Type.Null()]),
  channels: Type.Union([Type.Array(Type.String()), Type.Null()]),
  payload_filter: Type.Union([PayloadFilter, Type.Null()]),
  timeout_seconds: Type.Number(),
  retry_schedule: Type.Union([RetrySchedule, Type.Null()]),
  max_in_flight: Type.Integer(),
  rate_limit_per_second: Type.Union([Type.Integer(), Type.Null()]),
  headers: Type.Record(Type.String(), Type.String()),
  auth: Type.Union([EndpointAuth, Type.Null()]),
  tls: Type.Union([EndpointTls, Type.Null()]),
  transformation: Type.Union([Type.String(), Type.Null()]),
  ordering: Ordering,
  ordering_failure: OrderingFailure,
  metadata: Metadata,
  signature_scheme: Type.Union([SchemeName, Type.Null()], { description: "null: the application's scheme" }),
  scheme_options: Type.Union([SchemeOptions, Type.Null()]),
  envelope: Type.Union([Envelope, Type.Null()]),
  encrypt_data: Type.Union([Type.Boolean(), Type.Null()]),
  trace_propagation: Type.Boolean({ description: 'Deliveries carry a W3C traceparent header (when Herald exports traces)' }),
  secret: Type.String({ description: 'The signing secret: in full only in the response that created or rotated it, masked everywhere else' }),
  public_key: Type.String({ description: 'whpk_ Ed25519 public key for standard-ed25519 receivers' }),
  enabled_at: NullableTimestamp,
  verified_at: NullableTimestamp,
  verification_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const EndpointFields = {
  uid: Type.Union([Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$' }), Type.Null()], {
    description: 'Your own id for this endpoint, unique in its application; paths take it in place of the ep_ id',
  }),
  channels: Type.Union([Channels, Type.Null()], { description: 'Only messages published with one of these channels; null or absent for every message' }),
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'https:// (http:// is accepted in the test environment)' }),
  description: Type.String({ maxLength: 2000 }),
  filter_types: Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { minItems: 1, maxItems: 500 }), Type.Null()], {
    description: 'Event types this endpoint receives; null or absent for all',
  }),
  payload_filter: Type.Union([PayloadFilter, Type.Null()], {
    description: 'Only messages whose payload matches this filter (README "Payload filters"); null or absent for every message of its types',
  }),
  disabled: Type.Boolean(),
  // No `default` here: ajv would fill it in and hide the application's default timeout.
  timeout_seconds: Type.Integer({ minimum: 1, maximum: 30, description: "Seconds to wait for a response; default the application's, else 15" }),
  retry_schedule: Type.Union([RetrySchedule, Type.Null()]),
  max_in_flight: Type.Integer({ minimum: 1, maximum: 1000, description: 'Concurrent requests to this endpoint; default 10' }),
  rate_limit_per_second: Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()], { description: 'Requests per second across all workers; null for none' }),
  headers: Headers,
  auth: Type.Union([EndpointAuth, Type.Null()]),
  tls: Type.Union([EndpointTlsIn, Type.Null()], { description: 'mTLS: a client certificate and key, and/or a CA for the receiver; null for neither' }),
  transformation: Type.Union([Type.String({ minLength: 1, maxLength: 65_536 }), Type.Null()], {
    description: 'JavaScript defining function handler(webhook), run in a sandbox before each attempt (README "Transformations"); null for none',
  }),
  ordering: Ordering,
  ordering_failure: OrderingFailure,
  metadata: Metadata,
  signature_scheme: Type.Union([SchemeName, Type.Null()]),
  scheme_options: Type.Union([SchemeOptions, Type.Null()]),
  envelope: Type.Union([Envelope, Type.Null()]),
  encrypt_data: Type.Union([Type.Boolean(), Type.Null()], { description: "null: the application's setting" }),
  trace_propagation: Type.Boolean({ description: 'Send a W3C traceparent header with each delivery, continuing Herald\'s trace of the attempt (when Herald exports traces); default false' }),
};
export const EndpointIn = Type.Object(
  {
    kind: Type.Optional(EndpointKind),
    uid: Type.Optional(EndpointFields.uid),
    url: Type.Optional(EndpointFields.url),
    email: Type.Optional(EmailChannelIn),
    description: Type.Optional(EndpointFields.description),
    filter_types: Type.Optional(EndpointFields.filter_types),
    channels: Type.Optional(EndpointFields.channels),
    payload_filter: Type.Optional(EndpointFields.payload_filter),
    disabled: Type.Optional(EndpointFields.disabled),
    timeout_seconds: Type.Optional(EndpointFields.timeout_seconds),
    retry_schedule: Type.Optional(EndpointFields.retry_schedule),
    max_in_flight: Type.Optional(EndpointFields.max_in_flight),
    rate_limit_per_second: Type.Optional(EndpointFields.rate_limit_per_second),
    headers: Type.Optional(EndpointFields.headers),
    auth: Type.Optional(EndpointFields.auth),
    tls: Type.Optional(EndpointFields.tls),
    transformation: Type.Optional(EndpointFields.transformation),
    ordering: Type.Optional(EndpointFields.ordering),
    ordering_failure: Type.Optional(EndpointFields.ordering_failure),
    metadata: Type.Optional(EndpointFields.metadata),
    signature_scheme: Type.Optional(EndpointFields.signature_scheme),
    scheme_options: Type.Optional(EndpointFields.scheme_options),
    envelope: Type.Optional(EndpointFields.envelope),
    encrypt_data: Type.Optional(EndpointFields.encrypt_data),
    trace_propagation: Type.Optional(EndpointFields.trace_propagation),
    secret: Type.Optional(EndpointSecret),
  },
  { additionalProperties: false },
);
export const EndpointPatch = Type.Partial(Type.Object({ ...EndpointFields, email: EmailChannelIn }), { additionalProperties: false });

export const Message = Type.Object({
  id: Type.String(),
  event_id: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  payload: Type.Unknown(),
  record: Type.Union([Type.Object({ id: Type.String(), format: Type.String() }), Type.Null()], { description: 'The attached record; deliveries carry a pointer to it' }),
  channels: Type.Union([Type.Array(Type.String()), Type.Null()]),
  headers: Type.Record(Type.String(), Type.String(), { description: 'The message\'s own delivery headers; credentials read back as "********"' }),
  ordering_key: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
});
export const MessageIn = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$' }),
    payload: Type.Unknown({ description: 'Any JSON value; validated against the event type schema when it has one' }),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$', description: 'Your own event id: publishing it again returns the original message' })),
    channels: Type.Optional(Type.Union([Channels, Type.Null()], { description: 'Endpoints that list channels receive this message only when it carries one of theirs' })),
    ordering_key: Type.Optional(Type.Union([OrderingKey, Type.Null()])),
    headers: Type.Optional({
      ...Headers,
      description:
        "Headers sent with every delivery of this message, after the endpoint's own (a name both set takes this value) and never in place of the signature, content or routing headers. Credentials are stored sealed and read back as \"********\".",
    }),
    record: Type.Optional(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 64 }), format: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._+-]+$' }) },
        { additionalProperties: false, description: 'An uploaded record (POST /app/{app}/records); each delivery carries payload.record = {format, content_hash, download_url}' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IdempotencyKey = Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' });

export const MAX_BATCH_MESSAGES = 100;

export const BatchIn = Type.Object(
  {
    messages: Type.Array(
      Type.Object(
        { ...MessageIn.properties, idempotency_key: Type.Optional({ ...IdempotencyKey, description: "This message's Idempotency-Key: within 24 h, the same key with the same message replays the first" }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_BATCH_MESSAGES },
    ),
  },
  { additionalProperties: false },
);

export const BatchOut = Type.Object({
  data: Type.Array(
    Type.Object({
      status: Type.Integer({ description: '202 when the message was accepted, else the status POST /app/{app}/msg would have answered' }),
      message: Type.Optional(Message),
      replayed: Type.Optional(Type.Boolean({ description: 'An idempotency key or event id repeated an earlier message: this is that message, nothing new was stored' })),
      problem: Type.Optional(Problem),
    }),
  ),
});

const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivering'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('discarded'),
]);
export const Delivery = Type.Object({
  id: Type.String(),
  message_id: Type.String(),
  endpoint_id: Type.String(),
  type: Type.String(),
  status: DeliveryStatus,
  attempt_count: Type.Integer(),
  next_attempt_at: NullableTimestamp,
  last_attempt_at: NullableTimestamp,
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const Attempt = Type.Object({
  id: Type.String(),
  delivery_id: Type.String(),
  message_id: Type.String(),
  endpoint_id: Type.String(),
  type: Type.String(),
  attempt_number: Type.Integer(),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
  url: Type.String(),
  request_headers: Type.Record(Type.String(), Type.String()),
  response_status: Type.Union([Type.Integer(), Type.Null()]),
  response_headers: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  response_body: Type.Union([Type.String(), Type.Null()]),
  error_class: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the attempt failed: timeout, connection_refused, dns, tls, connection, http_status, blocked (the SSRF guard), smtp, configuration, auth (the OAuth2 token endpoint refused or failed), transformation (the transformation failed or cancelled the delivery); null when it succeeded',
  }),
  error_message: Type.Union([Type.String(), Type.Null()]),
  duration_ms: Type.Integer(),
  created_at: Timestamp,
});

export const LogQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(DeliveryStatus),
    endpoint_id: Type.Optional(Type.String({ maxLength: 64 })),
    type: Type.Optional(Type.String({ maxLength: 256 })),
    since: Type.Optional(Timestamp),
    until: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

/** The delivery log's query: LogQuery plus its searches. */
export const DeliveryQuery = Type.Object(
  {
    ...LogQuery.properties,
    type_prefix: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Deliveries of event types starting with this, e.g. `invoice.`' })),
    search: Type.Optional(
      Type.String({ minLength: 2, maxLength: 200, description: "Deliveries whose message payload contains this text (case-insensitive), among the application's newest 10,000 deliveries" }),
    ),
  },
  { additionalProperties: false },
);

export const PortalSettings = Type.Object(
  {
    name: Type.Union([Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$', examples: ['Acme webhooks'] }), Type.Null()], { description: 'The portal\'s title; null: "Webhooks"' }),
    logo_url: Type.Union([Type.String({ maxLength: 2048, pattern: '^https://[^\\s"\'<>]+$', description: 'An https:// image URL', examples: ['https://acme.example.com/logo.svg'] }), Type.Null()]),
    accent_color: Type.Union([Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: '#rrggbb', examples: ['#0a7d4f'] }), Type.Null()]),
    theme: Type.Union([Type.Literal('light'), Type.Literal('dark'), Type.Literal('auto')], { description: "auto follows the customer's system setting" }),
    show_delivery_settings: Type.Boolean({ description: 'Let customers see and change signature scheme, envelope and encryption (hidden by default)' }),
  },
  { additionalProperties: false },
);

export const AppParams = Type.Object({ app: Type.String({ maxLength: 256 }) });
export const errorResponses = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 410: Problem, 413: Problem, 415: Problem, 422: Problem, 429: Problem };

export const WebhookKey = Type.Object({
  key_id: Type.String(),
  hint: Type.String({ description: 'Masked: the last characters of the base64 key' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('retired')]),
  created_at: Timestamp,
  updated_at: Timestamp,
});
