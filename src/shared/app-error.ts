import { errorCatalog, type ErrorCode, type ErrorDetail } from './error-codes.js';

/**
 * The one error type that carries a catalog code. Thrown anywhere on the server; the HTTP error
 * mapper turns it into `{ code, message, details, requestId }` with the catalog's status.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | Record<string, unknown>;

  constructor(
    code: ErrorCode,
    details: ErrorDetail[] | Record<string, unknown> = [],
    options?: { cause?: unknown },
  ) {
    super(errorCatalog[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}

/** True when `error` is an AppError with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
