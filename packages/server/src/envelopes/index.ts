/**
 * Envelopes are data: field names, the timestamp format, fixed extra fields, and which payload
 * fields move to the top level. A new provider's body shape is a spec, not code.
 */
export interface EnvelopeSpec {
  /** Field holding the event id, or null for none. */
  id_field: string | null;
  /** Field holding the event type, or null for none. */
  type_field: string | null;
  /** Field holding when the event was published, or null for none. */
  timestamp_field: string | null;
  timestamp_format: 'iso' | 'unix' | 'unix_ms';
  /** Fixed fields added to every body (e.g. `{"version": "1.0"}`). */
  static_fields: Record<string, unknown>;
  /** Payload fields moved to the top level (e.g. seed 003's `case_id`). */
  lift_fields: string[];
  /** Field the (rest of the) payload goes under; null merges its fields into the top level. */
  data_field: string | null;
}

const spec = (s: Partial<EnvelopeSpec>): EnvelopeSpec => ({
  id_field: null,
  type_field: null,
  timestamp_field: null,
  timestamp_format: 'iso',
  static_fields: {},
  lift_fields: [],
  data_field: null,
  ...s,
});

/** Named shapes; an application or endpoint may also carry its own spec. */
export const ENVELOPES: Record<string, EnvelopeSpec> = {
  /** Standard Webhooks: `{type, timestamp, data}`. */
  standard: spec({ type_field: 'type', timestamp_field: 'timestamp', data_field: 'data' }),
  /** Seed 002: `{id, type, created (unix seconds), data}`. */
  classic: spec({ id_field: 'id', type_field: 'type', timestamp_field: 'created', timestamp_format: 'unix', data_field: 'data' }),
  /** Seed 004: `{id, type, version: "1.0", created_at, data}`. */
  versioned: spec({ id_field: 'id', type_field: 'type', static_fields: { version: '1.0' }, timestamp_field: 'created_at', data_field: 'data' }),
  /** Seed 003: `{id, event, created_at, case_id?, session_id?, data}`. */
  event: spec({ id_field: 'id', type_field: 'event', timestamp_field: 'created_at', lift_fields: ['case_id', 'session_id'], data_field: 'data' }),
  /** Seeds 000/001: `{type, …payload fields}`. */
  flat: spec({ type_field: 'type' }),
  /** The payload exactly as published. */
  raw: spec({}),
};
export const ENVELOPE_NAMES = Object.keys(ENVELOPES) as [string, ...string[]];

export type EnvelopeChoice = string | EnvelopeSpec;

export function resolveEnvelope(choice: EnvelopeChoice): EnvelopeSpec {
  if (typeof choice !== 'string') return spec(choice);
  const found = ENVELOPES[choice];
  if (!found) throw new Error(`Unknown envelope "${choice}"`);
  return found;
}

export interface EnvelopeInput {
  id: string;
  type: string;
  /** The published payload, JSON text. */
  payload: string;
  /** When the message was published, ms. */
  createdAt: number;
}

function formatTime(ms: number, format: EnvelopeSpec['timestamp_format']): string | number {
  return format === 'iso' ? new Date(ms).toISOString() : format === 'unix' ? Math.floor(ms / 1000) : ms;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Encrypts the data part; `key_id` is also set at the top of the envelope. */
export interface DataEncrypter {
  keyId: string;
  encrypt(plaintext: string): unknown;
}

/**
 * The body a receiver gets, as the exact string that is signed and sent. With `encrypter`, the
 * data part (under `data_field`, or `data` for shapes that merge the payload) is replaced by its
 * encryption and `key_id` is added before it.
 */
export function buildBody(s: EnvelopeSpec, input: EnvelopeInput, encrypter?: DataEncrypter): string {
  const onlyPayload = !s.id_field && !s.type_field && !s.timestamp_field && !s.lift_fields.length && !Object.keys(s.static_fields).length;
  if (onlyPayload && !encrypter) return input.payload;
  const body: Record<string, unknown> = {};
  if (s.id_field) body[s.id_field] = input.id;
  if (s.type_field) body[s.type_field] = input.type;
  Object.assign(body, s.static_fields);
  if (s.timestamp_field) body[s.timestamp_field] = formatTime(input.createdAt, s.timestamp_format);
  // The stored payload is already compact JSON (JSON.stringify at publish), so the common shape
  // — a few fields and the payload under one key — is spliced as text instead of parsed and
  // re-serialised; the bytes are the same as the general path's.
  if (s.data_field && !encrypter && !s.lift_fields.length && !(s.data_field in body)) {
    const head = JSON.stringify(body);
    return `${head.length > 2 ? `${head.slice(0, -1)},` : '{'}${JSON.stringify(s.data_field)}:${input.payload}}`;
  }
  const payload: unknown = JSON.parse(input.payload);
  let rest = payload;
  if (s.lift_fields.length && isObject(payload)) {
    const remaining = { ...payload };
    for (const field of s.lift_fields) {
      if (field in remaining) {
        body[field] = remaining[field];
        delete remaining[field];
      }
    }
    rest = remaining;
  }
  if (encrypter) {
    body.key_id = encrypter.keyId;
    body[s.data_field ?? 'data'] = encrypter.encrypt(JSON.stringify(rest));
  } else if (s.data_field) body[s.data_field] = rest;
  else if (isObject(rest)) Object.assign(body, rest);
  else body.data = rest;
  return JSON.stringify(body);
}
