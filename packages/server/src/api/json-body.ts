import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../errors.js';

/**
 * Whether JSON text nests objects and arrays deeper than `max`, by one pass over the text
 * (before parsing: a deep body never becomes a deep object). Deep values overflow the stack of
 * every recursive walk after parsing (JSON.stringify, structured clone to the store thread).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Fastify's own JSON parser (prototype-poisoning checks included) behind a nesting limit. */
export function installJsonBodyParser(app: FastifyInstance, maxDepth: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body);
    if (nestsDeeperThan(text, maxDepth)) {
      return done(new HttpProblem(422, 'Unprocessable Content', `The request body nests objects and arrays deeper than ${maxDepth} levels`), undefined);
    }
    parse(req, text, done);
  });
}
