import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../shared/error-codes.js';

/**
 * Asserts an error response: its status, its catalog code and, when given, that the details
 * name exactly these field paths, e.g. `[['body', 'country']]`. A field may carry several
 * problems (a pattern and a refinement, say); each distinct path counts once.
 */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
  paths?: (string | number)[][],
): ErrorBody {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
  const body = response.json<ErrorBody>();
  expect(body.code).toBe(code);
  if (paths !== undefined) {
    expect(Array.isArray(body.details)).toBe(true);
    const distinct = [
      ...new Set((body.details as ErrorDetail[]).map((detail) => JSON.stringify(detail.path))),
    ].map((path) => JSON.parse(path) as unknown);
    expect(distinct.sort()).toEqual([...paths].sort());
  }
  return body;
}

/** Asserts that an object carries exactly these keys: the presenter's allow-list. */
export function expectExactKeys(value: unknown, keys: readonly string[]): void {
  expect(typeof value).toBe('object');
  expect(Object.keys(value as object).sort()).toEqual([...keys].sort());
}

/** Keys of a user as the API presents it. */
export const userKeys = [
  'createdAt',
  'disabled',
  'displayName',
  'email',
  'id',
  'isSystemAdmin',
  'language',
  'twoFactorEnabled',
] as const;

/** Keys of an organisation as the API presents it (never the materialised `path`). */
export const organisationKeys = [
  'country',
  'createdAt',
  'id',
  'name',
  'parentId',
  'requireTwoFactor',
  'slug',
  'type',
] as const;

/** Keys of a membership as the API presents it. */
export const membershipKeys = ['createdAt', 'id', 'organisationId', 'role', 'userId'] as const;

/**
 * Asserts that a raw response body carries no account secrets: no password hash (by name or
 * by its argon2 prefix), no TOTP secret fields, no key ids.
 */
export function expectNoAccountSecrets(rawBody: string): void {
  for (const forbidden of [
    'passwordHash',
    'password_hash',
    '$argon2',
    'totpSecret',
    'totpPending',
    'totp_secret',
    'totpLastStep',
    'dataKeyId',
    'data_key_id',
  ]) {
    expect(rawBody).not.toContain(forbidden);
  }
}
