import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { returnStatuses } from '../../../shared/glotip-vocabulary.js';
import { useOrganisations } from '../../api/queries.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { useFormatters } from '../../i18n/format.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { DeriveDialog } from './derive-dialog.js';
import { NewReturnDialog } from './new-return-dialog.js';
import { StatusBadge } from './return-badges.js';
import { filterOfSearch, reportingYears, searchOfFilter } from './return-filter.js';
import { sourceLabel, statusLabel } from './return-labels.js';
import { returnApi, returnKeys, type ReturnListFilter, type ReturnSummary } from './returns-api.js';
import './returns.css';

/** A labelled select of the filter bar that applies as soon as it changes. */
function FilterSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
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
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{t('returns.list.any')}</option>
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
 * The GLOTIP returns the user may see, filtered by year, reporting entity and status (in the
 * address), with "new return" for those who may enter figures.
 */
export function ReturnsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [deriving, setDeriving] = useState(false);
  const filter = useMemo(() => filterOfSearch(params), [params]);
  const organisations = useOrganisations(session.can('org.read'));
  const readable = organisationsWhere(session.me, 'return.read', organisations.data ?? []);
  const editable = organisationsWhere(session.me, 'return.edit', organisations.data ?? []);
  const returns = useQuery({
    queryKey: returnKeys.list(filter),
    queryFn: () => returnApi.list(filter),
    placeholderData: keepPreviousData,
  });
  const years = useMemo(() => reportingYears(new Date().getFullYear()), []);

  const apply = (next: ReturnListFilter) => {
    setParams(searchOfFilter(next));
  };

  const columns = useMemo<ColumnDef<ReturnSummary>[]>(
    () => [
      {
        id: 'organisation',
        header: t('returns.fields.organisation'),
        accessorFn: (row) => row.organisationName,
        cell: ({ row }) => (
          <Link to={`/returns/${row.original.id}`} data-testid="return-link">
            {row.original.organisationName}
          </Link>
        ),
      },
      {
        id: 'year',
        header: t('returns.fields.year'),
        accessorFn: (row) => row.year,
        cell: ({ row }) => <bdi dir="ltr">{row.original.year}</bdi>,
      },
      {
        id: 'status',
        header: t('returns.fields.status'),
        accessorFn: (row) => statusLabel(row.status),
        cell: ({ row }) => <StatusBadge summary={row.original} />,
      },
      {
        id: 'version',
        header: t('returns.fields.version'),
        accessorFn: (row) => row.version,
        cell: ({ row }) => format.number(row.original.version),
      },
      {
        id: 'source',
        header: t('returns.fields.source'),
        accessorFn: (row) => sourceLabel(row.source),
      },
      {
        id: 'cells',
        header: t('returns.fields.cellCount'),
        accessorFn: (row) => row.cellCount,
        cell: ({ row }) => format.number(row.original.cellCount),
      },
      {
        id: 'due',
        header: t('returns.fields.dueDate'),
        accessorFn: (row) => row.dueDate,
        cell: ({ row }) => format.day(row.original.dueDate),
      },
      {
        id: 'updated',
        header: t('returns.fields.updatedAt'),
        accessorFn: (row) => row.updatedAt,
        cell: ({ row }) => format.date(row.original.updatedAt),
      },
    ],
    [t, format],
  );

  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <PageHeader
        title={t('returns.list.title')}
        description={t('returns.list.description')}
        actions={
          <>
            <Link to="/returns/completeness" className="button" data-testid="completeness-link">
              {t('returns.nav.completeness')}
            </Link>
            {session.isSystemAdmin && (
              <Link to="/returns/import" className="button" data-testid="glotip-import-link">
                {t('returns.import.open')}
              </Link>
            )}
            {session.can('return.edit') && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setDeriving(true);
                }}
                data-testid="return-derive"
              >
                {t('returns.derive.open')}
              </button>
            )}
            {session.can('return.edit') && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setCreating(true);
                }}
                data-testid="return-create"
              >
                {t('returns.list.new')}
              </button>
            )}
          </>
        }
      />
      <div className="filters return-filters" data-testid="return-filters">
        <FilterSelect
          label={t('returns.fields.year')}
          value={filter.year === undefined ? '' : String(filter.year)}
          options={years.map((year) => ({ value: String(year), label: String(year) }))}
          onChange={(value) => {
            apply({ ...filter, year: value === '' ? undefined : Number(value) });
          }}
          testId="return-filter-year"
        />
        {readable.length > 1 && (
          <FilterSelect
            label={t('returns.fields.organisation')}
            value={filter.organisationId ?? ''}
            options={readable.map((org) => ({ value: org.id, label: org.name }))}
            onChange={(value) => {
              apply({ ...filter, organisationId: value === '' ? undefined : value });
            }}
            testId="return-filter-organisation"
          />
        )}
        <FilterSelect
          label={t('returns.fields.status')}
          value={filter.status ?? ''}
          options={returnStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
          onChange={(value) => {
            apply({ ...filter, status: returnStatuses.find((one) => one === value) });
          }}
          testId="return-filter-status"
        />
      </div>
      <DataTable
        label={t('returns.list.title')}
        data={returns.data?.items}
        columns={columns}
        isLoading={returns.isPending}
        error={returns.error}
        onRetry={() => void returns.refetch()}
        emptyText={filtered ? t('returns.list.noMatches') : t('returns.list.empty')}
        getRowId={(row) => row.id}
        testId="returns-table"
        captionHidden
      />
      <NewReturnDialog
        open={creating}
        organisations={editable}
        years={years}
        onClose={() => {
          setCreating(false);
        }}
      />
      <DeriveDialog
        open={deriving}
        organisations={editable}
        years={years}
        onClose={() => {
          setDeriving(false);
        }}
      />
    </>
  );
}
