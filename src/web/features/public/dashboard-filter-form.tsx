import { useId, useState, type SyntheticEvent } from 'react';
import {
  conflictFilters,
  defaultFilters,
  hasFilters,
  regionSchemes,
  type DashboardFilters,
} from './dashboard-filters.js';
import type { StateUpdate } from '../../shell/search-state.js';
import type { PublicRegions } from './public-api.js';
import { usePublicTranslation } from './public-i18n.js';

type Region = PublicRegions['regions'][number];

/** Regions with each one's subregions right after it (the API's order kept within a level). */
export function regionOptions(regions: readonly Region[]): { region: Region; depth: number }[] {
  const codes = new Set(regions.map((region) => region.code));
  const children = new Map<string | null, Region[]>();
  for (const region of regions) {
    const parent = region.parent !== null && codes.has(region.parent) ? region.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), region]);
  }
  const ordered: { region: Region; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const region of children.get(parent) ?? []) {
      ordered.push({ region, depth });
      visit(region.code, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/**
 * The dashboard's filters. Each choice applies at once (the address changes, so the back
 * button undoes it); the crisis identifier applies when its form is submitted.
 */
export function DashboardFilterForm({
  filters,
  years,
  regions,
  onChange,
}: {
  filters: DashboardFilters;
  years: readonly number[];
  regions: readonly Region[];
  onChange: (update: StateUpdate<DashboardFilters>) => void;
}) {
  const { t } = usePublicTranslation();
  const id = useId();
  const [crisis, setCrisis] = useState(filters.crisis ?? '');
  const [crisisShown, setCrisisShown] = useState(filters.crisis);
  if (crisisShown !== filters.crisis) {
    setCrisisShown(filters.crisis);
    setCrisis(filters.crisis ?? '');
  }
  const yearChoices = [...new Set([...years, filters.yearFrom, filters.yearTo])]
    .filter((year): year is number => year !== null)
    .sort((a, b) => a - b);
  const yearOf = (text: string) => (text === '' ? null : Number(text));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = crisis.trim();
    onChange((current) => ({ ...current, crisis: trimmed === '' ? null : trimmed }));
  };
  return (
    <form
      className="filters public-filters"
      onSubmit={submit}
      data-testid="public-filters"
      aria-label={t('publicFilters.label')}
    >
      <div className="field">
        <label htmlFor={`${id}-scheme`} className="field-label">
          {t('publicFilters.scheme')}
        </label>
        <select
          id={`${id}-scheme`}
          className="input"
          value={filters.scheme}
          onChange={(event) => {
            const scheme = regionSchemes.find((one) => one === event.target.value);
            if (scheme !== undefined) onChange((current) => ({ ...current, scheme, region: null }));
          }}
          data-testid="filter-scheme"
        >
          {regionSchemes.map((scheme) => (
            <option key={scheme} value={scheme}>
              {t(`publicFilters.schemes.${scheme}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-region`} className="field-label">
          {t('publicFilters.region')}
        </label>
        <select
          id={`${id}-region`}
          className="input"
          value={filters.region ?? ''}
          onChange={(event) => {
            onChange((current) => ({
              ...current,
              region: event.target.value === '' ? null : event.target.value,
            }));
          }}
          data-testid="filter-region"
        >
          <option value="">{t('publicFilters.world')}</option>
          {regionOptions(regions).map(({ region, depth }) => (
            <option key={region.code} value={region.code}>
              {`${'\u00a0\u00a0'.repeat(depth)}${region.name}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`} className="field-label">
          {t('publicFilters.yearFrom')}
        </label>
        <select
          id={`${id}-from`}
          className="input input-narrow"
          value={filters.yearFrom ?? ''}
          onChange={(event) => {
            onChange((current) => ({ ...current, yearFrom: yearOf(event.target.value) }));
          }}
          data-testid="filter-year-from"
        >
          <option value="">{t('publicFilters.anyYear')}</option>
          {yearChoices.map((year) => (
            <option
              key={year}
              value={year}
              disabled={filters.yearTo !== null && year > filters.yearTo}
            >
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`} className="field-label">
          {t('publicFilters.yearTo')}
        </label>
        <select
          id={`${id}-to`}
          className="input input-narrow"
          value={filters.yearTo ?? ''}
          onChange={(event) => {
            onChange((current) => ({ ...current, yearTo: yearOf(event.target.value) }));
          }}
          data-testid="filter-year-to"
        >
          <option value="">{t('publicFilters.anyYear')}</option>
          {yearChoices.map((year) => (
            <option
              key={year}
              value={year}
              disabled={filters.yearFrom !== null && year < filters.yearFrom}
            >
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-conflict`} className="field-label">
          {t('publicFilters.conflict')}
        </label>
        <select
          id={`${id}-conflict`}
          className="input"
          value={filters.conflict ?? ''}
          onChange={(event) => {
            const conflict = conflictFilters.find((one) => one === event.target.value) ?? null;
            onChange((current) => ({ ...current, conflict }));
          }}
          data-testid="filter-conflict"
        >
          <option value="">{t('publicFilters.conflictAny')}</option>
          {conflictFilters.map((conflict) => (
            <option key={conflict} value={conflict}>
              {t(`publicFilters.conflicts.${conflict}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-crisis`} className="field-label">
          {t('publicFilters.crisis')}
        </label>
        <input
          id={`${id}-crisis`}
          className="input"
          value={crisis}
          maxLength={64}
          onChange={(event) => {
            setCrisis(event.target.value);
          }}
          data-testid="filter-crisis"
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="button" data-testid="filter-apply">
          {t('publicFilters.apply')}
        </button>
        {hasFilters(filters) && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              onChange(() => defaultFilters);
            }}
            data-testid="filter-clear"
          >
            {t('publicFilters.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
