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

/** Renders the page when the user holds the verb; a session due to enrol goes to its profile. */
function Guard({ verb, children }: { verb: PermissionVerb | null; children: ReactNode }) {
  const session = useSession();
  if (session.me.twoFactorEnrolmentRequired && verb !== null) {
    return <Navigate to="/profile" replace />;
  }
  if (verb !== null && !session.can(verb)) return <NotAllowedPage />;
  return children;
}

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
