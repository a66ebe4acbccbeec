import { useTranslation } from 'react-i18next';
import type {
  QuestionnaireRow,
  QuestionnaireSection,
} from '../../../core/glotip/data-set-definition.js';
import { cellKeyString, type GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import { ApiError } from '../../api/api-client.js';
import { FormField } from '../../components/form-field.js';
import { AddCountry } from './add-country.js';
import { CellControl } from './cell-control.js';
import type { CellEntry } from './cell-entry.js';
import type { CellMarks, ShownViolation } from './live-validation.js';
import { ageLabel, categoryLabel, cellLabel, dimensionLabel, sexLabel } from './return-labels.js';
import { countryRows, entryOf, overriddenValue, type ReturnDraft } from './return-draft.js';

interface QuestionnaireTableProps {
  section: QuestionnaireSection;
  draft: ReturnDraft;
  onChange: (key: GlotipCellKey, entry: CellEntry) => void;
  readOnly: boolean;
  marks: CellMarks;
  /** The violations whose cells lie in this table, shown under it. */
  violations: readonly ShownViolation[];
  addedCountries: readonly string[];
  onAddCountry: (country: string) => void;
  /** Derived returns: how many case records each derived cell counts, by cell key string. */
  recordCounts?: ReadonlyMap<string, number>;
  /** Opens the list of the cases a derived cell counted. */
  onDrillDown?: (key: GlotipCellKey) => void;
  /** Overridden cells whose reason is missing, by cell key string (after a save attempt). */
  reasonErrors?: ReadonlyMap<string, 'required' | 'too_small'>;
  /** A reason typed for a cell that overrides its derived value. */
  onReasonChange?: (key: GlotipCellKey, reason: string) => void;
}

// The reason field's name in field errors (not `overrideReason`, whose wording is the
// referrals' 20-character minimum; a return's override reason needs 3).
const reasonField = 'cellOverrideReason';

/** A test id for a cell: its key with dashes (no `|`, which reads badly in selectors). */
export function cellTestId(key: GlotipCellKey): string {
  return `cell-${key.indicator}-${key.dimension}-${key.category}-${key.sex}-${key.age}`;
}

/**
 * Why one cell's figure differs from the figure derived from case records: named after the
 * cell, with the derived value as its hint. The returns API refuses an override without it.
 */
function OverrideReason({
  label,
  derived,
  reason,
  issue,
  readOnly,
  onChange,
  testId,
}: {
  label: string;
  derived: string;
  reason: string;
  issue: 'required' | 'too_small' | undefined;
  readOnly: boolean;
  onChange: (reason: string) => void;
  testId: string;
}) {
  // Shaped like the API's refusal, so that the field shows it as any other field error.
  const error =
    issue === undefined
      ? null
      : new ApiError({
          status: 0,
          code: 'validation.failed',
          details: [{ path: ['body', reasonField], issue }],
        });
  return (
    <div data-testid={testId}>
      <FormField name={reasonField} label={label} hint={derived} error={error} required>
        {(control) => (
          <input
            {...control}
            className="input"
            value={reason}
            readOnly={readOnly}
            maxLength={2000}
            onChange={(event) => {
              onChange(event.target.value);
            }}
            data-testid={`${testId}-reason`}
          />
        )}
      </FormField>
    </div>
  );
}

/**
 * One table of the questionnaire: an indicator by one dimension, rows of categories (detailed
 * forms of exploitation indented under their group; countries added on demand) × columns of
 * sex within age. The violations that concern its cells are listed right under it, and each cell
 * they name points to them (`aria-describedby`).
 */
export function QuestionnaireTable({
  section,
  draft,
  onChange,
  readOnly,
  marks,
  violations,
  addedCountries,
  onAddCountry,
  recordCounts,
  onDrillDown,
  reasonErrors,
  onReasonChange,
}: QuestionnaireTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ages = [...new Set(section.columns.map((column) => column.age))];
  const byAge = ages.length > 1;
  const rows: QuestionnaireRow[] = [
    ...section.rows,
    ...(section.addCountryRows
      ? countryRows(section, draft, addedCountries).map((category) => ({
          category,
          rollsUpTo: null,
        }))
      : []),
  ];
  const title = dimensionLabel(section.dimension);
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  // The cells of this table whose figure differs from the one derived from case records.
  const overrides = rows.flatMap((row) =>
    section.columns.flatMap((column) => {
      const key: GlotipCellKey = {
        indicator: section.indicator,
        dimension: section.dimension,
        category: row.category,
        sex: column.sex,
        age: column.age,
      };
      const derived = overriddenValue(draft, key);
      return derived === undefined ? [] : [{ key, derived }];
    }),
  );

  return (
    <section className="return-section" data-testid={`section-${section.id}`}>
      <h3 className="section-subtitle">
        {section.dimension === 'total' ? t('returns.form.totals') : title}
      </h3>
      <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="table return-table">
          <thead>
            {byAge && (
              <tr>
                <td className="return-corner" />
                {ages.map((age) => (
                  <th
                    key={age}
                    scope="colgroup"
                    colSpan={section.columns.filter((column) => column.age === age).length}
                    className="return-age-head"
                  >
                    {ageLabel(age)}
                  </th>
                ))}
              </tr>
            )}
            <tr>
              <th scope="col">{t('returns.form.category')}</th>
              {section.columns.map((column) => (
                <th key={`${column.age}-${column.sex}`} scope="col">
                  {sexLabel(column.sex)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category} className={row.rollsUpTo === null ? '' : 'return-detail-row'}>
                <th scope="row" className="return-row-head">
                  {categoryLabel(section.dimension, row.category, language)}
                </th>
                {section.columns.map((column) => {
                  const key: GlotipCellKey = {
                    indicator: section.indicator,
                    dimension: section.dimension,
                    category: row.category,
                    sex: column.sex,
                    age: column.age,
                  };
                  const mark = marks.get(cellKeyString(key));
                  const recordCount = recordCounts?.get(cellKeyString(key));
                  const derived = overriddenValue(draft, key);
                  return (
                    <td key={`${column.age}-${column.sex}`}>
                      <CellControl
                        label={cellLabel(key, language)}
                        entry={entryOf(draft, key)}
                        onChange={(entry) => {
                          onChange(key, entry);
                        }}
                        readOnly={readOnly}
                        state={mark?.state ?? 'ok'}
                        describedBy={mark?.messageIds ?? []}
                        testId={cellTestId(key)}
                      />
                      {recordCount !== undefined && onDrillDown !== undefined && (
                        <button
                          type="button"
                          className="button button-quiet return-record-count"
                          aria-label={t('returns.derive.showCases', {
                            records: number(recordCount),
                            cell: cellLabel(key, language),
                          })}
                          onClick={() => {
                            onDrillDown(key);
                          }}
                          data-testid={`records-${cellTestId(key)}`}
                        >
                          {number(recordCount)}
                        </button>
                      )}
                      {derived !== undefined && (
                        <span
                          className="return-derived-value"
                          data-testid={`derived-${cellTestId(key)}`}
                        >
                          {t('returns.derive.value', { value: number(derived) })}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {section.addCountryRows && !readOnly && (
        <AddCountry
          existing={rows.map((row) => row.category)}
          onAdd={onAddCountry}
          testId={`add-country-${section.id}`}
        />
      )}
      {overrides.length > 0 && (
        <div className="return-overrides" data-testid={`overrides-${section.id}`}>
          {overrides.map(({ key, derived }) => (
            <OverrideReason
              key={cellKeyString(key)}
              label={cellLabel(key, language)}
              derived={t('returns.derive.value', { value: number(derived) })}
              reason={draft.reasons.get(cellKeyString(key)) ?? ''}
              issue={reasonErrors?.get(cellKeyString(key))}
              readOnly={readOnly || onReasonChange === undefined}
              onChange={(reason) => {
                onReasonChange?.(key, reason);
              }}
              testId={`override-${cellTestId(key)}`}
            />
          ))}
        </div>
      )}
      {violations.length > 0 && (
        <ul className="return-violations" data-testid={`violations-${section.id}`}>
          {violations.map((violation) => (
            <li
              key={violation.id}
              id={violation.id}
              className={`return-violation return-violation-${violation.importance}`}
              data-testid="violation"
              data-rule={violation.ruleId}
              data-importance={violation.importance}
            >
              <span className="badge">{t(`returns.importance.${violation.importance}`)}</span>{' '}
              {violation.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
