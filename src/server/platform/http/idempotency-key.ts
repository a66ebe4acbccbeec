import { AppError } from '../../../shared/app-error.js';
import { idempotencyKeySchema } from '../../../shared/common-schemas.js';

/**
 * The `Idempotency-Key` header of a creating request, parsed at the edge like any input:
 * absent gives none; a malformed one is refused with its place named.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new AppError('validation.failed', [
      {
        path: ['headers', 'idempotency-key'],
        issue: 'invalid',
        message: parsed.error.issues[0]?.message ?? 'Invalid key',
      },
    ]);
  }
  return parsed.data;
}
