import type { FieldError } from '../errors.js';

/**
 * Payload filters: which messages of its event types an endpoint receives, decided at publish.
 *
 * The grammar follows Outpost's (and Hookdeck's): a filter is a JSON object shaped like the
 * payload. A key that does not start with `$` names a field; its value is the condition on that
 * field. A scalar condition is equality; an object condition applies to the field's value (more
 * fields to descend into, operators, or both); an array condition means the field is an array
 * holding a match for each of its items.
 *
 *   $eq $neq $gt $gte $lt $lte  scalar operand; ordering compares numbers with numbers and
 *                               strings with strings (so ISO 8601 timestamps compare by time)
 *   $in $nin                    array of scalars
 *   $startsWith                 string
 *   $exists                     boolean: the field is present (null counts as present)
 *   $and $or                    array of filters, all or one of which hold for the same value
 *   $not                        a filter that must not hold
 *
 * Arrays in the payload: a comparison holds for an array when it holds for one of its elements
 * ($neq and $nin: for none), and a filter naming fields holds for an array when one element
 * matches all of it. A numeric key indexes an array ("items": {"0": {...}}).
 */
export type PayloadFilter = { [key: string]: unknown };

/** Bounds on a stored filter, checked at save: it runs on every publish of its event types. */
export const FILTER_LIMITS = { maxBytes: 8192, maxDepth: 8, maxNodes: 256, maxListItems: 256, maxStringLength: 1024 } as const;

type Scalar = string | number | boolean | null;
type Comparison = '$eq' | '$neq' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$startsWith' | '$exists';
const COMPARISONS: readonly Comparison[] = ['$eq', '$neq', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$startsWith', '$exists'];
const LOGICAL = ['$and', '$or', '$not'] as const;
export const FILTER_OPERATORS = [...COMPARISONS, ...LOGICAL] as const;

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INDEX = /^(0|[1-9][0-9]{0,5})$/;

/** What is wrong with a filter, as field errors under `field` (empty: it may be saved). */
export function checkPayloadFilter(filter: unknown, field = 'body.payload_filter'): FieldError[] {
  if (filter === null || filter === undefined) return [];
  if (!isObject(filter)) return [{ field, message: 'must be an object' }];
  if (Buffer.byteLength(JSON.stringify(filter)) > FILTER_LIMITS.maxBytes) return [{ field, message: `is longer than ${FILTER_LIMITS.maxBytes} bytes as JSON` }];
  const errors: FieldError[] = [];
  let nodes = 0;
  const fail = (path: string, message: string) => {
    if (errors.length < 10) errors.push({ field: path, message });
  };
  const scalar = (v: unknown, path: string) => {
    if (!isScalar(v)) fail(path, 'must be a string, number, boolean or null');
    else if (typeof v === 'string' && v.length > FILTER_LIMITS.maxStringLength) fail(path, `is longer than ${FILTER_LIMITS.maxStringLength} characters`);
  };
  const list = (v: unknown, path: string, item: (x: unknown, p: string) => void) => {
    if (!Array.isArray(v) || v.length === 0) return fail(path, 'must be a non-empty array');
    if (v.length > FILTER_LIMITS.maxListItems) return fail(path, `has more than ${FILTER_LIMITS.maxListItems} items`);
    v.forEach((x, i) => item(x, `${path}[${i}]`));
  };
  const condition = (v: unknown, path: string, depth: number): void => {
    if (isObject(v)) node(v, path, depth + 1);
    else if (Array.isArray(v)) list(v, path, (x, p) => condition(x, p, depth + 1));
    else scalar(v, path);
  };
  const node = (f: Record<string, unknown>, path: string, depth: number): void => {
    if (depth > FILTER_LIMITS.maxDepth) return fail(path, `nests deeper than ${FILTER_LIMITS.maxDepth} levels`);
    for (const [key, operand] of Object.entries(f)) {
      const at = `${path}.${key}`;
      if (++nodes > FILTER_LIMITS.maxNodes) return fail(path, `has more than ${FILTER_LIMITS.maxNodes} conditions`);
      if (!key.startsWith('$')) {
        if (key.length === 0 || key.length > 256) fail(at, 'field names are 1–256 characters');
        else condition(operand, at, depth);
      } else if (key === '$and' || key === '$or') {
        list(operand, at, (x, p) => (isObject(x) ? node(x, p, depth + 1) : fail(p, 'must be a filter object')));
      } else if (key === '$not') {
        if (isObject(operand)) node(operand, at, depth + 1);
        else fail(at, 'must be a filter object');
      } else if (key === '$in' || key === '$nin') list(operand, at, scalar);
      else if (key === '$startsWith') {
        if (typeof operand !== 'string') fail(at, 'must be a string');
        else scalar(operand, at);
      } else if (key === '$exists') {
        if (typeof operand !== 'boolean') fail(at, 'must be true or false');
      } else if ((COMPARISONS as readonly string[]).includes(key)) scalar(operand, at);
      else fail(at, `is not an operator (one of ${FILTER_OPERATORS.join(' ')})`);
    }
  };
  node(filter, field, 1);
  return errors;
}

/** Whether `value` (a parsed payload) matches `filter`, which `checkPayloadFilter` accepted. */
export function matchesFilter(filter: PayloadFilter, value: unknown): boolean {
  if (Array.isArray(value) && Object.keys(filter).some((k) => !k.startsWith('$') && !INDEX.test(k))) return value.some((el) => matchesFilter(filter, el));
  for (const [key, operand] of Object.entries(filter)) {
    if (!holds(key, operand, value)) return false;
  }
  return true;
}

function holds(key: string, operand: unknown, value: unknown): boolean {
  switch (key) {
    case '$and':
      return (operand as PayloadFilter[]).every((f) => matchesFilter(f, value));
    case '$or':
      return (operand as PayloadFilter[]).some((f) => matchesFilter(f, value));
    case '$not':
      return !matchesFilter(operand as PayloadFilter, value);
    case '$exists':
      return (value !== undefined) === operand;
    case '$neq':
      return !compareAny('$eq', operand, value);
    case '$nin':
      return !compareAny('$in', operand, value);
    default:
      if (key.startsWith('$')) return compareAny(key as Comparison, operand, value);
      return matchesCondition(operand, child(value, key));
  }
}

function matchesCondition(condition: unknown, value: unknown): boolean {
  if (isObject(condition)) return matchesFilter(condition, value);
  if (Array.isArray(condition)) return Array.isArray(value) && condition.every((c) => value.some((el) => matchesCondition(c, el)));
  return compareAny('$eq', condition, value);
}

function child(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return INDEX.test(key) ? value[Number(key)] : undefined;
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A comparison on a value, or on one of its elements when it is an array. */
function compareAny(op: Comparison, operand: unknown, value: unknown): boolean {
  return Array.isArray(value) ? value.some((el) => compare(op, operand, el)) : compare(op, operand, value);
}

function compare(op: Comparison, operand: unknown, value: unknown): boolean {
  switch (op) {
    case '$eq':
      return value === operand;
    case '$in':
      return (operand as Scalar[]).includes(value as Scalar);
    case '$startsWith':
      return typeof value === 'string' && value.startsWith(operand as string);
    default: {
      if (typeof value !== typeof operand || (typeof value !== 'number' && typeof value !== 'string')) return false;
      const [a, b] = [value as number | string, operand as number | string];
      return op === '$gt' ? a > b : op === '$gte' ? a >= b : op === '$lt' ? a < b : a <= b;
    }
  }
}
