import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { PermissionVerb } from '../../shared/permissions.js';
import { PageHeader } from '../components/page-header.js';
import { useSession } from '../session/session-context.js';
import { visibleNavItems } from './nav-items.js';

// Each feature area is its own chunk, fetched when first visited.
const OrganisationsPage = lazy(async () => ({
  default: (await import('../features/organisations/organisations-page.js')).OrganisationsPage,
}));
const UsersPage = lazy(async () => ({
  default: (await import('../features/users/users-page.js')).UsersPage,
}));
const UserDetailPage = lazy(async () => ({
  default: (await import('../features/users/user-detail-page.js')).UserDetailPage,
}));
const RolesPage = lazy(async () => ({
  default: (await import('../features/roles/roles-page.js')).RolesPage,
}));
const TokensPage = lazy(async () => ({
  default: (await import('../features/tokens/tokens-page.js')).TokensPage,
}));
const AuditPage = lazy(async () => ({
  default: (await import('../features/audit/audit-page.js')).AuditPage,
}));
const ProfilePage = lazy(async () => ({
  default: (await import('../features/profile/profile-page.js')).ProfilePage,
}));
const CasesPage = lazy(async () => ({
  default: (await import('../features/cases/cases-page.js')).CasesPage,
}));
const CaseNewPage = lazy(async () => ({
  default: (await import('../features/cases/case-form/case-new-page.js')).CaseNewPage,
}));
const CaseEditPage = lazy(async () => ({
  default: (await import('../features/cases/case-form/case-edit-page.js')).CaseEditPage,
}));
const CaseDetailPage = lazy(async () => ({
  default: (await import('../features/cases/case-detail-page.js')).CaseDetailPage,
}));
const ScreeningPage = lazy(async () => ({
  default: (await import('../features/cases/screening/screening-page.js')).ScreeningPage,
}));
const ImportPage = lazy(async () => ({
  default: (await import('../features/cases/import/import-page.js')).ImportPage,
}));
const ReferralInboxPage = lazy(async () => ({
  default: (await import('../features/referrals/referral-inbox-page.js')).ReferralInboxPage,
}));
const ProvidersPage = lazy(async () => ({
  default: (await import('../features/referrals/providers-page.js')).ProvidersPage,
}));
const ReturnsPage = lazy(async () => ({
  default: (await import('../features/returns/returns-page.js')).ReturnsPage,
}));
const ReturnPage = lazy(async () => ({
  default: (await import('../features/returns/return-page.js')).ReturnPage,
}));
const ReturnInboxPage = lazy(async () => ({
  default: (await import('../features/returns/return-inbox-page.js')).ReturnInboxPage,
}));
const CompletenessPage = lazy(async () => ({
  default: (await import('../features/returns/completeness-page.js')).CompletenessPage,
}));
const GlotipImportPage = lazy(async () => ({
  default: (await import('../features/returns/glotip-import-page.js')).GlotipImportPage,
}));
const PopulationsPage = lazy(async () => ({
  default: (await import('../features/populations/populations-page.js')).PopulationsPage,
}));
const StatsPage = lazy(async () => ({
  default: (await import('../features/stats/stats-page.js')).StatsPage,
}));

/** The verb a page needs, or any one of several (a case opens by reading or by emergency). */
type PageVerb = PermissionVerb | readonly PermissionVerb[] | null;

/**
 * Renders the page when the user holds the verb (and, for installation-wide pages, is a system
 * administrator); a session due to enrol goes to its profile.
 */
function Guard({
  verb,
  systemAdmin = false,
  children,
}: {
  verb: PageVerb;
  systemAdmin?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  if (session.me.twoFactorEnrolmentRequired && verb !== null) {
    return <Navigate to="/profile" replace />;
  }
  const verbs: readonly PermissionVerb[] =
    verb === null ? [] : typeof verb === 'string' ? [verb] : verb;
  if (verb !== null && !verbs.some((one) => session.can(one))) return <NotAllowedPage />;
  if (systemAdmin && !session.isSystemAdmin) return <NotAllowedPage />;
  return children;
}

const caseOpeners: readonly PermissionVerb[] = ['case.read', 'case.break_glass'];

function HomeRedirect() {
  const session = useSession();
  const first = visibleNavItems(session)[0];
  return <Navigate to={first?.to ?? '/profile'} replace />;
}

function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('shell.notAllowedTitle')} />
      <p>{t('shell.notAllowed')}</p>
      <Link to="/">{t('shell.goHome')}</Link>
    </>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('shell.notFoundTitle')} />
      <p>{t('shell.notFound')}</p>
      <Link to="/">{t('shell.goHome')}</Link>
    </>
  );
}

/** The signed-in routes. The same tree in every state, so pages are not remounted. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route
        path="/organisations"
        element={
          <Guard verb="org.read">
            <OrganisationsPage />
          </Guard>
        }
      />
      <Route
        path="/users"
        element={
          <Guard verb="user.read">
            <UsersPage />
          </Guard>
        }
      />
      <Route
        path="/users/:id"
        element={
          <Guard verb="user.read">
            <UserDetailPage />
          </Guard>
        }
      />
      <Route
        path="/roles"
        element={
          <Guard verb="role.read">
            <RolesPage />
          </Guard>
        }
      />
      <Route
        path="/tokens"
        element={
          <Guard verb="token.manage">
            <TokensPage />
          </Guard>
        }
      />
      <Route
        path="/audit"
        element={
          <Guard verb="audit.read">
            <AuditPage />
          </Guard>
        }
      />
      <Route
        path="/cases"
        element={
          <Guard verb="case.read">
            <CasesPage />
          </Guard>
        }
      />
      <Route
        path="/cases/new"
        element={
          <Guard verb="case.create">
            <CaseNewPage />
          </Guard>
        }
      />
      <Route
        path="/cases/:id"
        element={
          <Guard verb={caseOpeners}>
            <CaseDetailPage />
          </Guard>
        }
      />
      <Route
        path="/cases/:id/edit"
        element={
          <Guard verb="case.update">
            <CaseEditPage />
          </Guard>
        }
      />
      <Route
        path="/cases/:id/screenings/new"
        element={
          <Guard verb="case.update">
            <ScreeningPage />
          </Guard>
        }
      />
      <Route
        path="/imports"
        element={
          <Guard verb="case.import">
            <ImportPage />
          </Guard>
        }
      />
      <Route
        path="/referrals"
        element={
          <Guard verb="referral.receive">
            <ReferralInboxPage />
          </Guard>
        }
      />
      <Route
        path="/providers"
        element={
          <Guard verb="provider.manage">
            <ProvidersPage />
          </Guard>
        }
      />
      <Route
        path="/returns"
        element={
          <Guard verb="return.read">
            <ReturnsPage />
          </Guard>
        }
      />
      <Route
        path="/returns/inbox"
        element={
          <Guard verb="return.read">
            <ReturnInboxPage />
          </Guard>
        }
      />
      <Route
        path="/returns/completeness"
        element={
          <Guard verb="return.read">
            <CompletenessPage />
          </Guard>
        }
      />
      <Route
        path="/returns/import"
        element={
          <Guard verb="return.read" systemAdmin>
            <GlotipImportPage />
          </Guard>
        }
      />
      <Route
        path="/returns/:id"
        element={
          <Guard verb="return.read">
            <ReturnPage />
          </Guard>
        }
      />
      <Route
        path="/populations"
        element={
          <Guard verb="publication.manage">
            <PopulationsPage />
          </Guard>
        }
      />
      <Route
        path="/stats"
        element={
          <Guard verb="stats.read">
            <StatsPage />
          </Guard>
        }
      />
      <Route
        path="/profile"
        element={
          <Guard verb={null}>
            <ProfilePage />
          </Guard>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
