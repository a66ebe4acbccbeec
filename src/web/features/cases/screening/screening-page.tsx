import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  evaluateScreening,
  indicatorsOfProfile,
  latestIndicatorSet,
} from '../../../../core/screening/index.js';
import {
  isChildProfile,
  screeningDimensions,
  screeningProfiles,
  type ScreeningProfile,
} from '../../../../shared/screening-vocabulary.js';
import { useSubmissionKeys } from '../../../api/submission-keys.js';
import { caseApi, caseKeys, type CaseDetail } from '../../../api/case-endpoints.js';
import { FormAlert } from '../../../components/form-field.js';
import { PageHeader } from '../../../components/page-header.js';
import { Skeleton } from '../../../components/skeleton.js';
import { useToast } from '../../../components/toasts.js';
import { ltrIsolate } from '../../../i18n/case-labels.js';
import { errorText } from '../../../i18n/error-text.js';
import '../../../styles/cases.css';
import { ClassBadge, indicatorLabel, ScreeningExplanation } from './screening-explanation.js';

const set = latestIndicatorSet;

/** The profile a case suggests: a child's list for a minor, the sexual list for sexual forms. */
export function suggestedProfile(detail: CaseDetail | undefined): ScreeningProfile {
  const victim = detail?.victim;
  const minor =
    victim?.majorityStatus === 'Minor' ||
    victim?.majorityStatusAtExploitation === 'Minor' ||
    (victim?.ageAtIdentification ?? 99) < 18;
  const forms = victim?.exploitationTypes ?? [];
  const sexual = forms.some(
    (form) => form === 'SexualExploitation' || form === 'vigil:SexualSlavery',
  );
  if (minor) return sexual ? 'child_sexual' : 'child_labour';
  return sexual ? 'adult_sexual' : 'adult_labour';
}

function ProfileChoice({
  value,
  onChange,
  suggested,
}: {
  value: ScreeningProfile;
  onChange: (profile: ScreeningProfile) => void;
  suggested: ScreeningProfile;
}) {
  const { t } = useTranslation();
  const provenance = set.provenance[value];
  return (
    <fieldset className="choice-group profile-choice" data-testid="screening-profile">
      <legend className="field-label">{t('screening.profile')}</legend>
      <p className="field-hint">{t('screening.profileHint')}</p>
      <div className="choice-options">
        {screeningProfiles.map((profile) => (
          <label key={profile} className="check">
            <input
              type="radio"
              name="profile"
              checked={value === profile}
              onChange={() => {
                onChange(profile);
              }}
              data-testid={`screening-profile-${profile}`}
            />
            <span>
              {t(`screening.profiles.${profile}`)}
              {profile === suggested && (
                <span className="badge badge-info profile-suggested">
                  {t('screening.suggested')}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
      {provenance.status !== 'corroborated' && (
        <p className="alert alert-warning" data-testid="screening-provenance">
          {t(`screening.provenance.${provenance.status}`)}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The screening wizard: pick the ILO/EC list for the person, tick the indicators found, and
 * watch the result form as you go (each dimension, the branch of the rule that fired, the
 * indicators that triggered it, the class). The same pure engine the server uses computes it,
 * so what is saved is what was shown.
 */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => caseApi.get(id) });
  const [chosen, setChosen] = useState<ScreeningProfile | null>(null);
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());

  const suggested = suggestedProfile(detail.data);
  const profile = chosen ?? suggested;
  const listed = useMemo(() => indicatorsOfProfile(set, profile), [profile]);
  const codes = listed.map(({ indicator }) => indicator.code).filter((code) => present.has(code));
  const result = evaluateScreening(set, profile, codes);
  const submissionKey = useSubmissionKeys();
  const screeningBody = {
    profile,
    indicators: codes,
    indicatorSetVersion: `${set.id}@${set.version}`,
  };
  const save = useMutation({
    mutationFn: () => caseApi.screen(id, screeningBody, submissionKey(screeningBody)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.screenings(id) });
      toast.show(
        'success',
        t('screening.saved', { result: t(`screening.classes.${saved.result.class}`) }),
      );
      void navigate(`/cases/${id}#screening`);
    },
  });

  const back = (
    <Link to={`/cases/${id}`} className="back-link">
      {t('cases.backToCase')}
    </Link>
  );
  if (detail.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('screening.title')} />
        <Skeleton lines={8} />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('screening.title')} />
        <div className="alert alert-error" role="alert">
          <p>{errorText(detail.error)}</p>
        </div>
      </>
    );
  }

  const toggle = (code: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(code);
    else next.delete(code);
    setPresent(next);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <>
      {back}
      <PageHeader
        title={t('screening.titleOf', { number: ltrIsolate(detail.data.caseNumber) })}
        description={t('screening.description')}
      />
      <form
        className="form screening-form"
        onSubmit={submit}
        noValidate
        data-testid="screening-form"
      >
        <FormAlert error={save.error} fields={['indicators', 'profile']} />
        <ProfileChoice
          value={profile}
          suggested={suggested}
          onChange={(next) => {
            setChosen(next);
          }}
        />
        {isChildProfile(profile) && <p className="field-hint">{t('screening.childRule')}</p>}
        <div className="screening-layout">
          <div className="screening-indicators">
            {screeningDimensions.map((dimension) => {
              const items = listed.filter(({ indicator }) => indicator.dimension === dimension);
              const outcome = result.dimensions.find((d) => d.dimension === dimension);
              return (
                <fieldset
                  key={dimension}
                  className="indicator-group"
                  data-testid={`group-${dimension}`}
                >
                  <legend className="indicator-legend">
                    <span>{t(`screening.dimensions.${dimension}`)}</span>
                    <span
                      className={
                        outcome?.positive === true ? 'badge badge-success' : 'badge badge-muted'
                      }
                      data-testid={`group-status-${dimension}`}
                    >
                      {outcome?.positive === true
                        ? t('screening.positive')
                        : t('screening.negative')}
                    </span>
                  </legend>
                  {items.map(({ indicator, strength }) => {
                    const triggered = outcome?.triggeredBy.includes(indicator.code) === true;
                    return (
                      <label
                        key={indicator.code}
                        className={
                          triggered ? 'check indicator indicator-triggered' : 'check indicator'
                        }
                      >
                        <input
                          type="checkbox"
                          checked={present.has(indicator.code)}
                          onChange={(event) => {
                            toggle(indicator.code, event.target.checked);
                          }}
                          data-testid={`indicator-${indicator.code}`}
                        />
                        <span className="indicator-text">
                          <span>{indicatorLabel(indicator.code)}</span>
                          <span className={`strength strength-${strength}`}>
                            {t(`screening.strengths.${strength}`)}
                          </span>
                        </span>
                      </label>
                    );
                  })}
                </fieldset>
              );
            })}
          </div>
          {/* It scrolls on its own beside a long list, so it takes keyboard focus to scroll. */}
          <aside className="screening-live" aria-labelledby="screening-live-title" tabIndex={0}>
            <h2 id="screening-live-title" className="section-title">
              {t('screening.liveTitle')}
            </h2>
            <div aria-live="polite" className="visually-hidden" data-testid="screening-announce">
              {t('screening.liveAnnounce', { result: t(`screening.classes.${result.class}`) })}
            </div>
            <ScreeningExplanation result={result} />
          </aside>
        </div>
        <div className="screening-bar">
          <span className="screening-bar-result">
            <span className="muted">{t('screening.resultSoFar')}</span>{' '}
            <ClassBadge value={result.class} testId="screening-bar-class" />
          </span>
          <span className="screening-bar-actions">
            <Link to={`/cases/${id}`} className="button button-quiet">
              {t('common.cancel')}
            </Link>
            <button
              type="submit"
              className="button button-primary"
              disabled={save.isPending}
              data-testid="screening-save"
            >
              {t('screening.save')}
            </button>
          </span>
        </div>
      </form>
    </>
  );
}
