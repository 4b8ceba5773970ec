/**
 * Hand-written examples for the API's main resources and request bodies, by component name.
 * Every other request body and response gets an example built from its schema (openapi.ts);
 * operations.test.ts validates every example in the document against its schema.
 */
const at = '2026-12-01T09:30:00.000Z';
const later = '2026-12-01T09:30:02.000Z';

const application = {
  id: 'app_01jdx3v8m6k2q9w4e5r7t8y0u1',
  uid: 'acme',
  name: 'Acme Corp',
  retry_schedule: null,
  metadata: { plan: 'enterprise' },
  signature_scheme: 'standard',
  scheme_options: {},
  envelope: 'standard',
  require_verification: false,
  default_timeout_seconds: null,
  message_id_prefix: 'msg',
  encrypt_data: false,
  preset: null,
  created_at: at,
  updated_at: at,
};

const endpoint = {
  id: 'ep_01jdx3w2c4v6b8n0m2k4j6h8g0',
  app_id: application.id,
  uid: null,
  kind: 'webhook',
  email: null,
  url: 'https://acme.example.com/webhooks/herald',
  description: 'Order events for the fulfilment service',
  status: 'enabled',
  disabled_reason: null,
  throttled_until: null,
  throttle_reason: null,
  filter_types: ['order.created', 'order.paid'],
  channels: null,
  payload_filter: { total: { $gte: 1000 }, currency: { $in: ['EUR', 'USD'] } },
  timeout_seconds: 15,
  retry_schedule: null,
  max_in_flight: 10,
  rate_limit_per_second: null,
  headers: {},
  auth: { type: 'oauth2_client_credentials', token_url: 'https://auth.acme.example.com/oauth/token', client_id: 'herald', client_secret: '********', scope: 'webhooks', audience: null, client_auth: 'basic' },
  tls: null,
  transformation: null,
  ordering: 'fifo',
  ordering_failure: 'continue',
  metadata: {},
  signature_scheme: null,
  scheme_options: null,
  envelope: null,
  encrypt_data: null,
  trace_propagation: false,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  public_key: 'whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=',
  enabled_at: at,
  verified_at: null,
  verification_error: null,
  created_at: at,
  updated_at: at,
};

const message = {
  id: 'msg_01jdx3x9a1s3d5f7g9h1j3k5l7',
  event_id: 'ord_1234-created',
  type: 'order.created',
  payload: { order_id: 'ord_1234', total: 4200, currency: 'EUR' },
  record: null,
  channels: null,
  headers: {},
  ordering_key: 'ord_1234',
  created_at: at,
};

const delivery = {
  id: 'dlv_01jdx3y4q6w8e0r2t4y6u8i0o2',
  message_id: message.id,
  endpoint_id: endpoint.id,
  type: message.type,
  status: 'succeeded',
  attempt_count: 1,
  next_attempt_at: null,
  last_attempt_at: later,
  last_status_code: 200,
  last_error: null,
  created_at: at,
  updated_at: later,
};

const problem = {
  type: 'https://herald.dev/problems/unprocessable-entity',
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'The payload does not match the schema of event type "order.created": /total must be integer',
  errors: [{ field: 'body.payload.total', message: 'must be integer' }],
};

export const EXAMPLES: Record<string, unknown> = {
  Application: application,
  ApplicationIn: { name: 'Acme Corp', uid: 'acme', metadata: { plan: 'enterprise' } },
  ApplicationPatch: { name: 'Acme Corporation', retry_schedule: [0, 5, 300, 1800, 7200] },
  Endpoint: endpoint,
  EndpointIn: { url: endpoint.url, description: endpoint.description, filter_types: endpoint.filter_types, payload_filter: endpoint.payload_filter },
  EndpointPatch: { filter_types: null, max_in_flight: 20, rate_limit_per_second: 50 },
  EventType: {
    name: 'order.created',
    description: 'An order was placed',
    schema: { type: 'object', required: ['order_id', 'total'], properties: { order_id: { type: 'string' }, total: { type: 'integer' }, currency: { type: 'string' } } },
    example: message.payload,
    archived: false,
    created_at: at,
    updated_at: at,
  },
  EventTypeIn: {
    name: 'order.created',
    description: 'An order was placed',
    schema: { type: 'object', required: ['order_id', 'total'], properties: { order_id: { type: 'string' }, total: { type: 'integer' } } },
    example: message.payload,
  },
  EventTypePatch: { description: 'An order was placed and paid for' },
  Message: message,
  MessageIn: { type: message.type, id: message.event_id, payload: message.payload, ordering_key: message.ordering_key },
  BatchIn: {
    messages: [
      { type: 'order.created', payload: { order_id: 'ord_1234', total: 4200 }, idempotency_key: 'ord_1234-created' },
      { type: 'order.created', payload: { order_id: 'ord_1235', total: 990 }, idempotency_key: 'ord_1235-created' },
    ],
  },
  BatchOut: {
    data: [
      { status: 202, message, replayed: false },
      { status: 422, problem },
    ],
  },
  Delivery: delivery,
  Attempt: {
    id: 'atm_01jdx3z7p9o1i3u5y7t9r1e3w5',
    delivery_id: delivery.id,
    message_id: message.id,
    endpoint_id: endpoint.id,
    type: message.type,
    attempt_number: 1,
    status: 'succeeded',
    url: endpoint.url,
    request_headers: {
      'content-type': 'application/json',
      'webhook-id': message.id,
      'webhook-timestamp': '1796117400',
      'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
    },
    response_status: 200,
    response_headers: { 'content-type': 'application/json' },
    response_body: '{"received":true}',
    error_class: null,
    error_message: null,
    duration_ms: 43,
    created_at: later,
  },
  Tenant: { id: 'ten_01jdx3t1a2b3c4d5e6f7g8h9j0', name: 'Acme Platform', created_at: at },
  ApiKey: { id: 'key_01jdx3t1k2m3n4p5q6r7s8t9v0', environment: 'test', name: 'default', key_hint: 'hk_test_…x8Qa', created_at: at, revoked_at: null },
  WebhookKey: { key_id: 'key_01jdx40b2n4m6k8j0h2g4f6d8s', hint: '…Yk2w', status: 'active', created_at: at, updated_at: at },
  Problem: problem,
};
