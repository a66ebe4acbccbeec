import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/app-error.js';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../../shared/error-codes.js';
import { errorCatalog } from '../../../shared/error-codes.js';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { keys?: unknown };
}

function toPath(context: string | undefined, instancePath: string): (string | number)[] {
  const segments = instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  return [context ?? 'body', ...segments];
}

/** Turns zod issues into field details: one per problem, unknown keys one per key. */
function validationDetails(
  items: readonly ValidationItem[],
  context: string | undefined,
): ErrorDetail[] {
  return items.flatMap((item): ErrorDetail[] => {
    const path = toPath(context, item.instancePath);
    if (item.keyword === 'unrecognized_keys' && Array.isArray(item.params?.keys)) {
      return item.params.keys.map((key) => ({
        path: [...path, String(key)],
        issue: 'unrecognized_key',
        message: 'Unknown field',
      }));
    }
    return [{ path, issue: item.keyword, message: item.message ?? 'Invalid value' }];
  });
}

// Fastify's own error codes for request-shape failures, mapped to the catalog. Matching on the
// error's `code` property (a stable identifier), never on its message.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
};

/** Classifies any thrown value into a catalog code, status and details. */
export function classifyError(error: unknown): {
  code: ErrorCode;
  details: ErrorBody['details'];
  unexpected: boolean;
} {
  if (error instanceof AppError) {
    return { code: error.code, details: error.details, unexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    return {
      code: 'validation.failed',
      details: validationDetails(error.validation, context),
      unexpected: false,
    };
  }
  const fastifyCode = (error as Partial<FastifyError> | null)?.code;
  if (typeof fastifyCode === 'string' && fastifyCode in fastifyCodes) {
    return { code: fastifyCodes[fastifyCode] ?? 'internal', details: [], unexpected: false };
  }
  if ((error as { statusCode?: number } | null)?.statusCode === 429) {
    return { code: 'request.rate_limited', details: [], unexpected: false };
  }
  return { code: 'internal', details: [], unexpected: true };
}

/** The one place errors become HTTP responses; no stack or driver message leaves. */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { code, details, unexpected } = classifyError(error);
  if (unexpected) {
    request.log.error({ err: error }, 'unexpected error');
  }
  const body: ErrorBody = {
    code,
    message: errorCatalog[code].message,
    details,
    requestId: request.id,
  };
  return reply.status(errorCatalog[code].status).type('application/json').send(body);
}
