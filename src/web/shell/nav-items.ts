import type { PermissionVerb } from '../../shared/permissions.js';
import type { SessionValue } from '../session/session-context.js';

/** One entry of the main navigation, shown only to those who hold its verb. */
export interface NavItem {
  to: string;
  labelKey: string;
  testId: string;
  verb: PermissionVerb | null;
}

export const navItems: readonly NavItem[] = [
  { to: '/cases', labelKey: 'nav.cases', testId: 'nav-cases', verb: 'case.read' },
  {
    to: '/referrals',
    labelKey: 'nav.referrals',
    testId: 'nav-referrals',
    verb: 'referral.receive',
  },
  { to: '/imports', labelKey: 'nav.imports', testId: 'nav-imports', verb: 'case.import' },
  {
    to: '/providers',
    labelKey: 'nav.providers',
    testId: 'nav-providers',
    verb: 'provider.manage',
  },
  { to: '/returns', labelKey: 'returns.nav.list', testId: 'nav-returns', verb: 'return.read' },
  {
    to: '/returns/inbox',
    labelKey: 'returns.nav.inbox',
    testId: 'nav-return-inbox',
    verb: 'return.read',
  },
  {
    to: '/returns/completeness',
    labelKey: 'returns.nav.completeness',
    testId: 'nav-return-completeness',
    verb: 'return.read',
  },
  { to: '/stats', labelKey: 'nav.stats', testId: 'nav-stats', verb: 'stats.read' },
  {
    to: '/populations',
    labelKey: 'nav.populations',
    testId: 'nav-populations',
    verb: 'publication.manage',
  },
  {
    to: '/organisations',
    labelKey: 'nav.organisations',
    testId: 'nav-organisations',
    verb: 'org.read',
  },
  { to: '/users', labelKey: 'nav.users', testId: 'nav-users', verb: 'user.read' },
  { to: '/roles', labelKey: 'nav.roles', testId: 'nav-roles', verb: 'role.read' },
  { to: '/tokens', labelKey: 'nav.tokens', testId: 'nav-tokens', verb: 'token.manage' },
  { to: '/audit', labelKey: 'nav.audit', testId: 'nav-audit', verb: 'audit.read' },
  { to: '/profile', labelKey: 'nav.profile', testId: 'nav-profile', verb: null },
];

/** The navigation this session may see (only the profile while two-factor enrolment is due). */
export function visibleNavItems(session: SessionValue): NavItem[] {
  return navItems.filter((item) => item.verb === null || session.can(item.verb));
}
