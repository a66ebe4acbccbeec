import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/app-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function refuseProtoKey(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('forbidden key');
  return value;
}

/**
 * False when the text cannot hold a `__proto__` key: in JSON such a key is spelt out literally or
 * with `\u` escapes. Parsing with a reviver is several times slower, so only such text pays it.
 */
function mayHoldProtoKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('\\u');
}

/**
 * Replaces Fastify's JSON parser with one that refuses invalid UTF-8 (which would otherwise be
 * silently replaced by U+FFFD and stored) and answers malformed JSON with a catalog code.
 * Prototype-poisoning keys are refused as Fastify's parser does.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  // JSON is the only body the API accepts; anything else (text/plain included, which Fastify
  // parses by default) is answered 415 before it reaches a route.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (_request, body: Buffer, done) => {
      let text: string;
      try {
        text = strictUtf8.decode(body);
      } catch {
        done(new AppError('request.invalid_utf8'), undefined);
        return;
      }
      if (text.trim() === '') {
        done(new AppError('request.malformed_json', { reason: 'empty body' }), undefined);
        return;
      }
      try {
        done(null, mayHoldProtoKey(text) ? JSON.parse(text, refuseProtoKey) : JSON.parse(text));
      } catch {
        done(new AppError('request.malformed_json'), undefined);
      }
    },
  );
}
