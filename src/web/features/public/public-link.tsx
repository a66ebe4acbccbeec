import { Link } from 'react-router';
import { usePublicTranslation } from './public-i18n.js';

/**
 * The sign-in page's way to the open data. Its words are in the public namespace (fetched here,
 * a few kilobytes), so the link appears once they have arrived.
 */
export function PublicDashboardLink() {
  const { t, ready } = usePublicTranslation();
  if (!ready) return null;
  return (
    <p className="public-link">
      <Link to="/public" data-testid="public-dashboard-link">
        {t('publicLink.label')}
      </Link>
    </p>
  );
}
