import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseApi, caseKeys } from '../../../api/case-endpoints.js';
import { Skeleton } from '../../../components/skeleton.js';
import { errorText } from '../../../i18n/error-text.js';
import { useFormatters } from '../../../i18n/format.js';
import { ClassBadge, ScreeningExplanation } from './screening-explanation.js';

/** The screenings of a case, newest first, each with how its result was reached. */
export function ScreeningPanel({ caseId, canScreen }: { caseId: string; canScreen: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const screenings = useQuery({
    queryKey: caseKeys.screenings(caseId),
    queryFn: () => caseApi.screenings(caseId),
  });
  const items = [...(screenings.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section
      className="card"
      aria-labelledby="screening-title"
      id="screening"
      data-testid="screening-panel"
    >
      <div className="case-section-header">
        <h2 id="screening-title" className="section-title">
          {t('screening.panelTitle')}
        </h2>
        {canScreen && (
          <Link
            to={`/cases/${caseId}/screenings/new`}
            className="button button-primary"
            data-testid="screening-new"
          >
            {t('screening.new')}
          </Link>
        )}
      </div>
      <p className="section-intro">{t('screening.intro')}</p>
      {screenings.isPending && <Skeleton lines={2} />}
      {screenings.isError && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(screenings.error)}</p>
        </div>
      )}
      {screenings.isSuccess && items.length === 0 && (
        <p className="empty">{t('screening.empty')}</p>
      )}
      <ol className="screening-history">
        {items.map((item, index) => (
          <li key={item.id} data-testid="screening-item">
            <details open={index === 0}>
              <summary>
                <ClassBadge value={item.result.class} />{' '}
                <span>
                  {t('screening.historyLine', {
                    profile: t(`screening.profiles.${item.result.profile}`),
                    at: format.dateTime(item.createdAt),
                    formatted: format.number(item.indicators.length),
                  })}
                </span>
              </summary>
              <ScreeningExplanation result={item.result} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
