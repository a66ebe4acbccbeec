import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditOutcomes, type AuditOutcome } from '../../../shared/vocabulary.js';
import type { AuditQuery, Organisation } from '../../api/endpoints.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { auditActionLabel, outcomeLabel } from '../../i18n/labels.js';
import { knownAuditActions } from './audit-actions.js';

/** The filters a user sets (the page adds paging). */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'beforeSeq'>;

function toIso(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isOutcome(value: string): value is AuditOutcome {
  return (auditOutcomes as readonly string[]).includes(value);
}

interface AuditFiltersProps {
  organisations: readonly Organisation[];
  /** System administrators may look at the whole log; others choose one of their organisations. */
  allowAllOrganisations: boolean;
  initialOrganisationId: string;
  error: unknown;
  onApply: (filter: AuditFilter) => void;
}

const filterFields = ['action', 'outcome', 'from', 'to', 'organisationId'];

/** The audit log's filter form: action, outcome, period and organisation. */
export function AuditFilters({
  organisations,
  allowAllOrganisations,
  initialOrganisationId,
  error,
  onApply,
}: AuditFiltersProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [organisationId, setOrganisationId] = useState(initialOrganisationId);

  const current = (): AuditFilter => ({
    ...(action === '' ? {} : { action }),
    ...(isOutcome(outcome) ? { outcome } : {}),
    ...(toIso(from) === undefined ? {} : { from: toIso(from) }),
    ...(toIso(to) === undefined ? {} : { to: toIso(to) }),
    ...(organisationId === '' ? {} : { organisationId }),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(current());
  };

  const reset = () => {
    setAction('');
    setOutcome('');
    setFrom('');
    setTo('');
    setOrganisationId(initialOrganisationId);
    onApply(initialOrganisationId === '' ? {} : { organisationId: initialOrganisationId });
  };

  return (
    <form
      className="filters"
      onSubmit={submit}
      noValidate
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
    >
      <FormAlert error={error} fields={filterFields} />
      <FormField name="action" label={t('audit.action')} error={error} testId="audit-action">
        {(control) => (
          <select
            {...control}
            className="input"
            value={action}
            onChange={(event) => {
              setAction(event.target.value);
            }}
          >
            <option value="">{t('audit.anyAction')}</option>
            {knownAuditActions.map((value) => (
              <option key={value} value={value}>
                {auditActionLabel(value)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField name="outcome" label={t('audit.outcome')} error={error} testId="audit-outcome">
        {(control) => (
          <select
            {...control}
            className="input"
            value={outcome}
            onChange={(event) => {
              setOutcome(event.target.value);
            }}
          >
            <option value="">{t('audit.anyOutcome')}</option>
            {auditOutcomes.map((value) => (
              <option key={value} value={value}>
                {outcomeLabel(value)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField name="from" label={t('audit.from')} error={error} testId="audit-from">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            className="input"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField name="to" label={t('audit.to')} error={error} testId="audit-to">
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            className="input"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField
        name="organisationId"
        label={t('audit.organisation')}
        error={error}
        testId="audit-organisation"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={organisationId}
            onChange={(event) => {
              setOrganisationId(event.target.value);
            }}
          >
            {allowAllOrganisations && <option value="">{t('audit.allOrganisations')}</option>}
            {organisations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="filter-actions">
        <button type="submit" className="button button-primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button type="button" className="button" onClick={reset}>
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
