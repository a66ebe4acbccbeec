import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PermissionVerb } from '../../../shared/permissions.js';
import { ApiError } from '../../api/api-client.js';
import { caseApi, caseKeys, type CaseDetail } from '../../api/case-endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, ltrIsolate } from '../../i18n/case-labels.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { verbsIn } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import '../../styles/cases.css';
import { CaseSections } from './case-sections.js';
import { ConsentPanel } from './consent-panel.js';
import { ReferralPanel } from './referral-panel.js';
import { BreakGlassDialog, ForgetDialog } from './safeguard-dialogs.js';
import { ScreeningPanel } from './screening/screening-panel.js';
import { StatusDialog } from './status-dialog.js';

/**
 * Whether the user holds a verb over a case's organisation (directly or through an ancestor).
 * The server decides on every request; this only hides what would be refused.
 */
function useCaseVerbs(organisationId: string | undefined): (verb: PermissionVerb) => boolean {
  const session = useSession();
  const organisations = useOrganisations(session.can('org.read'));
  if (session.isSystemAdmin) return () => true;
  if (organisationId === undefined || organisations.data === undefined) return session.can;
  const held = verbsIn(session.me, organisationId, organisations.data);
  return (verb) => held.has(verb);
}

/** A case that is not visible: say so, and offer emergency access to those who may use it. */
function NotVisible({ caseId, onGranted }: { caseId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const mayBreakGlass = session.can('case.break_glass');
  return (
    <>
      <PageHeader title={t('cases.notVisibleTitle')} />
      <div className="alert alert-warning" role="alert" data-testid="case-not-visible">
        <p>{t('errors.case.not_found')}</p>
        {mayBreakGlass && <p>{t('cases.breakGlass.offer')}</p>}
      </div>
      {mayBreakGlass && (
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => {
            setAsking(true);
          }}
          data-testid="break-glass-open"
        >
          {t('cases.breakGlass.button')}
        </button>
      )}
      <BreakGlassDialog
        caseId={caseId}
        open={asking}
        onClose={() => {
          setAsking(false);
        }}
        onGranted={() => {
          setAsking(false);
          onGranted();
        }}
      />
    </>
  );
}

function Banners({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.breakGlass && (
        <div className="alert alert-warning" role="status" data-testid="break-glass-banner">
          <p>{t('cases.breakGlass.banner')}</p>
        </div>
      )}
      {detail.forgotten && (
        <div className="alert alert-info" role="status" data-testid="forgotten-banner">
          <p>{t('cases.forgottenBanner')}</p>
        </div>
      )}
      {!detail.forgotten && detail.view === 'analytic' && (
        <div className="alert alert-info" role="status" data-testid="analytic-banner">
          <p>{t('cases.analyticBanner')}</p>
        </div>
      )}
    </>
  );
}

/**
 * One case: its sections, the consent ledger, screenings, referrals, and the safeguards
 * (emergency access for a case not visible, forgetting the person).
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const toast = useToast();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => caseApi.get(id) });
  const crises = useQuery({ queryKey: caseKeys.crises, queryFn: caseApi.crises });
  const can = useCaseVerbs(detail.data?.organisationId);
  const [forgetting, setForgetting] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const back = (
    <Link to="/cases" className="back-link">
      {t('cases.back')}
    </Link>
  );

  if (detail.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('cases.detailTitle')} />
        <Skeleton lines={8} />
      </>
    );
  }
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.code === 'case.not_found';
    return (
      <>
        {back}
        {notFound ? (
          <NotVisible
            caseId={id}
            onGranted={() => {
              toast.show('success', t('cases.breakGlass.granted'));
              void detail.refetch();
            }}
          />
        ) : (
          <>
            <PageHeader title={t('cases.detailTitle')} />
            <div className="alert alert-error" role="alert">
              <p>{errorText(detail.error)}</p>
              <button type="button" className="button" onClick={() => void detail.refetch()}>
                {t('common.retry')}
              </button>
            </div>
          </>
        )}
      </>
    );
  }

  const data = detail.data;
  const full = data.view === 'full';
  const writable = !data.forgotten && !data.breakGlass && can('case.update');
  return (
    <>
      {back}
      <PageHeader
        title={t('cases.detailTitleOf', { number: ltrIsolate(data.caseNumber) })}
        description={t('cases.detailDescription', {
          status: codeLabel('caseStatus', data.status),
          updated: format.dateTime(data.updatedAt),
        })}
        actions={
          <>
            {writable && full && (
              <Link
                to={`/cases/${data.id}/edit`}
                className="button button-primary"
                data-testid="case-edit"
              >
                {t('common.edit')}
              </Link>
            )}
            {writable && !full && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setChangingStatus(true);
                }}
                data-testid="case-status-change"
              >
                {t('cases.changeStatus')}
              </button>
            )}
          </>
        }
      />
      <p className="case-badges">
        <span className={`badge badge-status-${data.status}`}>
          {codeLabel('caseStatus', data.status)}
        </span>
        {data.synthetic && (
          <span className="badge badge-synthetic" data-testid="synthetic-badge">
            {t('cases.synthetic')}
          </span>
        )}
        {!full && <span className="badge badge-muted">{t('cases.analyticBadge')}</span>}
      </p>
      <Banners detail={data} />
      <nav className="case-nav" aria-label={t('cases.sectionsNav')}>
        <a href="#case-summary">{t('cases.nav.summary')}</a>
        <a href="#consent">{t('cases.nav.consent')}</a>
        <a href="#screening">{t('cases.nav.screening')}</a>
        <a href="#referrals">{t('cases.nav.referrals')}</a>
      </nav>
      <div id="case-summary">
        <CaseSections
          facts={data}
          crises={crises.data ?? []}
          identityHidden={!full && !data.forgotten}
        />
      </div>
      <ConsentPanel caseId={data.id} canChange={writable} />
      <ScreeningPanel caseId={data.id} canScreen={writable} />
      <ReferralPanel
        caseId={data.id}
        canRefer={!data.forgotten && !data.breakGlass && full && can('referral.manage')}
      />
      {writable && full && (
        <section
          className="card danger-zone"
          aria-labelledby="forget-title"
          data-testid="danger-zone"
        >
          <h2 id="forget-title" className="section-title">
            {t('cases.forget.sectionTitle')}
          </h2>
          <p>{t('cases.forget.intro')}</p>
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => {
              setForgetting(true);
            }}
            data-testid="forget-open"
          >
            {t('cases.forget.button')}
          </button>
        </section>
      )}
      <ForgetDialog
        caseId={data.id}
        caseNumber={data.caseNumber}
        open={forgetting}
        onClose={() => {
          setForgetting(false);
        }}
        onForgotten={() => {
          setForgetting(false);
          toast.show('success', t('cases.forget.done'));
          void queryClient.invalidateQueries({ queryKey: caseKeys.all });
        }}
      />
      <StatusDialog
        detail={data}
        open={changingStatus}
        onClose={() => {
          setChangingStatus(false);
        }}
      />
    </>
  );
}
