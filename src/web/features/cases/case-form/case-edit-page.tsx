import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { caseApi, caseKeys, type UpdateCaseBody } from '../../../api/case-endpoints.js';
import { PageHeader } from '../../../components/page-header.js';
import { Skeleton } from '../../../components/skeleton.js';
import { useToast } from '../../../components/toasts.js';
import { ltrIsolate } from '../../../i18n/case-labels.js';
import { errorText } from '../../../i18n/error-text.js';
import '../../../styles/cases.css';
import { draftOfCase } from './case-draft.js';
import { CaseWizard } from './case-wizard.js';

/**
 * Edits a case in the same steps as it was recorded. Only a full view can be edited here: the
 * sections replace the stored ones whole, and writing them blind would erase identifying data.
 */
export function CaseEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => caseApi.get(id) });
  const crises = useQuery({ queryKey: caseKeys.crises, queryFn: caseApi.crises });
  const back = (
    <Link to={`/cases/${id}`} className="back-link">
      {t('cases.backToCase')}
    </Link>
  );

  if (detail.isPending || crises.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('cases.editTitle')} />
        <Skeleton lines={8} />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('cases.editTitle')} />
        <div className="alert alert-error" role="alert">
          <p>{errorText(detail.error)}</p>
        </div>
      </>
    );
  }
  const data = detail.data;
  const blocked = data.forgotten
    ? t('cases.editForgotten')
    : data.view !== 'full'
      ? t('cases.editAnalytic')
      : null;
  return (
    <>
      {back}
      <PageHeader title={t('cases.editTitleOf', { number: ltrIsolate(data.caseNumber) })} />
      {blocked !== null ? (
        <div className="alert alert-warning" role="status">
          <p>{blocked}</p>
        </div>
      ) : (
        <CaseWizard
          mode="edit"
          initial={draftOfCase(data)}
          version={data.version}
          places={[]}
          crises={crises.data ?? []}
          save={(body) => caseApi.update(data.id, body as UpdateCaseBody)}
          onSaved={(saved) => {
            queryClient.setQueryData(caseKeys.detail(saved.id), saved);
            void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
            toast.show('success', t('cases.saved', { number: ltrIsolate(saved.caseNumber) }));
            void navigate(`/cases/${saved.id}`);
          }}
          onCancel={() => {
            void navigate(`/cases/${data.id}`);
          }}
        />
      )}
    </>
  );
}
