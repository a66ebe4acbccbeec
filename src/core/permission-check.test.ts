import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionVerbs, type PermissionVerb } from '../shared/permissions.js';
import { grantsAllow, organisationsWithVerb, type Grant } from './permission-check.js';

// A small tree (paths are root first, the organisation itself last):
//
//   national
//   ├── region-north
//   │   └── ngo-north
//   └── region-south
//       └── ngo-south
const paths: Record<string, string[]> = {
  national: ['national'],
  'region-north': ['national', 'region-north'],
  'ngo-north': ['national', 'region-north', 'ngo-north'],
  'region-south': ['national', 'region-south'],
  'ngo-south': ['national', 'region-south', 'ngo-south'],
};
const pathOf = (org: string): string[] => {
  const path = paths[org];
  if (path === undefined) throw new Error(`unknown organisation ${org}`);
  return path;
};

const northCaseworker: Grant[] = [
  { organisationId: 'region-north', verbs: ['case.read', 'case.create'] },
];

describe('grantsAllow', () => {
  it.each<[string, Grant[], PermissionVerb, string, boolean]>([
    ['in the granting organisation', northCaseworker, 'case.read', 'region-north', true],
    ['in a descendant', northCaseworker, 'case.create', 'ngo-north', true],
    ['not in the parent', northCaseworker, 'case.read', 'national', false],
    ['not in a sibling', northCaseworker, 'case.read', 'region-south', false],
    ["not in a sibling's child", northCaseworker, 'case.read', 'ngo-south', false],
    ['not for a verb the grant lacks', northCaseworker, 'case.update', 'ngo-north', false],
    ['not without grants', [], 'case.read', 'ngo-north', false],
    [
      'from the root to everything',
      [{ organisationId: 'national', verbs: ['stats.read'] }],
      'stats.read',
      'ngo-south',
      true,
    ],
    [
      'a verb from one grant is not lent to another organisation',
      [
        { organisationId: 'ngo-north', verbs: ['case.export'] },
        { organisationId: 'ngo-south', verbs: ['case.read'] },
      ],
      'case.export',
      'ngo-south',
      false,
    ],
    [
      'any one matching grant is enough',
      [
        { organisationId: 'ngo-north', verbs: ['case.read'] },
        { organisationId: 'region-south', verbs: ['case.export'] },
      ],
      'case.export',
      'ngo-south',
      true,
    ],
  ])('%s', (_label, grants, verb, org, expected) => {
    expect(grantsAllow(grants, verb, pathOf(org))).toBe(expected);
  });

  it('matches whole ids, not prefixes', () => {
    const grants: Grant[] = [{ organisationId: 'region', verbs: ['case.read'] }];
    expect(grantsAllow(grants, 'case.read', pathOf('ngo-north'))).toBe(false);
  });

  it('a grant covers exactly the paths that pass through its organisation', () => {
    const orgs = Object.keys(paths);
    fc.assert(
      fc.property(
        fc.constantFrom(...orgs),
        fc.constantFrom(...orgs),
        fc.constantFrom(...permissionVerbs),
        (grantedAt, target, verb) => {
          const grants: Grant[] = [{ organisationId: grantedAt, verbs: [verb] }];
          const isSelfOrDescendant = pathOf(target).includes(grantedAt);
          expect(grantsAllow(grants, verb, pathOf(target))).toBe(isSelfOrDescendant);
          // The relation is one-way: an ancestor is never covered by a descendant's grant.
          if (grantedAt !== target && isSelfOrDescendant) {
            const reverse: Grant[] = [{ organisationId: target, verbs: [verb] }];
            expect(grantsAllow(reverse, verb, pathOf(grantedAt))).toBe(false);
          }
        },
      ),
    );
  });
});

describe('organisationsWithVerb', () => {
  it('lists the organisations holding a verb directly', () => {
    const grants: Grant[] = [
      { organisationId: 'ngo-north', verbs: ['audit.read', 'case.read'] },
      { organisationId: 'region-south', verbs: ['case.read'] },
      { organisationId: 'national', verbs: ['audit.read'] },
    ];
    expect(organisationsWithVerb(grants, 'audit.read')).toEqual(['ngo-north', 'national']);
    expect(organisationsWithVerb(grants, 'case.read')).toEqual(['ngo-north', 'region-south']);
    expect(organisationsWithVerb(grants, 'case.export')).toEqual([]);
  });
});
