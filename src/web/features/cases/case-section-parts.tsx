import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStep } from './case-form/case-steps.js';

// The pieces the case sections are built of: a labelled fact, the marks for a missing or a
// hidden value, and a titled section that the form's review can send back to its step.

/** One labelled fact; `ltr` keeps codes, numbers and addresses left to right in RTL pages. */
export function Fact({
  label,
  children,
  ltr = false,
}: {
  label: string;
  children: ReactNode;
  ltr?: boolean;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd {...(ltr ? { dir: 'ltr' } : {})}>{children}</dd>
    </div>
  );
}

/** A fact that was not recorded. */
export function Missing() {
  const { t } = useTranslation();
  return <span className="muted">{t('cases.notRecorded')}</span>;
}

/** A fact that exists but this user may not see. */
export function Hidden() {
  const { t } = useTranslation();
  return <span className="muted">{t('cases.hidden')}</span>;
}

/** A titled section of a case, with an edit button when the form's review shows it. */
export function Section({
  title,
  step,
  onEdit,
  children,
  testId,
}: {
  title: string;
  step: CaseStep;
  onEdit: ((step: CaseStep) => void) | undefined;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="card case-section" data-testid={testId}>
      <div className="case-section-header">
        <h2 className="section-title">{title}</h2>
        {onEdit !== undefined && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onEdit(step);
            }}
            aria-label={t('cases.form.editSection', { section: title })}
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {children}
    </section>
  );
}
