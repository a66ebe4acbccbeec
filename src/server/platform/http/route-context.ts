import type { FastifyRequest } from 'fastify';

// Route-level options every route may set in `config`. Routes are authenticated unless they
// say `public: true`, so a forgotten flag fails closed.
declare module 'fastify' {
  interface FastifyContextConfig {
    public?: boolean;
    /** Allowed for a session that has yet to enrol two-factor authentication. */
    allowDuringEnrolment?: boolean;
  }
}

/**
 * True when the matched route opted out of authentication. Unmatched paths are public too:
 * they answer 404 (or the web application's shell) and touch no data.
 */
export function isPublicRoute(request: FastifyRequest): boolean {
  return request.is404 || request.routeOptions.config.public === true;
}
