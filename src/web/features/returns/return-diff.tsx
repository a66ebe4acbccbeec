import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { Skeleton } from '../../components/skeleton.js';
import { cellLabel, valueText } from './return-labels.js';
import { returnApi, returnKeys } from './returns-api.js';

/**
 * What changed since the last sealed (accepted or later) version, cell by cell: before → after.
 * Shown once a locked return has been reopened, to the people who edit it and to those who
 * approve it again.
 */
export function ReturnDiffPanel({ returnId }: { returnId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const diff = useQuery({
    queryKey: returnKeys.diff(returnId),
    queryFn: () => returnApi.diff(returnId),
  });
  if (diff.isPending) return <Skeleton lines={3} />;
  if (diff.isError) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{errorText(diff.error)}</p>
      </div>
    );
  }
  const { changes, fromVersion, toVersion } = diff.data;
  return (
    <div className="return-diff" data-testid="return-diff">
      <p className="field-hint">
        {fromVersion === null
          ? t('returns.diff.noSealed')
          : t('returns.diff.between', {
              from: format.number(fromVersion),
              to: format.number(toVersion),
            })}
      </p>
      {changes.length === 0 ? (
        <p className="empty" data-testid="return-diff-empty">
          {t('returns.diff.none')}
        </p>
      ) : (
        <div
          className="table-scroll"
          role="region"
          aria-label={t('returns.diff.title')}
          tabIndex={0}
        >
          <table className="table">
            <caption className="visually-hidden">{t('returns.diff.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('returns.diff.cell')}</th>
                <th scope="col">{t('returns.diff.before')}</th>
                <th scope="col">{t('returns.diff.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={JSON.stringify(change.key)} data-testid="diff-row">
                  <th scope="row" className="return-row-head">
                    {cellLabel(change.key, i18n.language)}
                  </th>
                  <td className="return-diff-before">{valueText(change.before, i18n.language)}</td>
                  <td className="return-diff-after">
                    <span aria-hidden="true" className="return-diff-arrow">
                      →{' '}
                    </span>
                    {valueText(change.after, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
