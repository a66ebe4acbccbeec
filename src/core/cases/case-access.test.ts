import { describe, expect, it } from 'vitest';
import { builtInRoles } from '../../shared/permissions.js';
import type { Grant } from '../permission-check.js';
import { grantsSeeCase, grantsSeeIdentity } from './case-access.js';

// root ── parent ── child: a case held by the child.
const casePath = ['root', 'parent', 'child'];
const grant = (organisationId: string, role: keyof typeof builtInRoles): Grant => ({
  organisationId,
  verbs: builtInRoles[role],
});

describe('case access', () => {
  it.each([
    ['caseworker of the holder', [grant('child', 'caseworker')], true, true],
    ['analyst of the holder', [grant('child', 'analyst')], true, false],
    ['data manager above', [grant('parent', 'data_manager')], true, true],
    ['caseworker above', [grant('parent', 'caseworker')], false, false],
    [
      'caseworker above who is an analyst of the holder',
      [grant('parent', 'caseworker'), grant('child', 'analyst')],
      true,
      false,
    ],
    [
      'analyst above who is a caseworker of the holder',
      [grant('parent', 'analyst'), grant('child', 'caseworker')],
      true,
      true,
    ],
  ] as const)('%s: sees the case %s, its identity %s', (_who, grants, sees, identity) => {
    expect(grantsSeeCase(grants, casePath)).toBe(sees);
    expect(grantsSeeIdentity(grants, casePath)).toBe(identity);
  });

  it('a grant elsewhere shows nothing of the case', () => {
    const elsewhere = [grant('other', 'data_manager')];
    expect(grantsSeeCase(elsewhere, casePath)).toBe(false);
    expect(grantsSeeIdentity(elsewhere, casePath)).toBe(false);
  });
});
