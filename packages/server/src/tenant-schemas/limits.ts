import type { FieldError } from '../errors.js';
import { compileLinear } from './engine.js';

/**
 * What an event-type schema may be, checked when it is saved (cheap, on the request's thread).
 * Size is a per-tenant quota; the rest are fixed bounds on the work one schema can ask for.
 */
export const SCHEMA_BOUNDS = {
  /** Objects and arrays nested inside the schema. */
  maxDepth: 32,
  /** JSON objects in the schema (each subschema is one). */
  maxNodes: 2000,
  /** Members of all its objects together (`properties: {a: true, …}` has no subschema objects). */
  maxMembers: 10_000,
  /** `pattern` keywords plus `patternProperties` keys. */
  maxPatterns: 100,
  maxPatternLength: 1000,
} as const;

/** Problems with `schema` as a tenant schema, as field errors under `field`; empty when it is acceptable. */
export function checkSchemaBounds(schema: unknown, maxBytes: number, field = 'body.schema'): FieldError[] {
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > maxBytes) return [{ field, message: `is ${bytes} bytes; schemas are limited to ${maxBytes} bytes` }];
  const errors: FieldError[] = [];
  let nodes = 0;
  let members = 0;
  let patterns = 0;
  const checkPattern = (source: unknown, where: string) => {
    patterns++;
    if (typeof source !== 'string') return;
    if (source.length > SCHEMA_BOUNDS.maxPatternLength) {
      errors.push({ field: where, message: `is ${source.length} characters; patterns are limited to ${SCHEMA_BOUNDS.maxPatternLength}` });
      return;
    }
    try {
      compileLinear(source);
    } catch (err) {
      errors.push({ field: where, message: `cannot run in linear time or is invalid (${(err as Error).message}); lookaround and backreferences are not supported` });
    }
  };
  // Iterative walk: depth is bounded by the body parser, but the schema's own bound is smaller.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: schema, path: field, depth: 0 }];
  while (stack.length && errors.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth > SCHEMA_BOUNDS.maxDepth) {
      errors.push({ field: path, message: `nests deeper than ${SCHEMA_BOUNDS.maxDepth} levels` });
      break;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}.${i}`, depth: depth + 1 }));
      continue;
    }
    if (++nodes > SCHEMA_BOUNDS.maxNodes) {
      errors.push({ field, message: `has more than ${SCHEMA_BOUNDS.maxNodes} objects` });
      break;
    }
    const obj = value as Record<string, unknown>;
    members += Object.keys(obj).length;
    if (members > SCHEMA_BOUNDS.maxMembers) {
      errors.push({ field, message: `has more than ${SCHEMA_BOUNDS.maxMembers} members in its objects` });
      break;
    }
    if ('pattern' in obj && typeof obj.pattern === 'string') checkPattern(obj.pattern, `${path}.pattern`);
    if (obj.patternProperties && typeof obj.patternProperties === 'object') {
      for (const key of Object.keys(obj.patternProperties)) checkPattern(key, `${path}.patternProperties.${key}`);
    }
    if (patterns > SCHEMA_BOUNDS.maxPatterns) {
      errors.push({ field, message: `has more than ${SCHEMA_BOUNDS.maxPatterns} patterns` });
      break;
    }
    for (const [k, v] of Object.entries(obj)) if (v && typeof v === 'object') stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
  }
  return errors;
}
