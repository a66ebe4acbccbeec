import i18next from 'i18next';
import { ApiError, clientErrorCodes, type FieldProblem } from '../api/api-client.js';

/** The error's catalog code, or the client's "unexpected" code for anything else. */
export function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : clientErrorCodes.unexpected;
}

/**
 * The user's-language sentence for an error. Codes are translated under `errors.<code>`; a
 * code this build does not know (a newer server) reads as the generic internal error, never
 * as the raw code.
 */
export function errorText(error: unknown): string {
  const key = `errors.${errorCode(error)}`;
  return i18next.exists(key) ? i18next.t(key) : i18next.t('errors.internal');
}

/** The API's request id of a server fault, for a user to quote to an administrator. */
export function errorReference(error: unknown): string | null {
  return error instanceof ApiError && error.status >= 500 ? error.requestId : null;
}

/**
 * True when a problem concerns a field. A field is named by its path below the request part,
 * dot-separated: `email` for `['body', 'email']`, `victim.identity.phone` for
 * `['body', 'victim', 'identity', 'phone']`, `perpetrators.0.name` for an item of a list. A
 * problem deeper than the field (`['body', 'verbs', 2]` for `verbs`) concerns it too.
 */
export function problemMatchesField(problem: FieldProblem, field: string): boolean {
  return field
    .split('.')
    .every((segment, index) => String(problem.path[index + 1] ?? '') === segment);
}

/** The problems the error reports for one field. */
export function problemsOf(error: unknown, field: string): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((problem) => problemMatchesField(problem, field));
}

/**
 * The message for a field. A specific catalog code (`org.slug_taken`) says the most; for a
 * generic validation failure, the issue is translated, first as this field's own wording
 * (`fieldIssues.slug.invalid_format`), then as the general one (`issues.too_small`).
 */
export function fieldErrorText(error: unknown, field: string): string | null {
  const problem = problemsOf(error, field)[0];
  if (problem === undefined || !(error instanceof ApiError)) return null;
  if (error.code !== 'validation.failed') return errorText(error);
  // An item of a list (`events.2.year`) reads its wording from the list's (`events.year`).
  const general = field
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  for (const key of [
    `fieldIssues.${field}.${problem.issue}`,
    `fieldIssues.${general}.${problem.issue}`,
    `issues.${problem.issue}`,
  ]) {
    if (i18next.exists(key)) return i18next.t(key);
  }
  return i18next.t('issues.invalid');
}

/**
 * A client-side "required" failure shaped like the API's, so forms show it the same way and
 * do not send a request that can only fail.
 */
export function requiredFieldsError(values: Record<string, string>): ApiError | null {
  const missing = Object.entries(values).filter(([, value]) => value.trim() === '');
  if (missing.length === 0) return null;
  return new ApiError({
    status: 0,
    code: 'validation.failed',
    details: missing.map(([field]) => ({ path: ['body', field], issue: 'required' })),
  });
}
