import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../../api/api-client.js';
import { caseApi, caseKeys, type CreateCaseBody } from '../../../api/case-endpoints.js';
import { useOrganisations } from '../../../api/queries.js';
import { PageHeader } from '../../../components/page-header.js';
import { Skeleton } from '../../../components/skeleton.js';
import { useToast } from '../../../components/toasts.js';
import { ltrIsolate } from '../../../i18n/case-labels.js';
import { organisationsWhere } from '../../../session/permissions.js';
import { useSession } from '../../../session/session-context.js';
import '../../../styles/cases.css';
import { emptyDraft } from './case-draft.js';
import { CaseWizard } from './case-wizard.js';

/** Records a new case, step by step. */
export function CaseNewPage() {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const crises = useQuery({ queryKey: caseKeys.crises, queryFn: caseApi.crises });
  const places = organisationsWhere(session.me, 'case.create', organisations.data ?? []);
  // One key for this form: saving again after a lost answer returns the case already made.
  const [submissionKey] = useState(newIdempotencyKey);

  return (
    <>
      <Link to="/cases" className="back-link">
        {t('cases.back')}
      </Link>
      <PageHeader title={t('cases.newTitle')} description={t('cases.newDescription')} />
      {organisations.isPending || crises.isPending ? (
        <Skeleton lines={8} />
      ) : (
        <CaseWizard
          mode="create"
          initial={emptyDraft(places[0]?.id ?? '', new Date().getFullYear())}
          places={places}
          crises={crises.data ?? []}
          save={(body) => caseApi.create(body as CreateCaseBody, submissionKey)}
          onSaved={(saved) => {
            void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
            queryClient.setQueryData(caseKeys.detail(saved.id), saved);
            toast.show('success', t('cases.created', { number: ltrIsolate(saved.caseNumber) }));
            void navigate(`/cases/${saved.id}`);
          }}
          onCancel={() => {
            void navigate('/cases');
          }}
        />
      )}
    </>
  );
}
