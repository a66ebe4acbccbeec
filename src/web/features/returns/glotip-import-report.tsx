import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { RejectionsTable, type RejectionWords } from '../../components/rejections-table.js';
import { countryName } from '../../i18n/country-names.js';
import { useFormatters } from '../../i18n/format.js';
import type { GlotipImportReport } from './glotip-import-api.js';
import {
  breakdownText,
  importIndicatorText,
  problemText,
  rejectionReasonText,
  rejectionsByReason,
  returnOutcomeText,
  returnTallies,
  rowOutcomes,
} from './glotip-import-labels.js';

type Rejection = GlotipImportReport['rejections'][number];
type Inconsistency = GlotipImportReport['inconsistencies'][number];
type ReturnLine = GlotipImportReport['returns'][number];

/** One figure of a row of counts (`data-testid="glotip-count-<key>"`). */
function Count({ label, value, testKey }: { label: string; value: number; testKey: string }) {
  const format = useFormatters();
  return (
    <div className={`import-count import-count-${testKey}`}>
      <dt>{label}</dt>
      <dd data-testid={`glotip-count-${testKey}`}>{format.number(value)}</dd>
    </div>
  );
}

/** Rows by outcome (imported, normalised, refused), then the refused ones by reason. */
export function OutcomeCounts({ report }: { report: GlotipImportReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const byReason = rejectionsByReason(report.outcomes);
  return (
    <>
      <dl className="import-counts" data-testid="glotip-counts">
        {rowOutcomes.map((outcome) => (
          <Count
            key={outcome}
            label={t(`returns.import.counts.${outcome}`)}
            value={report.outcomes[outcome] ?? 0}
            testKey={outcome}
          />
        ))}
      </dl>
      {byReason.length > 0 && (
        <>
          <h3 className="section-title">{t('returns.import.byReason')}</h3>
          <dl className="glotip-reasons" data-testid="glotip-reasons">
            {byReason.map(({ reason, count }) => (
              <div key={reason} data-reason={reason}>
                <dt>{rejectionReasonText(reason)}</dt>
                <dd>{format.number(count)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

/** The refused rows: file line, column, the cell as written and why. */
export function GlotipRejections({ rejections }: { rejections: readonly Rejection[] }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => rejections.map(({ line, ...rest }) => ({ position: line, ...rest })),
    [rejections],
  );
  const words = useMemo<RejectionWords>(
    () => ({
      label: t('returns.import.rejections.title'),
      position: t('returns.import.rejections.line'),
      column: t('returns.import.rejections.column'),
      value: t('returns.import.rejections.value'),
      empty: t('returns.import.rejections.empty'),
      reason: t('returns.import.rejections.reason'),
      none: '',
    }),
    [t],
  );
  if (rejections.length === 0) return null;
  return (
    <RejectionsTable
      rejections={rows}
      words={words}
      reasonText={rejectionReasonText}
      testId="glotip-rejections"
      captionHidden
    />
  );
}

/** Breakdowns whose parts and whole disagree in the file: flagged, imported as written. */
export function InconsistenciesTable({
  inconsistencies,
}: {
  inconsistencies: readonly Inconsistency[];
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = i18n.language;
  const columns = useMemo<ColumnDef<Inconsistency>[]>(
    () => [
      {
        id: 'country',
        header: t('returns.import.inconsistencies.country'),
        accessorFn: (r) => countryName(r.iso3, language),
      },
      {
        id: 'year',
        header: t('returns.import.inconsistencies.year'),
        accessorFn: (r) => r.year,
        cell: ({ row }) => <bdi dir="ltr">{row.original.year}</bdi>,
      },
      {
        id: 'indicator',
        header: t('returns.import.inconsistencies.indicator'),
        accessorFn: (r) => importIndicatorText(r.indicator),
      },
      {
        id: 'breakdown',
        header: t('returns.import.inconsistencies.breakdown'),
        accessorFn: (r) => breakdownText(r.breakdown),
      },
      {
        id: 'problem',
        header: t('returns.import.inconsistencies.problem'),
        accessorFn: (r) => problemText(r.problem),
        cell: ({ row, getValue }) => (
          <span data-problem={row.original.problem}>{String(getValue())}</span>
        ),
      },
      {
        id: 'lines',
        header: t('returns.import.inconsistencies.lines'),
        accessorFn: (r) => r.lines.join(' '),
        cell: ({ row }) => row.original.lines.map((line) => format.number(line)).join(', '),
        enableSorting: false,
      },
    ],
    [t, format, language],
  );
  return (
    <>
      <p className="field-hint">{t('returns.import.inconsistencies.intro')}</p>
      <DataTable
        label={t('returns.import.inconsistencies.title')}
        data={inconsistencies}
        columns={columns}
        isLoading={false}
        error={null}
        emptyText={t('returns.import.inconsistencies.none')}
        pageSize={25}
        testId="glotip-inconsistencies"
        captionHidden
      />
    </>
  );
}

/** The returns written (or that would be), one per country and year. */
export function ReturnsTable({ returns }: { returns: readonly ReturnLine[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = i18n.language;
  const columns = useMemo<ColumnDef<ReturnLine>[]>(
    () => [
      {
        id: 'country',
        header: t('returns.import.returns.country'),
        accessorFn: (r) => countryName(r.country, language),
      },
      {
        id: 'year',
        header: t('returns.import.returns.year'),
        accessorFn: (r) => r.year,
        cell: ({ row }) => <bdi dir="ltr">{row.original.year}</bdi>,
      },
      {
        id: 'cells',
        header: t('returns.import.returns.cells'),
        accessorFn: (r) => r.cells,
        cell: ({ row }) => format.number(row.original.cells),
      },
      {
        id: 'outcome',
        header: t('returns.import.returns.outcome'),
        accessorFn: (r) => returnOutcomeText(r.outcome),
        cell: ({ row, getValue }) => (
          <span data-outcome={row.original.outcome}>{String(getValue())}</span>
        ),
      },
    ],
    [t, format, language],
  );
  return (
    <DataTable
      label={t('returns.import.returns.title')}
      data={returns}
      columns={columns}
      isLoading={false}
      error={null}
      emptyText={t('returns.import.returns.none')}
      pageSize={25}
      testId="glotip-returns"
      captionHidden
    />
  );
}

/** What the real import did: returns created, updated, unchanged, and entities created. */
export function ImportResult({ report }: { report: GlotipImportReport }) {
  const { t, i18n } = useTranslation();
  const tallies = returnTallies(report.returns);
  return (
    <>
      <dl className="import-counts" data-testid="glotip-result-counts">
        {(['created', 'updated', 'unchanged'] as const).map((outcome) => (
          <Count
            key={outcome}
            label={t(`returns.import.outcomes.${outcome}`)}
            value={tallies[outcome]}
            testKey={`returns-${outcome}`}
          />
        ))}
        <Count
          label={t('returns.import.organisationsCreated')}
          value={report.organisationsCreated.length}
          testKey="organisations-created"
        />
      </dl>
      {report.organisationsCreated.length > 0 && (
        <ul className="glotip-created" data-testid="glotip-organisations-created">
          {report.organisationsCreated.map((slug) => {
            // Member-state entities are `ms-<iso3>`: named by their country when that shows.
            const iso3 = /^ms-([a-z]{3})$/.exec(slug)?.[1]?.toUpperCase();
            return (
              <li key={slug}>
                {iso3 === undefined ? slug : countryName(iso3, i18n.language)}{' '}
                <code dir="ltr">{slug}</code>
              </li>
            );
          })}
        </ul>
      )}
      <ReturnsTable returns={report.returns} />
    </>
  );
}
