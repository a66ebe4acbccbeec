import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { problemMatchesField, problemsOf } from './error-text.js';

describe('problemMatchesField', () => {
  it.each([
    [['body', 'email'], 'email', true],
    [['body', 'email'], 'emailAddress', false],
    [['body', 'verbs', 2], 'verbs', true],
    [['body', 'victim', 'identity', 'phone'], 'victim.identity.phone', true],
    [['body', 'victim', 'identity', 'phone'], 'victim.identity', true],
    [['body', 'victim', 'identity'], 'victim.identity.phone', false],
    [['body', 'perpetrators', 0, 'name'], 'perpetrators.0.name', true],
    [['body', 'perpetrators', 1, 'name'], 'perpetrators.0.name', false],
    [['query', 'caseNumber'], 'caseNumber', true],
  ] as const)('%j concerns %s: %s', (path, field, expected) => {
    expect(problemMatchesField({ path, issue: 'invalid_format' }, field)).toBe(expected);
  });

  it('finds the problems of a nested field in an API error', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation.failed',
      details: [
        { path: ['body', 'events', 0, 'year'], issue: 'too_big' },
        { path: ['body', 'events', 1, 'year'], issue: 'too_small' },
      ],
    });
    expect(problemsOf(error, 'events.1.year').map((p) => p.issue)).toEqual(['too_small']);
  });
});
