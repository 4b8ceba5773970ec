import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// Two compilers: bodies are strict (no type coercion, unknown fields rejected by the schemas),
// while query strings and path params are text by nature and are coerced.
function makeAjv(coerce: boolean) {
  const ajv = new Ajv.default({ allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, strict: false });
  addFormats.default(ajv);
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const body = makeAjv(false);
  const text = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}

/** For tenants' event-type JSON Schemas: compiled once per schema version, then reused. */
export function makePayloadValidator() {
  const ajv = makeAjv(false);
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    /** Throws if `schema` is not a usable JSON Schema. */
    check(schema: Record<string, unknown>): void {
      ajv.compile(schema);
    },
    validate(cacheKey: string, schema: Record<string, unknown>, payload: unknown) {
      let fn = cache.get(cacheKey);
      if (!fn) {
        fn = ajv.compile(schema);
        if (cache.size > 1000) cache.clear();
        cache.set(cacheKey, fn);
      }
      return fn(payload) ? null : (fn.errors ?? []);
    },
  };
}
export type PayloadValidator = ReturnType<typeof makePayloadValidator>;
