import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/app-error.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { isPublicRoute } from '../../platform/http/route-context.js';
import type { SessionService } from './session-service.js';

/** Name of the session cookie. */
export const sessionCookie = 'vigil_session';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  // The scheme name is case-insensitive (RFC 9110, section 11.1).
  const match = /^Bearer (\S+)$/i.exec(header);
  if (match === null) throw new AppError('auth.token_invalid');
  return match[1] ?? null;
}

/**
 * Resolves the actor of every request as it arrives, before its body is read (so an anonymous
 * caller gets 401, not a validation error, and never makes the server take in and parse an
 * upload of tens of megabytes), and enforces CSRF on cookie-authenticated writes. Routes are
 * authenticated unless they declare `public: true`.
 */
export function registerAuthHook(app: HttpApp, sessions: SessionService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('viaCookie', false);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const bearer = bearerOf(request);
    const cookie = request.cookies[sessionCookie];
    const isPublic = isPublicRoute(request);
    if (bearer !== null) {
      request.actor = await sessions.resolveBearer(bearer);
      return;
    }
    if (cookie !== undefined && cookie !== '') {
      try {
        const { actor, csrfToken } = await sessions.resolveCookie(cookie);
        request.actor = actor;
        request.viaCookie = true;
        request.csrfToken = csrfToken;
        if (!safeMethods.has(request.method)) {
          const given = request.headers['x-csrf-token'];
          sessions.checkCsrf(csrfToken, typeof given === 'string' ? given : undefined);
        }
      } catch (error) {
        // A stale cookie on a public route (the login page, say) is simply ignored.
        if (!isPublic || !(error instanceof AppError) || error.code !== 'auth.session_expired') {
          throw error;
        }
      }
      return;
    }
    if (!isPublic) throw new AppError('auth.required');
  });
}
