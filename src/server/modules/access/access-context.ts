import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from './access-model.js';
import { requireActor, requireActorAllowingEnrolment } from './access-policy.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved by the auth hook before validation; null when the request is anonymous. */
    actor: Actor | null;
    /** True when the actor came from the session cookie (CSRF applies), not a bearer token. */
    viaCookie: boolean;
    /** The session's CSRF token, for `GET /api/me` to hand back to the web application. */
    csrfToken: string | null;
  }
}

/** The service context of an authenticated request; throws `auth.required` otherwise. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: requireActor(request.actor), requestId: request.id };
}

/** As contextOf, for the few routes a session may use before enrolling two-factor. */
export function enrolmentContextOf(request: FastifyRequest): RequestContext {
  return { actor: requireActorAllowingEnrolment(request.actor), requestId: request.id };
}
