import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseApi, caseKeys, type CaseSummary } from '../../api/case-endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { ageBandLabel, codeLabel, codeLabels } from '../../i18n/case-labels.js';
import { countryName } from '../../i18n/country-names.js';
import { useFormatters } from '../../i18n/format.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { useSearchState } from '../../shell/search-state.js';
import '../../styles/cases.css';
import { listStateOfSearch, pageSizes, searchOfListState, type CaseFilter } from './case-filter.js';
import { CaseFilters } from './case-filters.js';
import { Notices } from './notices.js';
import { SavedViews } from './saved-views.js';

/**
 * The case list: filtered and paged on the server, analytic facts only (the list never carries
 * an identifying field, whatever the reader's role). Filters live in the address, so the back
 * button returns to the same list; named sets of them can be saved on the device.
 */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const sizeId = useId();
  const [{ filter, page, size }, change] = useSearchState(listStateOfSearch, searchOfListState);
  const organisations = useOrganisations(session.can('org.read'));
  const crises = useQuery({ queryKey: caseKeys.crises, queryFn: caseApi.crises });
  const query = { ...filter, limit: size, offset: page * size };
  const cases = useQuery({
    queryKey: caseKeys.list(query),
    queryFn: () => caseApi.list(query),
    placeholderData: keepPreviousData,
  });
  const readable = organisationsWhere(session.me, 'case.read', organisations.data ?? []);
  const orgNames = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );
  const crisisNames = useMemo(
    () => new Map((crises.data ?? []).map((crisis) => [crisis.id, crisis.name])),
    [crises.data],
  );

  // A new filter starts again at its first page.
  const apply = (next: CaseFilter) => {
    change((current) => ({ filter: next, page: 0, size: current.size }));
  };

  const columns = useMemo<ColumnDef<CaseSummary>[]>(() => {
    const list: ColumnDef<CaseSummary>[] = [
      {
        id: 'caseNumber',
        header: t('cases.fields.caseNumber'),
        enableSorting: false,
        accessorFn: (row) => row.caseNumber,
        cell: ({ row }) => (
          <span className="case-number-cell">
            <Link
              to={`/cases/${row.original.id}`}
              dir="ltr"
              data-testid={`case-link-${row.original.caseNumber}`}
            >
              {row.original.caseNumber}
            </Link>
            {row.original.synthetic && (
              <span className="badge badge-synthetic" data-testid="synthetic-badge">
                {t('cases.synthetic')}
              </span>
            )}
            {row.original.forgotten && (
              <span className="badge badge-muted">{t('cases.forgottenBadge')}</span>
            )}
          </span>
        ),
      },
      {
        id: 'status',
        header: t('cases.fields.status'),
        enableSorting: false,
        accessorFn: (row) => codeLabel('caseStatus', row.status),
        cell: ({ row, getValue }) => (
          <span className={`badge badge-status-${row.original.status}`}>{String(getValue())}</span>
        ),
      },
      {
        id: 'gender',
        header: t('cases.fields.gender'),
        enableSorting: false,
        accessorFn: (row) => codeLabel('gender', row.gender),
      },
      {
        id: 'ageBand',
        header: t('cases.fields.ageBand'),
        enableSorting: false,
        accessorFn: (row) => (row.ageBand === null ? '—' : ageBandLabel(row.ageBand)),
      },
      {
        id: 'citizenship',
        header: t('cases.fields.citizenship'),
        enableSorting: false,
        accessorFn: (row) =>
          row.citizenship.length === 0
            ? '—'
            : row.citizenship
                .map((code) => countryName(code, i18n.language))
                .join(t('codes.separator')),
      },
      {
        id: 'traffickingStatus',
        header: t('cases.fields.traffickingStatus'),
        enableSorting: false,
        accessorFn: (row) =>
          row.traffickingStatus === null
            ? '—'
            : codeLabel('traffickingStatus', row.traffickingStatus),
      },
      {
        id: 'exploitationTypes',
        header: t('cases.fields.exploitationTypes'),
        enableSorting: false,
        accessorFn: (row) => codeLabels('exploitationType', row.exploitationTypes),
      },
      {
        id: 'conflict',
        header: t('cases.fields.conflictRelated'),
        enableSorting: false,
        accessorFn: (row) => {
          const related = codeLabel('conflictRelation', row.conflictRelated);
          const crisis = row.crisisId === null ? undefined : crisisNames.get(row.crisisId);
          return crisis === undefined ? related : `${related} · ${crisis}`;
        },
      },
      {
        id: 'year',
        header: t('cases.fields.registrationYear'),
        enableSorting: false,
        accessorFn: (row) => String(row.registrationYear),
      },
      {
        id: 'updatedAt',
        header: t('cases.updated'),
        enableSorting: false,
        accessorFn: (row) => row.updatedAt,
        cell: ({ row }) => format.date(row.original.updatedAt),
      },
    ];
    if (readable.length > 1) {
      list.splice(1, 0, {
        id: 'organisation',
        header: t('cases.fields.organisation'),
        enableSorting: false,
        accessorFn: (row) => orgNames.get(row.organisationId) ?? t('common.unknownOrganisation'),
      });
    }
    return list;
  }, [t, i18n.language, format, crisisNames, orgNames, readable.length]);

  const total = cases.data?.total ?? 0;
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  const pages = Math.max(1, Math.ceil(total / size));
  const pager = cases.data !== undefined && total > 0 && (
    <div className="table-pager" data-testid="case-pager">
      <p className="table-count" role="status">
        {t('cases.range', {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </p>
      <div className="table-page-size">
        <label htmlFor={sizeId}>{t('table.pageSize')}</label>
        <select
          id={sizeId}
          className="input"
          value={size}
          onChange={(event) => {
            const nextSize = Number(event.target.value);
            change((current) => ({ filter: current.filter, page: 0, size: nextSize }));
          }}
        >
          {pageSizes.map((option) => (
            <option key={option} value={option}>
              {format.number(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="pager-buttons">
        <button
          type="button"
          className="button"
          disabled={page === 0 || cases.isFetching}
          onClick={() => {
            change((current) => ({ ...current, page: Math.max(0, current.page - 1) }));
          }}
          data-testid="case-previous"
        >
          {t('table.previous')}
        </button>
        <span className="pager-position">
          {t('table.page', { page: format.number(page + 1), pages: format.number(pages) })}
        </span>
        <button
          type="button"
          className="button"
          disabled={page + 1 >= pages || cases.isFetching}
          onClick={() => {
            change((current) => ({ ...current, page: Math.min(pages - 1, current.page + 1) }));
          }}
          data-testid="case-next"
        >
          {t('table.next')}
        </button>
      </div>
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        description={t('cases.description')}
        actions={
          <>
            {session.can('case.import') && (
              <Link to="/imports" className="button" data-testid="case-import-link">
                {t('cases.import')}
              </Link>
            )}
            {session.can('case.create') && (
              <Link to="/cases/new" className="button button-primary" data-testid="case-create">
                {t('cases.new')}
              </Link>
            )}
          </>
        }
      />
      <Notices />
      <div className="case-list-tools">
        <SavedViews
          filter={filter}
          onApply={(next) => {
            apply(next);
          }}
        />
      </div>
      <CaseFilters
        value={filter}
        crises={crises.data ?? []}
        organisations={readable}
        onApply={(next) => {
          apply(next);
        }}
      />
      <DataTable
        label={t('cases.tableLabel')}
        data={cases.data?.items}
        columns={columns}
        isLoading={cases.isPending}
        error={cases.error}
        onRetry={() => void cases.refetch()}
        emptyText={Object.keys(filter).length > 0 ? t('cases.noMatches') : t('cases.empty')}
        getRowId={(row) => row.id}
        filterable={false}
        paginate={false}
        testId="cases-table"
        captionHidden
        footer={pager}
      />
    </>
  );
}
