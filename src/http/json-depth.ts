// JSON bodies are refused past a nesting depth before they are parsed: nothing in the API nests
// deeper than a dozen levels, and a body nested thousands deep exhausts the stack of whatever reads
// it next (the validator, JSON.stringify, PostgreSQL's jsonb input).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.ts';

export const MAX_JSON_DEPTH = 64;

/** True when objects and arrays nest deeper than `max` (brackets inside strings do not count). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Replaces Fastify's JSON parser with the same one (prototype-poisoning checks included) behind the depth check. */
export function registerJsonDepthLimit(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
      return done(
        new AppError('invalid_request', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, {
          errors: [{ path: 'body', message: `at most ${MAX_JSON_DEPTH} levels of nesting` }],
        }),
        undefined,
      );
    return parse(request, text, done);
  });
}
