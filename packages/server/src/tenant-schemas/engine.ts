import Ajv, { type AnySchema, type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import { fastFormats, fullFormats } from 'ajv-formats/dist/formats.js';
import { RE2JS } from 're2js';

/**
 * The JSON Schema engine for tenants' event-type schemas. Tenants are untrusted, so nothing a
 * schema says may backtrack: every regular expression (`pattern`, `patternProperties`, formats)
 * runs on RE2 (linear in the input), and `uniqueItems` is checked in one pass over canonical
 * JSON instead of Ajv's pairwise deep comparison (quadratic). What can still be slow (nested
 * combinators over large payloads) is bounded by the sandbox's time budget, not here.
 */

/** Compiles with RE2; throws RE2's syntax error for what it cannot run in linear time (lookaround, backreferences). */
export function compileLinear(source: string, caseInsensitive = false): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(source), caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
}

function re2Engine(pattern: string): { test(s: string): boolean; toString(): string } {
  const re = compileLinear(pattern);
  return { test: (s) => re.test(s), toString: () => `re2:${pattern}` };
}
// Ajv emits this name only in standalone code, which Herald never generates.
re2Engine.code = 're2js';

const linear = (rx: RegExp) => {
  const re = compileLinear(rx.source, rx.flags.includes('i'));
  return (s: string) => re.test(s);
};

/**
 * ajv-formats' formats with every regular expression moved to RE2. Three full definitions use
 * lookaround; `uri` is a function over a long backtracking expression: those take the simpler
 * "fast" definitions or an equivalent without lookaround.
 */
function linearFormats(): Record<string, Format> {
  const out: Record<string, Format> = {};
  for (const [name, format] of Object.entries(fullFormats)) {
    if (format instanceof RegExp) {
      try {
        out[name] = linear(format);
      } catch {
        // handled below
      }
    } else if (format && typeof format === 'object' && 'validate' in format && format.validate instanceof RegExp) {
      out[name] = { ...format, validate: linear(format.validate) } as Format;
    } else {
      out[name] = format as Format;
    }
  }
  const duration = compileLinear('^P((\\d+Y)?(\\d+M)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?|(\\d+W)?)$');
  // The full expression's lookaheads: "P" alone and a "T" with nothing after it are not durations.
  out.duration = (s: string) => s !== 'P' && !/T$/.test(s) && duration.test(s);
  const label = compileLinear('^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\\.?$', true);
  out.hostname = (s: string) => s.replace(/\.$/, '').length >= 1 && s.replace(/\.$/, '').length <= 253 && label.test(s);
  out.url = linear(/^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:[^\s/?#:]+|\[[0-9a-f:.]+\])(?::\d{2,5})?(?:[/?#]\S*)?$/i);
  out.uri = linear(fastFormats.uri as RegExp);
  out['uri-reference'] = linear(fastFormats['uri-reference'] as RegExp);
  return out;
}

/** JSON with object keys sorted: equal JSON Schema instances give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function uniqueItems(this: unknown, schema: boolean, data: unknown[]): boolean {
  const validate = uniqueItems as unknown as { errors: Partial<ErrorObject>[] | null };
  validate.errors = null;
  if (!schema) return true;
  const seen = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const key = canonical(data[i]);
    const j = seen.get(key);
    if (j !== undefined) {
      validate.errors = [{ keyword: 'uniqueItems', message: `must NOT have duplicate items (items ## ${j} and ${i} are identical)`, params: { i: j, j: i } }];
      return false;
    }
    seen.set(key, i);
  }
  return true;
}

export function makeTenantAjv(): Ajv.default {
  // addUsedSchema: false keeps every compile apart: a tenant's `$id` never becomes a `$ref`
  // target for another tenant's schema (nor collides with it).
  // useDefaults: a schema's `default` values fill in what the publisher left out (seed 004's version).
  const ajv = new Ajv.default({ allErrors: true, strict: false, useDefaults: true, addUsedSchema: false, code: { regExp: re2Engine as never } });
  for (const [name, format] of Object.entries(linearFormats())) ajv.addFormat(name, format);
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', validate: uniqueItems as never, errors: true });
  return ajv;
}

/** At most this many errors are reported for one payload (a 100,000-item array can fail 100,000 times). */
export const MAX_REPORTED_ERRORS = 20;

export type SchemaError = Pick<ErrorObject, 'instancePath' | 'keyword' | 'message' | 'params'>;

/** What a validation found: the errors, or (valid) the payload as receivers will get it when defaults filled it in. */
export type ValidationOutcome = { errors: SchemaError[] } | { errors: null; filled: string | null };

/** Compiled validators by cache key, for one thread. */
export function makeValidatorCache(ajv: Ajv.default, capacity = 1000) {
  const cache = new Map<string, { fn: ValidateFunction; fills: boolean }>();
  return {
    compile(schema: AnySchema): ValidateFunction {
      return ajv.compile(schema);
    },
    /**
     * Validates JSON text with the validator cached under `key`, compiling `schema` first if given
     * and not cached (then calling `compiled`); 'missing' when neither.
     */
    validate(key: string, schema: AnySchema | undefined, payload: string, compiled?: () => void): ValidationOutcome | 'missing' {
      let entry = cache.get(key);
      if (!entry) {
        if (schema === undefined) return 'missing';
        entry = { fn: ajv.compile(schema), fills: JSON.stringify(schema).includes('"default"') };
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
        cache.set(key, entry);
        compiled?.();
      }
      const data: unknown = JSON.parse(payload);
      if (entry.fn(data)) return { errors: null, filled: entry.fills ? JSON.stringify(data) : null };
      return { errors: (entry.fn.errors ?? []).slice(0, MAX_REPORTED_ERRORS).map(({ instancePath, keyword, message, params }) => ({ instancePath, keyword, message, params })) };
    },
  };
}
