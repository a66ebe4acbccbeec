import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredPrompts } from '../../../core/cases/consent-ledger.js';
import {
  consentPrompts,
  consentPurposes,
  type ConsentPrompt,
  type ConsentPurpose,
} from '../../../shared/case-vocabulary.js';
import { useSubmissionKeys } from '../../api/submission-keys.js';
import { caseApi, caseKeys, type Consent } from '../../api/case-endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FieldError, FormAlert } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel } from '../../i18n/case-labels.js';
import { problemsOf } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { ChoiceSelect } from './case-form/form-controls.js';

const allNo = Object.fromEntries(consentPrompts.map((prompt) => [prompt, false])) as Record<
  ConsentPrompt,
  boolean
>;

/** Records one consent decision: purpose, yes or no, by whom, and the seven prompts. */
function ConsentForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>('referral');
  const [granted, setGranted] = useState(true);
  const [givenBy, setGivenBy] = useState<'person' | 'guardian'>('person');
  const [prompts, setPrompts] = useState(allNo);
  const submissionKey = useSubmissionKeys();
  const required = purpose === '' ? [] : requiredPrompts[purpose];
  const consentBody = {
    purpose: purpose === '' ? ('' as ConsentPurpose) : purpose,
    granted,
    givenBy,
    prompts,
  };
  const mutation = useMutation({
    mutationFn: () => caseApi.recordConsent(caseId, consentBody, submissionKey(consentBody)),
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.consents(caseId) });
      // Refusing referral consent revokes the open referrals on the server.
      await queryClient.invalidateQueries({ queryKey: caseKeys.referrals(caseId) });
      toast.show(
        'success',
        t(entry.granted ? 'cases.consent.recordedGranted' : 'cases.consent.recordedRefused', {
          purpose: codeLabel('consentPurpose', entry.purpose),
        }),
      );
      onClose();
    },
  });
  const error = mutation.error;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const missing = granted ? required.filter((prompt) => !prompts[prompt]) : [];
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="consent-form">
      <FormAlert error={error} fields={['purpose', 'granted', 'givenBy', 'prompts']} />
      <ChoiceSelect
        name="purpose"
        label={t('cases.consent.purpose')}
        hint={purpose === '' ? undefined : t(`cases.consent.purposeHints.${purpose}`)}
        error={error}
        required
        options={consentPurposes}
        labelOf={(code) => codeLabel('consentPurpose', code)}
        value={purpose}
        onChange={setPurpose}
        emptyLabel={t('common.choose')}
        testId="consent-purpose"
      />
      <fieldset className="choice-group">
        <legend className="field-label">{t('cases.consent.decision')}</legend>
        <div className="choice-options choice-inline">
          <label className="check">
            <input
              type="radio"
              name="granted"
              checked={granted}
              onChange={() => {
                setGranted(true);
              }}
              data-testid="consent-granted"
            />
            <span>{t('cases.consent.grants')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="granted"
              checked={!granted}
              onChange={() => {
                setGranted(false);
              }}
              data-testid="consent-refused"
            />
            <span>{t('cases.consent.refuses')}</span>
          </label>
        </div>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field-label">{t('cases.consent.givenBy')}</legend>
        <div className="choice-options choice-inline">
          {(['person', 'guardian'] as const).map((who) => (
            <label key={who} className="check">
              <input
                type="radio"
                name="givenBy"
                checked={givenBy === who}
                onChange={() => {
                  setGivenBy(who);
                }}
              />
              <span>{codeLabel('givenBy', who)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset
        className={
          problemsOf(error, 'prompts').length > 0 ? 'choice-group field-invalid' : 'choice-group'
        }
        data-testid="consent-prompts"
      >
        <legend className="field-label">{t('cases.consent.prompts')}</legend>
        <p className="field-hint">{t('cases.consent.promptsHint')}</p>
        <FieldError name="prompts" error={error} />
        <div className="choice-options">
          {consentPrompts.map((prompt) => {
            const isRequired = granted && required.includes(prompt);
            const refused = problemsOf(error, `prompts.${prompt}`).length > 0;
            return (
              <label key={prompt} className={refused ? 'check check-invalid' : 'check'}>
                <input
                  type="checkbox"
                  checked={prompts[prompt]}
                  onChange={(event) => {
                    setPrompts({ ...prompts, [prompt]: event.target.checked });
                  }}
                  {...(refused ? { 'aria-invalid': true } : {})}
                  data-testid={`consent-prompt-${prompt}`}
                />
                <span>
                  {codeLabel('consentPrompt', prompt)}
                  {isRequired && (
                    <span className="prompt-required"> {t('cases.consent.required')}</span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {missing.length > 0 && (
        <p className="field-hint" role="status" data-testid="consent-missing">
          {t('cases.consent.stillMissing', { formatted: format.number(missing.length) })}
        </p>
      )}
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="consent-submit"
        >
          {t('cases.consent.record')}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * The consent ledger of a case: every decision recorded, which is in force for each purpose,
 * and revocation. Referrals need referral consent in force; sharing needs sharing consent.
 */
export function ConsentPanel({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const consents = useQuery({
    queryKey: caseKeys.consents(caseId),
    queryFn: () => caseApi.consents(caseId),
  });
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);

  const columns = useMemo<ColumnDef<Consent>[]>(
    () => [
      {
        id: 'purpose',
        header: t('cases.consent.purpose'),
        enableSorting: false,
        accessorFn: (entry) => codeLabel('consentPurpose', entry.purpose),
      },
      {
        id: 'decision',
        header: t('cases.consent.decision'),
        enableSorting: false,
        accessorFn: (entry) =>
          entry.granted ? t('cases.consent.granted') : t('cases.consent.refused'),
        cell: ({ row, getValue }) => (
          <span className="consent-state">
            <span>{String(getValue())}</span>
            {row.original.inForce && (
              <span className="badge badge-success" data-testid="consent-in-force">
                {t('cases.consent.inForce')}
              </span>
            )}
            {row.original.revokedAt !== null && (
              <span className="badge badge-muted">{t('cases.consent.revoked')}</span>
            )}
          </span>
        ),
      },
      {
        id: 'givenBy',
        header: t('cases.consent.givenBy'),
        enableSorting: false,
        accessorFn: (entry) => codeLabel('givenBy', entry.givenBy),
      },
      {
        id: 'recordedAt',
        header: t('cases.consent.recordedAt'),
        enableSorting: false,
        accessorFn: (entry) => entry.recordedAt,
        cell: ({ row }) => (
          <span className="stacked">
            <span>{format.dateTime(row.original.recordedAt)}</span>
            {row.original.revokedAt !== null && (
              <span className="muted">
                {t('cases.consent.revokedAt', { at: format.dateTime(row.original.revokedAt) })}
              </span>
            )}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          canChange &&
          row.original.granted &&
          row.original.revokedAt === null && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => {
                setRevoking(row.original);
              }}
              data-testid={`consent-revoke-${row.original.purpose}`}
            >
              {t('cases.consent.revoke')}
            </button>
          ),
      },
    ],
    [t, format, canChange],
  );

  return (
    <section
      className="card"
      aria-labelledby="consent-title"
      id="consent"
      data-testid="consent-panel"
    >
      <div className="case-section-header">
        <h2 id="consent-title" className="section-title">
          {t('cases.consent.title')}
        </h2>
        {canChange && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setRecording(true);
            }}
            data-testid="consent-new"
          >
            {t('cases.consent.new')}
          </button>
        )}
      </div>
      <p className="section-intro">{t('cases.consent.intro')}</p>
      <DataTable
        label={t('cases.consent.title')}
        data={consents.data}
        columns={columns}
        isLoading={consents.isPending}
        error={consents.error}
        onRetry={() => void consents.refetch()}
        emptyText={t('cases.consent.empty')}
        getRowId={(entry) => entry.id}
        filterable={false}
        paginate={false}
        captionHidden
        testId="consent-table"
      />
      <Dialog
        open={recording}
        title={t('cases.consent.newTitle')}
        onClose={() => {
          setRecording(false);
        }}
        testId="consent-dialog"
      >
        <ConsentForm
          caseId={caseId}
          onClose={() => {
            setRecording(false);
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={t('cases.consent.revokeTitle')}
        confirmLabel={t('cases.consent.revoke')}
        danger
        onClose={() => {
          setRevoking(null);
        }}
        onConfirm={async () => {
          if (revoking === null) return;
          await caseApi.revokeConsent(caseId, revoking.id);
          await queryClient.invalidateQueries({ queryKey: caseKeys.consents(caseId) });
          await queryClient.invalidateQueries({ queryKey: caseKeys.referrals(caseId) });
          toast.show(
            'success',
            t('cases.consent.revokedDone', {
              purpose: codeLabel('consentPurpose', revoking.purpose),
            }),
          );
        }}
        testId="consent-revoke-dialog"
      >
        <p>
          {revoking !== null &&
            t(
              revoking.purpose === 'referral'
                ? 'cases.consent.revokeReferralConfirm'
                : 'cases.consent.revokeConfirm',
              { purpose: codeLabel('consentPurpose', revoking.purpose) },
            )}
        </p>
      </ConfirmDialog>
    </section>
  );
}
