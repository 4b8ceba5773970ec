import type { SwaggerOptions } from '@fastify/swagger';
import { EXAMPLES } from './openapi-examples.js';
import { ERROR_DESCRIPTIONS, OPERATIONS, TAGS } from './openapi-operations.js';
import * as schemas from './schemas.js';

/**
 * The OpenAPI document, made worth generating clients from. Routes declare their schemas once
 * (they validate requests and shape responses); this turns what @fastify/swagger derives from
 * them into a document with named components referenced by `$ref`, operation ids and
 * descriptions, examples, problem+json errors and honest `required` flags.
 */

type Json = Record<string, any>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @fastify/swagger's spelling of a schema (`const` as a one-value `enum`; `patternProperties` as
 * `additionalProperties`, dropping the pattern): only to recognise, in the derived document, a
 * schema from schemas.ts. Components are written from schemas.ts itself, which loses nothing.
 */
function spell(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(spell);
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, spell(v)]));
  if (out.const !== undefined) {
    out.enum = [out.const];
    delete out.const;
  }
  const pattern = out.patternProperties as Json | undefined;
  if (pattern) {
    out.additionalProperties = Object.values(pattern)[0];
    delete out.patternProperties;
  }
  return out;
}

/** JSON with sorted keys: the same schema compares equal however its keys were ordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

/** `anyOf` of one-value string enums (TypeBox's literal unions) as one enum: what codegen expects. */
function mergeLiteralUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mergeLiteralUnions);
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mergeLiteralUnions(v)]));
  const members = out.anyOf as Json[] | undefined;
  const literal = (m: Json) => (m.const !== undefined ? m.const : Array.isArray(m.enum) && m.enum.length === 1 ? m.enum[0] : undefined);
  if (members?.length && members.every((m) => m.type === 'string' && literal(m) !== undefined && Object.keys(m).length === 2)) {
    const { anyOf: _members, ...rest } = out;
    return { ...rest, type: 'string', enum: members.map(literal) };
  }
  return out;
}

// Query, path and header shapes and single strings are not resources; they stay inline.
const INLINE = new Set(['PageQuery', 'LogQuery', 'AppParams', 'IdempotencyKey', 'SchemeName', 'PresetName', 'EndpointSecret', 'RetrySchedule']);

/** How a schema is recognised, whichever spelling it is in. */
const identity = (schema: unknown) => canonical(mergeLiteralUnions(spell(schema)));

interface Named {
  name: string;
  /** The schema as schemas.ts declares it, in plain JSON. */
  source: Json;
}

/** Every object or union schema schemas.ts exports becomes a component named after its export. */
function namedSchemas(): Map<string, Named> {
  const named = new Map<string, Named>();
  for (const [name, value] of Object.entries(schemas)) {
    if (INLINE.has(name) || !value || typeof value !== 'object' || !/^[A-Z]/.test(name)) continue;
    const source = JSON.parse(JSON.stringify(value)) as Json;
    if (source.type === 'object' || source.anyOf) named.set(identity(source), { name, source: mergeLiteralUnions(source) as Json });
  }
  return named;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const refName = (schema: Json | undefined) => (typeof schema?.$ref === 'string' ? (schema.$ref as string).split('/').pop()! : null);

class Components {
  readonly schemas: Record<string, Json> = {};
  constructor(private readonly named: Map<string, Named>) {}

  /** Replaces every named schema inside `node` (not `node` itself when `keep`) by a `$ref`. */
  refify(node: unknown, keep = false): any {
    if (Array.isArray(node)) return node.map((n) => this.refify(n));
    if (!node || typeof node !== 'object') return node;
    if (!keep) {
      const named = this.named.get(identity(node));
      if (named) {
        if (!this.schemas[named.name]) {
          this.schemas[named.name] = {};
          this.schemas[named.name] = this.refify(named.source, true);
        }
        return ref(named.name);
      }
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.refify(v)]));
  }

  /** A page of a named item is itself named: `EndpointPage`. Else the schema gets `fallback`. */
  name(schema: Json, fallback: string): Json {
    if (refName(schema) || schema.type !== 'object') return schema;
    const item = refName(schema.properties?.data?.items);
    const name = item && schema.properties?.iterator && schema.properties?.done ? `${item}Page` : fallback;
    this.schemas[name] ??= schema;
    return ref(name);
  }
}

// --- examples --------------------------------------------------------------------------------

const STRING_EXAMPLES: Record<string, string> = {
  url: 'https://acme.example.com/webhooks/herald',
  name: 'order.created',
  type: 'order.created',
  uid: 'acme',
  description: 'Order events',
  token: 'hk_test_4eC39HqLyjWDarjtT1zdp7dc',
  portal_token: 'hpt_4eC39HqLyjWDarjtT1zdp7dc',
  since: '2026-12-01T00:00:00.000Z',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  signing_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  key: 'Yk2w8J0pX4mD1rT6vB9nQ3sF7hL5zC0aE2gU8iO4kWc=',
  environment: 'test',
  format: 'json',
  id: 'msg_01jdx3x9a1s3d5f7g9h1j3k5l7',
};

class Examples {
  private readonly cache = new Map<string, unknown>();
  constructor(private readonly components: Record<string, Json>) {}

  of(schema: Json | undefined, request: boolean, field = ''): unknown {
    if (!schema) return {};
    const name = refName(schema);
    if (name) {
      const key = `${name}:${request}`;
      if (!this.cache.has(key)) this.cache.set(key, EXAMPLES[name] ?? this.of(this.components[name], request, field));
      return this.cache.get(key);
    }
    if (schema.example !== undefined) return schema.example;
    if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
    if (schema.const !== undefined) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
    if (alternatives) return this.of(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], request, field);
    switch (schema.type) {
      case 'string':
        if (schema.format === 'date-time') return '2026-12-01T09:30:00.000Z';
        if (schema.format === 'email') return 'ops@acme.example.com';
        if (schema.format === 'uri') return 'https://acme.example.com/webhooks/herald';
        return (STRING_EXAMPLES[field] ?? 'example').padEnd(schema.minLength ?? 0, 'x');
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return false;
      case 'null':
        return null;
      case 'array':
        return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => this.of(schema.items, request, field));
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, Json>;
        // A request shows what it needs; a response shows everything it carries.
        const keys = request ? ((schema.required as string[] | undefined) ?? []) : Object.keys(properties);
        return Object.fromEntries(keys.filter((k) => properties[k]).map((k) => [k, this.of(properties[k], request, k)]));
      }
      default:
        return field === 'payload' ? { order_id: 'ord_1234', total: 4200 } : {};
    }
  }
}

// --- the document ----------------------------------------------------------------------------

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted: committed; delivery follows',
  '204': 'No content',
};

/** Bodies of routes that parse their own (uploads): declared here, as no schema can say it. */
const RAW_BODIES: Record<string, Json> = {
  createRecord: {
    required: true,
    description: "The record's bytes, with their Content-Type (application/json for a JSON record)",
    content: {
      'application/json': { schema: ref('RecordContent'), example: { vcon: '0.0.1', parties: [{ tel: '+15551234567' }] } },
      'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
    },
  },
};

/** Success answers that are not JSON, as they are sent. */
const RAW_RESPONSES: Record<string, Record<string, Json>> = {
  getApplicationStream: {
    '200': {
      description: 'An event stream; it stays open',
      content: {
        'text/event-stream': {
          schema: { type: 'string' },
          example: 'event: ready\ndata: {"app_id":"app_01jdx3v4b6n8m0k2j4h6g8f0d2"}\n\nevent: deliveries\ndata: {}\n\n: keep-alive\n\nevent: endpoints\ndata: {}\n\n',
        },
      },
    },
  },
};

function transformDocument(derived: Json, publicUrl: string): Json {
  const doc = mergeLiteralUnions(derived) as Json;
  const components = new Components(namedSchemas());
  const problem = components.refify(schemas.Problem);
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of HTTP_METHODS.filter((m) => item[m])) {
      const op = item[method] as Json;
      const known = OPERATIONS[`${method.toUpperCase()} ${path}`];
      if (known) {
        op.operationId = known.id;
        op.description = known.description;
      }
      const id = (op.operationId as string | undefined) ?? `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`;
      // A query parameter with a default need not be sent: the server fills it in.
      for (const p of (op.parameters ?? []) as Json[]) if (p.in === 'query' && p.schema?.default !== undefined) p.required = false;

      const body = op.requestBody?.content?.['application/json'];
      if (body?.schema) body.schema = components.name(components.refify(body.schema), `${pascal(id)}Request`);
      if (RAW_BODIES[id]) op.requestBody = RAW_BODIES[id];

      const responses: Json = {};
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) >= 400) continue;
        const content = response.content?.['application/json'];
        if (content?.schema) content.schema = components.name(components.refify(content.schema), `${pascal(id)}Response`);
        responses[status] = { ...response, description: SUCCESS_DESCRIPTIONS[status] ?? 'OK' };
      }
      // Every route can be refused (401, 429) and can meet an unavailable store (503).
      const errors = new Set([...Object.keys(op.responses).filter((s) => Number(s) >= 400), '401', '429', '503']);
      for (const status of [...errors].sort()) {
        responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: problem } } };
      }
      op.responses = { ...responses, ...RAW_RESPONSES[id] };
    }
  }

  components.schemas.RecordContent = { description: 'A JSON record: any JSON document, stored and delivered by reference' };
  const examples = new Examples(components.schemas);
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const method of HTTP_METHODS.filter((m) => item[m])) {
      const op = item[method] as Json;
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Record<string, Json>)) {
        if (type === 'application/json' && media.example === undefined) media.example = examples.of(media.schema, true);
      }
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        const media = response.content?.['application/json'];
        if (media && Number(status) < 400) media.example = examples.of(media.schema, false);
      }
    }
  }

  return {
    ...doc,
    info: {
      ...doc.info,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: publicUrl, description: 'This Herald server' }],
    tags: TAGS,
    components: { ...doc.components, schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))) },
  };
}

export function openapiOptions(publicUrl: () => string): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Herald API',
        version: '0.1.0',
        description:
          'Webhook delivery: publish once; Herald signs, delivers at least once to every subscribed endpoint, retries and logs every attempt. ' +
          'Authenticate with an API key (`Authorization: Bearer hk_test_…`), or the admin token for the admin routes. Errors are RFC 9457 problem responses.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'hk_test_… / hk_live_… API key, or the admin token for /tenants' } } },
      security: [{ apiKey: [] }],
    },
    transformObject: (documents) => transformDocument((documents as { openapiObject: Json }).openapiObject, publicUrl()) as never,
  };
}
