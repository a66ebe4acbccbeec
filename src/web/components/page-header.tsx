import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * A page's `<h1>`, the document title, and focus: after an in-app navigation focus moves to
 * the heading so that screen-reader users hear where they arrived (the first page load keeps
 * the browser's own focus, so the skip link stays the first stop).
 */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    // React Router marks the entry the app was opened on with the key 'default'.
    if (location.key !== 'default') heading.current?.focus();
  }, [location.key]);

  return (
    <div className="page-header">
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {description !== undefined && <p className="page-description">{description}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </div>
  );
}
