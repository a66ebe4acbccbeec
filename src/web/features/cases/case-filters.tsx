import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crisis } from '../../api/case-endpoints.js';
import type { OrganisationChoice } from '../../components/organisation-select.js';
import { codeOptions } from '../../i18n/case-labels.js';
import { viewFilterOf, type CaseFilter } from './case-filter.js';

interface CaseFiltersProps {
  value: CaseFilter;
  crises: readonly Crisis[];
  /** Organisations to filter by; the choice is offered only when there are several. */
  organisations: readonly OrganisationChoice[];
  onApply: (filter: CaseFilter) => void;
}

type Draft = Record<keyof CaseFilter, string>;

function draftOf(filter: CaseFilter): Draft {
  return {
    caseNumber: filter.caseNumber ?? '',
    status: filter.status ?? '',
    conflictRelated: filter.conflictRelated ?? '',
    exploitationType: filter.exploitationType ?? '',
    traffickingStatus: filter.traffickingStatus ?? '',
    registrationYear: filter.registrationYear === undefined ? '' : String(filter.registrationYear),
    crisisId: filter.crisisId ?? '',
    organisationId: filter.organisationId ?? '',
  };
}

/** A labelled select of the filter bar. */
function FilterSelect({
  label,
  value,
  onChange,
  anyLabel,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  testId: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        data-testid={testId}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The case list's filters: search by case number, then status, conflict link, form of
 * exploitation, trafficking status, year and crisis. Applied together, on the server.
 */
export function CaseFilters({ value, crises, organisations, onApply }: CaseFiltersProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  // The applied filter can change from outside (a saved view, the address bar).
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    setDraft(draftOf(value));
  }
  const set = (key: keyof CaseFilter) => (next: string) => {
    setDraft((current) => ({ ...current, [key]: next }));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const filter: CaseFilter = viewFilterOf(draft);
    const caseNumber = draft.caseNumber.trim();
    if (caseNumber !== '') filter.caseNumber = caseNumber;
    onApply(filter);
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 30 }, (_, index) => String(thisYear - index));

  return (
    <form
      className="filters case-filters"
      onSubmit={submit}
      noValidate
      role="search"
      aria-label={t('cases.filters.label')}
      data-testid="case-filters"
    >
      <div className="field">
        <label htmlFor={searchId} className="field-label">
          {t('cases.filters.caseNumber')}
        </label>
        <input
          id={searchId}
          type="search"
          className="input"
          dir="ltr"
          maxLength={64}
          autoComplete="off"
          value={draft.caseNumber}
          onChange={(event) => {
            set('caseNumber')(event.target.value);
          }}
          data-testid="case-search"
        />
      </div>
      <FilterSelect
        label={t('cases.fields.status')}
        value={draft.status}
        onChange={set('status')}
        anyLabel={t('cases.filters.any')}
        options={codeOptions('caseStatus')}
        testId="filter-status"
      />
      <FilterSelect
        label={t('cases.fields.conflictRelated')}
        value={draft.conflictRelated}
        onChange={set('conflictRelated')}
        anyLabel={t('cases.filters.any')}
        options={codeOptions('conflictRelation')}
        testId="filter-conflict"
      />
      <FilterSelect
        label={t('cases.filters.exploitationType')}
        value={draft.exploitationType}
        onChange={set('exploitationType')}
        anyLabel={t('cases.filters.any')}
        options={codeOptions('exploitationType')}
        testId="filter-exploitation"
      />
      <FilterSelect
        label={t('cases.fields.traffickingStatus')}
        value={draft.traffickingStatus}
        onChange={set('traffickingStatus')}
        anyLabel={t('cases.filters.any')}
        options={codeOptions('traffickingStatus')}
        testId="filter-trafficking-status"
      />
      <FilterSelect
        label={t('cases.fields.registrationYear')}
        value={draft.registrationYear}
        onChange={set('registrationYear')}
        anyLabel={t('cases.filters.any')}
        options={years.map((year) => ({ value: year, label: year }))}
        testId="filter-year"
      />
      <FilterSelect
        label={t('cases.fields.crisis')}
        value={draft.crisisId}
        onChange={set('crisisId')}
        anyLabel={t('cases.filters.any')}
        options={crises.map((crisis) => ({ value: crisis.id, label: crisis.name }))}
        testId="filter-crisis"
      />
      {organisations.length > 1 && (
        <FilterSelect
          label={t('cases.fields.organisation')}
          value={draft.organisationId}
          onChange={set('organisationId')}
          anyLabel={t('cases.filters.anyOrganisation')}
          options={organisations.map((org) => ({ value: org.id, label: org.name }))}
          testId="filter-organisation"
        />
      )}
      <div className="filter-actions">
        <button type="submit" className="button button-primary" data-testid="filter-apply">
          {t('cases.filters.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(draftOf({}));
            onApply({});
          }}
          data-testid="filter-reset"
        >
          {t('cases.filters.reset')}
        </button>
      </div>
    </form>
  );
}
