import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/endpoints.js';
import { FormField } from '../../components/form-field.js';
import { OrganisationSelect } from '../../components/organisation-select.js';

/** The reporting entity and year a return is for: chosen the same way when creating a return
 * by hand and when deriving one from case records. */
export interface ReturnScope {
  readonly organisationId: string;
  readonly year: string;
  readonly setOrganisationId: (id: string) => void;
  readonly setYear: (year: string) => void;
}

export function useReturnScope(
  organisations: readonly Organisation[],
  years: readonly number[],
): ReturnScope {
  const [organisationId, setOrganisationId] = useState(
    organisations.length === 1 ? (organisations[0]?.id ?? '') : '',
  );
  // The usual case is last year's figures, collected this year.
  const [year, setYear] = useState(String(years[1] ?? years[0] ?? ''));
  return { organisationId, year, setOrganisationId, setYear };
}

export function ReturnScopeFields({
  scope,
  organisations,
  years,
  organisationHint,
  error,
  testIdPrefix,
}: {
  scope: ReturnScope;
  organisations: readonly Organisation[];
  years: readonly number[];
  organisationHint: string;
  error: unknown;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        name="organisationId"
        label={t('returns.fields.organisation')}
        hint={organisationHint}
        error={error}
        required
        testId={`${testIdPrefix}-organisation`}
      >
        {(control) => (
          <OrganisationSelect
            control={control}
            places={organisations}
            value={scope.organisationId}
            onChange={scope.setOrganisationId}
          />
        )}
      </FormField>
      <FormField
        name="year"
        label={t('returns.fields.year')}
        error={error}
        required
        testId={`${testIdPrefix}-year`}
      >
        {(control) => (
          <select
            {...control}
            className="input input-narrow"
            value={scope.year}
            onChange={(event) => {
              scope.setYear(event.target.value);
            }}
          >
            {years.map((one) => (
              <option key={one} value={String(one)}>
                {one}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
