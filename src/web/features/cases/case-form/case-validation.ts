import {
  caseRecordSchema,
  caseUpdateBodySchema,
  createCaseBodySchema,
  type CaseRecord,
} from '../../../../shared/case-schemas.js';
import { ApiError, type FieldProblem } from '../../../api/api-client.js';
import type { CreateCaseBody, UpdateCaseBody } from '../../../api/case-endpoints.js';
import { stepOfPath, type CaseStep } from './case-steps.js';

/**
 * Checks a case body against the same zod contract the API applies, and reports problems in
 * the API's own shape (`validation.failed`, `['body', …path]`, zod's issue code), so that a
 * step shows its errors before anything is sent and exactly as the server would word them.
 * The server stays the judge: what only it can know (an unknown crisis, a taken case number)
 * still comes back from it and is shown the same way.
 */
export function validateCaseBody(
  body: CreateCaseBody | UpdateCaseBody,
  mode: 'create' | 'update',
): ApiError | null {
  const schema = mode === 'create' ? createCaseBodySchema : caseUpdateBodySchema;
  const result = schema.safeParse(body);
  const problems: FieldProblem[] = [];
  const raw = body as { organisationId?: unknown; registrationYear?: unknown };
  // Empty required fields read "required", not "wrong format".
  const required = new Set<string>();
  if (mode === 'create' && raw.organisationId === '') required.add('organisationId');
  if (raw.registrationYear === null) required.add('registrationYear');
  for (const field of required) problems.push({ path: ['body', field], issue: 'required' });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((segment) =>
        typeof segment === 'number' ? segment : String(segment),
      );
      if (path.length === 1 && required.has(String(path[0]))) continue;
      problems.push({ path: ['body', ...path], issue: issue.code });
    }
  }
  if (problems.length === 0) return null;
  return new ApiError({ status: 0, code: 'validation.failed', details: problems });
}

/** The problems of an error that belong to one step of the form. */
export function problemsOfStep(error: unknown, step: CaseStep): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((problem) => stepOfPath(problem.path) === step);
}

/** Keeps only the problems of one step (a step's "next" checks that step alone). */
export function onlyStep(error: ApiError | null, step: CaseStep): ApiError | null {
  if (error === null) return null;
  const details = problemsOfStep(error, step);
  return details.length === 0
    ? null
    : new ApiError({ status: error.status, code: error.code, details });
}

/**
 * The record a valid body stands for, with the contract's defaults filled in (for the review
 * step, which shows exactly what will be saved); null while the body is not valid.
 */
export function recordOfBody(body: CreateCaseBody): CaseRecord | null {
  const record: Partial<CreateCaseBody> = { ...body };
  delete record.organisationId;
  const result = caseRecordSchema.safeParse(record);
  return result.success ? result.data : null;
}
