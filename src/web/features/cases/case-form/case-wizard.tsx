import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-client.js';
import type { CaseDetail, Crisis } from '../../../api/case-endpoints.js';
import type { OrganisationChoice } from '../../../components/organisation-select.js';
import { errorReference, errorText } from '../../../i18n/error-text.js';
import { CaseSections } from '../case-sections.js';
import type { CaseDraft } from './case-draft.js';
import { toCreateBody, toUpdateBody } from './case-draft-body.js';
import { caseSteps, stepOfPath, type CaseStep } from './case-steps.js';
import { onlyStep, recordOfBody, validateCaseBody } from './case-validation.js';
import { CountryListProvider, useCountryResolver } from './country-controls.js';
import { StepConflict } from './step-conflict.js';
import { StepExploitation } from './step-exploitation.js';
import { StepEvents, StepPerpetrators } from './step-people-events.js';
import { StepPerson } from './step-person.js';

interface CaseWizardProps {
  mode: 'create' | 'edit';
  initial: CaseDraft;
  /** The organisations a new case may be held by (create only). */
  places: readonly OrganisationChoice[];
  crises: readonly Crisis[];
  /** Sends the body; the wizard shows what the API refuses, beside the fields it names. */
  save: (
    body: ReturnType<typeof toCreateBody> | ReturnType<typeof toUpdateBody>,
  ) => Promise<CaseDetail>;
  version?: number;
  onSaved: (saved: CaseDetail) => void;
  onCancel: () => void;
}

/** The steps list: where one is, which steps need attention, and a way to jump. */
function StepList({
  current,
  withErrors,
  onGo,
}: {
  current: CaseStep;
  withErrors: ReadonlySet<CaseStep>;
  onGo: (step: CaseStep) => void;
}) {
  const { t } = useTranslation();
  const index = caseSteps.indexOf(current);
  return (
    <nav className="wizard-steps" aria-label={t('cases.form.stepsLabel')}>
      <p className="wizard-position" aria-hidden="true">
        {t('cases.form.stepOf', { n: index + 1, total: caseSteps.length })}
      </p>
      <ol className="wizard-step-list">
        {caseSteps.map((step, at) => (
          <li key={step}>
            <button
              type="button"
              className={
                step === current
                  ? 'wizard-step wizard-step-current'
                  : withErrors.has(step)
                    ? 'wizard-step wizard-step-invalid'
                    : 'wizard-step'
              }
              {...(step === current ? { 'aria-current': 'step' as const } : {})}
              onClick={() => {
                onGo(step);
              }}
              data-testid={`wizard-step-${step}`}
            >
              <span className="wizard-step-number" aria-hidden="true">
                {at + 1}
              </span>
              <span>{t(`cases.steps.${step}`)}</span>
              {withErrors.has(step) && (
                <span className="visually-hidden">{t('cases.form.stepHasErrors')}</span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The alert of a step: why the save failed, or that some of its fields need attention. */
function StepAlert({ error, stepError }: { error: unknown; stepError: ApiError | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fieldProblems = stepError !== null;
  useEffect(() => {
    if (!fieldProblems) return;
    ref.current?.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldProblems, stepError]);
  if (error === null || error === undefined) return null;
  const detailed = error instanceof ApiError && error.details.length > 0;
  if (detailed && !fieldProblems) return null;
  const reference = errorReference(error);
  // The form was saved before (a lost answer), then changed: the case it made is offered.
  const savedCase =
    error instanceof ApiError && error.code === 'request.idempotency_key_reused'
      ? error.caseId
      : null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" data-testid="form-error">
      <p>{fieldProblems ? t('forms.fixFields') : errorText(error)}</p>
      {savedCase !== null && (
        <p>
          <Link to={`/cases/${savedCase}`} data-testid="open-saved-case">
            {t('cases.form.openSavedCase')}
          </Link>
        </p>
      )}
      {reference !== null && (
        <p className="alert-reference">{t('forms.reference', { reference })}</p>
      )}
    </div>
  );
}

/**
 * The case form in steps (person → exploitation → conflict → perpetrators → events → review).
 * One draft holds every step's input, so moving back and forth loses nothing; each "next"
 * checks that step against the API's contract, and the review shows what will be saved, with
 * a way back to each section. Errors the API returns go to the step and field they name.
 */
export function CaseWizard({
  mode,
  initial,
  places,
  crises,
  save,
  version,
  onSaved,
  onCancel,
}: CaseWizardProps) {
  const { t } = useTranslation();
  const resolveCountry = useCountryResolver();
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<CaseStep>('person');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setDirty(true);
  };

  // Closing the tab with unsaved input asks first (nothing is kept in the browser's storage).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  // A new step takes focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  const body = () =>
    mode === 'create'
      ? toCreateBody(draft, resolveCountry)
      : toUpdateBody(draft, version ?? 1, resolveCountry);

  const validation = () => validateCaseBody(body(), mode === 'create' ? 'create' : 'update');

  const withErrors = useMemo(() => {
    const steps = new Set<CaseStep>();
    if (error instanceof ApiError) for (const p of error.details) steps.add(stepOfPath(p.path));
    return steps;
  }, [error]);

  const go = (next: CaseStep) => {
    moved.current = true;
    setStep(next);
    // Arriving at the review checks everything, so that it lists what still needs attention.
    if (next === 'review') setError(validation());
  };

  const next = () => {
    const problems = onlyStep(validation(), step);
    if (problems !== null) {
      setError(problems);
      return;
    }
    setError(null);
    const at = caseSteps.indexOf(step);
    go(caseSteps[at + 1] ?? 'review');
  };

  const submit = async () => {
    const problems = validation();
    if (problems !== null) {
      setError(problems);
      go(stepOfPath(problems.details[0]?.path ?? []));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await save(body());
      setDirty(false);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      const first = caught instanceof ApiError ? caught.details[0] : undefined;
      if (first !== undefined) go(stepOfPath(first.path));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (step === 'review') void submit();
    else next();
  };

  const stepError = onlyStep(error instanceof ApiError ? error : null, step);
  const shownError =
    stepError ?? (error instanceof ApiError && error.details.length > 0 ? null : error);
  const props = { draft, set, error: stepError, mode };
  const record = step === 'review' ? recordOfBody(toCreateBody(draft, resolveCountry)) : null;
  const at = caseSteps.indexOf(step);

  return (
    <CountryListProvider>
      <StepList current={step} withErrors={withErrors} onGo={go} />
      <form className="form wizard" onSubmit={onSubmit} noValidate data-testid="case-wizard">
        <h2 ref={heading} tabIndex={-1} className="wizard-title" data-testid="wizard-title">
          {t(`cases.steps.${step}`)}
        </h2>
        <StepAlert error={shownError} stepError={stepError} />
        {step === 'person' && <StepPerson {...props} places={places} />}
        {step === 'exploitation' && <StepExploitation {...props} />}
        {step === 'conflict' && <StepConflict {...props} crises={crises} />}
        {step === 'perpetrators' && <StepPerpetrators {...props} />}
        {step === 'events' && <StepEvents {...props} />}
        {step === 'review' && (
          <>
            <p className="form-intro">{t('cases.form.reviewIntro')}</p>
            {withErrors.size > 0 && (
              <div className="alert alert-error" role="alert" data-testid="review-errors">
                <p>{t('cases.form.reviewErrors')}</p>
                <ul className="plain-list">
                  {caseSteps
                    .filter((item) => withErrors.has(item))
                    .map((item) => (
                      <li key={item}>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            go(item);
                          }}
                        >
                          {t(`cases.steps.${item}`)}
                        </button>
                      </li>
                    ))}
                </ul>
              </div>
            )}
            {record !== null && (
              <CaseSections
                facts={{
                  ...record,
                  caseNumber: record.caseNumber ?? t('cases.form.numberAssigned'),
                }}
                crises={crises}
                identityHidden={false}
                onEdit={go}
              />
            )}
          </>
        )}
        <div className="wizard-actions">
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <span className="wizard-actions-main">
            {at > 0 && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  go(caseSteps[at - 1] ?? 'person');
                }}
                data-testid="wizard-back"
              >
                {t('cases.form.back')}
              </button>
            )}
            {step === 'review' ? (
              <button
                type="submit"
                className="button button-primary"
                disabled={busy}
                data-testid="wizard-save"
              >
                {busy
                  ? t('cases.form.saving')
                  : mode === 'create'
                    ? t('cases.form.create')
                    : t('cases.form.saveChanges')}
              </button>
            ) : (
              <button type="submit" className="button button-primary" data-testid="wizard-next">
                {t('cases.form.next')}
              </button>
            )}
          </span>
        </div>
      </form>
    </CountryListProvider>
  );
}
