import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  glotipDataSet,
  questionnaireSections,
  type QuestionnaireSection,
} from '../../../core/glotip/data-set-definition.js';
import type { GlotipCellKey, GlotipIndicator } from '../../../shared/glotip-vocabulary.js';
import type { CellEntry } from './cell-entry.js';
import {
  countByImportance,
  marksOf,
  placeViolations,
  type ShownViolation,
} from './live-validation.js';
import { QuestionnaireTable } from './questionnaire-table.js';
import { countText, indicatorLabel } from './return-labels.js';
import { type ReturnDraft } from './return-draft.js';

const sections = questionnaireSections(glotipDataSet);
const indicators = glotipDataSet.indicators.map((item) => item.indicator);

/** A section with its detailed forms of exploitation left out (until asked for). */
function withoutDetails(section: QuestionnaireSection): QuestionnaireSection {
  return { ...section, rows: section.rows.filter((row) => row.rollsUpTo === null) };
}

interface ReturnFormProps {
  draft: ReturnDraft;
  onChange: (key: GlotipCellKey, entry: CellEntry) => void;
  readOnly: boolean;
  violations: readonly ShownViolation[];
  /** Derived returns: record counts by cell key string, and the drill-down they open. */
  recordCounts?: ReadonlyMap<string, number>;
  onDrillDown?: (key: GlotipCellKey) => void;
  /** Overrides of derived values: missing reasons (after a save attempt), and typing one. */
  reasonErrors?: ReadonlyMap<string, 'required' | 'too_small'>;
  onReasonChange?: (key: GlotipCellKey, reason: string) => void;
}

/**
 * The questionnaire: one tab per indicator (as UNODC's form has one page per indicator), each
 * holding its tables. A tab names how many errors and warnings it holds, so a problem on another
 * tab is never hidden. Detailed forms of exploitation fold away until wanted or filled.
 */
export function ReturnForm({
  draft,
  onChange,
  readOnly,
  violations,
  recordCounts,
  onDrillDown,
  reasonErrors,
  onReasonChange,
}: ReturnFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [active, setActive] = useState<GlotipIndicator>('detected_victims');
  const [details, setDetails] = useState(false);
  const [added, setAdded] = useState<Record<string, string[]>>({});
  const tabs = useRef(new Map<GlotipIndicator, HTMLButtonElement>());
  const marks = useMemo(() => marksOf(violations), [violations]);
  const placed = useMemo(() => placeViolations(violations, sections), [violations]);
  const hasDetails = [...draft.entries.keys()].some((key) => {
    const category = key.split('|')[2] ?? '';
    return sections.some((s) =>
      s.rows.some((r) => r.rollsUpTo !== null && r.category === category),
    );
  });
  const showDetails = details || hasDetails;

  const onTabKey = (event: KeyboardEvent) => {
    const index = indicators.indexOf(active);
    // Arrow keys follow the reading direction: in Arabic "next" is to the left.
    const rtl = document.documentElement.dir === 'rtl';
    const step =
      event.key === 'ArrowRight' ? (rtl ? -1 : 1) : event.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = indicators[(index + step + indicators.length) % indicators.length] ?? active;
    setActive(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <div className="return-form" data-testid="return-form">
      <div
        role="tablist"
        aria-label={t('returns.form.indicators')}
        className="return-tabs"
        onKeyDown={onTabKey}
      >
        {indicators.map((indicator) => {
          const counts = countByImportance(
            violations.filter((v) => v.cells.some((c) => c.indicator === indicator)),
          );
          const selected = indicator === active;
          return (
            <button
              key={indicator}
              ref={(element) => {
                if (element === null) tabs.current.delete(indicator);
                else tabs.current.set(indicator, element);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${indicator}`}
              aria-selected={selected}
              aria-controls={`${id}-panel`}
              tabIndex={selected ? 0 : -1}
              className="return-tab"
              data-testid={`tab-${indicator}`}
              onClick={() => {
                setActive(indicator);
              }}
            >
              {indicatorLabel(indicator)}
              {counts.critical > 0 && (
                <span className="badge badge-return-error" data-testid="tab-errors">
                  {countText('returns.form.errorCount', counts.critical)}
                </span>
              )}
              {counts.warning > 0 && (
                <span className="badge badge-warning">
                  {countText('returns.form.warningCount', counts.warning)}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${active}`}
        className="return-panel"
      >
        {sections
          .filter((section) => section.indicator === active)
          .map((section) => (
            <QuestionnaireTable
              key={section.id}
              section={showDetails ? section : withoutDetails(section)}
              draft={draft}
              onChange={onChange}
              readOnly={readOnly}
              recordCounts={recordCounts}
              onDrillDown={onDrillDown}
              reasonErrors={reasonErrors}
              onReasonChange={onReasonChange}
              marks={marks}
              violations={placed.get(section.id) ?? []}
              addedCountries={added[section.id] ?? []}
              onAddCountry={(country) => {
                setAdded({ ...added, [section.id]: [...(added[section.id] ?? []), country] });
              }}
            />
          ))}
        {sections.some((s) => s.indicator === active && s.dimension === 'exploitation') &&
          !hasDetails && (
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={details}
              onClick={() => {
                setDetails(!details);
              }}
              data-testid="toggle-details"
            >
              {details ? t('returns.form.hideDetails') : t('returns.form.showDetails')}
            </button>
          )}
      </div>
    </div>
  );
}
