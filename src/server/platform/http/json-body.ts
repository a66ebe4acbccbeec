import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/app-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

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
        done(
          null,
          JSON.parse(text, (key, value: unknown) => {
            if (key === '__proto__') {
              throw new SyntaxError('forbidden key');
            }
            return value;
          }),
        );
      } catch {
        done(new AppError('request.malformed_json'), undefined);
      }
    },
  );
}
