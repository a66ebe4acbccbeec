import { describe, expect, it } from 'vitest';
import type { PermissionVerb } from '../shared/permissions.js';
import { grantsSeeCase, grantsSeeIdentity } from './cases/case-access.js';
import type { Grant } from './permission-check.js';
import { grantsForToken } from './token-grants.js';

// root ── parent ── child ── grandchild
const path = ['root', 'parent', 'child'];
const caseworker: PermissionVerb[] = ['case.read', 'case.read_identifying', 'case.update'];
const manager: PermissionVerb[] = [
  'case.read',
  'case.read_subtree',
  'case.read_identifying',
  'referral.manage',
];

const tokenAtChild = (ownerGrants: Grant[], verbs: PermissionVerb[], admin = false) =>
  grantsForToken({ ownerGrants, ownerIsSystemAdmin: admin, organisationPath: path, verbs });

describe('grantsForToken', () => {
  it.each([
    [
      'held in the token’s organisation',
      [{ organisationId: 'child', verbs: caseworker }],
      caseworker,
    ],
    [
      'a caseworker of the parent: not the child’s cases, nor their identities',
      [{ organisationId: 'parent', verbs: caseworker }],
      ['case.update'],
    ],
    [
      'a data manager above: the subtree, identities with it',
      [{ organisationId: 'root', verbs: manager }],
      ['case.read_subtree', 'case.read_identifying', 'referral.manage'],
    ],
    [
      'an analyst of the child who is a caseworker of the parent: no identities',
      [
        { organisationId: 'child', verbs: ['case.read'] },
        { organisationId: 'parent', verbs: caseworker },
      ],
      ['case.read', 'case.update'],
    ],
    [
      'a grant below the token’s organisation',
      [{ organisationId: 'grandchild', verbs: manager }],
      [],
    ],
    ['a sibling organisation’s grant', [{ organisationId: 'sibling', verbs: manager }], []],
  ] as [string, Grant[], PermissionVerb[]][])('%s', (_label, ownerGrants, expected) => {
    const asked: PermissionVerb[] = [...new Set([...caseworker, ...manager])];
    const grants = tokenAtChild(ownerGrants, asked);
    expect(grants.flatMap((grant) => grant.verbs).sort()).toEqual([...expected].sort());
    expect(grants.every((grant) => grant.organisationId === 'child')).toBe(true);
  });

  it('never gives the token more than it asked for, and each verb once', () => {
    const grants = tokenAtChild(
      [
        { organisationId: 'child', verbs: manager },
        { organisationId: 'root', verbs: manager },
      ],
      ['referral.manage', 'referral.manage'],
    );
    expect(grants).toEqual([{ organisationId: 'child', verbs: ['referral.manage'] }]);
  });

  it('gives a system administrator’s token what it asked for, in its organisation', () => {
    expect(tokenAtChild([], ['case.read', 'case.read'], true)).toEqual([
      { organisationId: 'child', verbs: ['case.read'] },
    ]);
  });

  // The property the narrowing exists for: whatever the owner holds, a token shows no case,
  // nor any identity, that its owner signed in does not see.
  it('never shows a case or an identity its owner does not see', () => {
    const orgs = ['root', 'parent', 'child', 'grandchild'];
    const verbs: PermissionVerb[] = ['case.read', 'case.read_subtree', 'case.read_identifying'];
    const subsets = (list: PermissionVerb[]) =>
      list.reduce<PermissionVerb[][]>(
        (all, verb) => [...all, ...all.map((s) => [...s, verb])],
        [[]],
      );
    const casePaths = [path, [...path, 'grandchild'], ['root', 'parent']];
    for (const at of orgs) {
      for (const held of subsets(verbs)) {
        const owner: Grant[] = [{ organisationId: at, verbs: held }];
        const token = tokenAtChild(owner, verbs);
        for (const casePath of casePaths) {
          const seen = grantsSeeCase(token, casePath);
          expect([at, held, casePath, seen && !grantsSeeCase(owner, casePath)]).toEqual([
            at,
            held,
            casePath,
            false,
          ]);
          const identity = seen && grantsSeeIdentity(token, casePath);
          expect([at, held, casePath, identity && !grantsSeeIdentity(owner, casePath)]).toEqual([
            at,
            held,
            casePath,
            false,
          ]);
        }
      }
    }
  });
});
