import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/app-error.js';
import { newId } from '../crypto/index.js';
import type { Logger } from '../logger.js';
import { sendError } from './error-mapper.js';
import { registerJsonBodyParser } from './json-body.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerWebApp, wantsAppShell } from './static-web.js';

/** Options of the HTTP shell. */
export interface HttpOptions {
  logger: Logger;
  version: string;
  secure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** Folder of the built web application, or null to serve the API only. */
  webRoot: string | null;
}

/**
 * One log line per request at info level (on completion, with status and duration); the
 * arrival line moves to debug. Halves logging on busy servers without losing anything an
 * operator reads.
 */
class QuietArrivalLogs extends LogController {
  override incomingRequest(request: Parameters<LogController['incomingRequest']>[0]): void {
    request.log.debug({ req: request }, 'incoming request');
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;
/** The longest a request may take to arrive, headers and body. */
const requestTimeoutMs = 300_000;

/**
 * Creates the HTTP shell: request ids, JSON parsing, security headers, rate limits, cookies,
 * OpenAPI, the error mapper. Modules add their routes to the returned instance.
 */
export async function createHttpShell(options: HttpOptions) {
  const app = Fastify({
    // tsc needs the cast (pino's Logger vs Fastify's base logger type); the linter disagrees.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    logController: new QuietArrivalLogs(),
    // Accept a caller's request id (for tracing across services) only if it looks like one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : newId();
    },
    return503OnClosing: true,
    // Fastify's default (0) turns off Node's own limit, so a client sending an upload a byte at
    // a time would hold its connection and buffer for ever. Five minutes, Node's default,
    // leave a 28 MB import time to arrive over a slow field connection.
    requestTimeout: requestTimeoutMs,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBodyParser(app);
  // Set before any plugin is registered: a plugin's routes keep the error handler in force
  // when they are added, and Fastify's default one answers in a different shape.
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/'))
      void reply.header('cache-control', cacheControlOf(request.url, reply.statusCode));
    done(null, payload);
  });

  await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError('request.rate_limited', { retryAfterMs: context.ttl }), {
        statusCode: 429,
      }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        description:
          'Counter-trafficking data collection, protection, aggregation and safe publication.',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The documentation is public: every route registered in this child context is marked so.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { validatorUrl: null },
    });
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  const webRoot = options.webRoot;
  if (webRoot !== null) {
    await registerWebApp(app, webRoot);
  }
  app.setNotFoundHandler((request, reply) => {
    if (webRoot !== null && wantsAppShell(request.method, request.url)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(new AppError('request.not_found'), request, reply);
  });
  return app;
}

/** The Fastify instance every module registers routes on, typed by zod schemas. */
// The publication service re-reads published returns every 15 s (published-returns.ts); open data
// may be kept as long again by browsers and shared caches, so a retracted figure is gone from
// every cache within half a minute.
const openDataMaxAgeSeconds = 15;

/**
 * API responses may hold personal data: no cache may keep them. Only open data (`/api/public/`,
 * published and protected figures that anyone may read) answered in full or as unchanged.
 */
function cacheControlOf(url: string, status: number): string {
  const openData = url.startsWith('/api/public/') && (status === 200 || status === 304);
  return openData ? `public, max-age=${String(openDataMaxAgeSeconds)}` : 'no-store';
}

export type HttpApp = Awaited<ReturnType<typeof createHttpShell>>;

/**
 * Registers routes whose answers caches may keep (open data): in a scope of their own that tags
 * each answer with an ETag, so a client holding one asks again cheaply (304 when nothing
 * changed). Other routes are not hashed: no cache keeps them.
 */
export async function registerCacheableRoutes(
  app: HttpApp,
  register: (scope: HttpApp) => void,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyEtag);
    register(scope);
  });
}
