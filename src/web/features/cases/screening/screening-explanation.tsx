import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  DimensionBranch,
  DimensionResult,
  ScreeningClass,
  ScreeningDimension,
  ScreeningResult,
  ScreeningRule,
} from '../../../../shared/screening-vocabulary.js';
import { useFormatters } from '../../../i18n/format.js';

/** An indicator (`<dimension>.<indicator>`) in words; its code nests in the messages. */
export function indicatorLabel(code: string): string {
  const key = `screening.indicators.${code}`;
  return i18next.exists(key) ? i18next.t(key) : i18next.t('screening.unknownIndicator');
}

// Message keys of the rule's branches: the codes end in words i18next reads as plural forms
// (`strong_plus_other`), so the messages use camelCase names instead.
export const branchKeys: Record<DimensionBranch, string> = {
  two_strong: 'twoStrong',
  strong_plus_other: 'strongPlusOther',
  three_medium: 'threeMedium',
  two_medium_one_weak: 'twoMediumOneWeak',
};

/** A branch of the dimension rule in words ("two strong indicators"). */
export function branchLabel(branch: DimensionBranch): string {
  return i18next.t(`screening.branches.${branchKeys[branch]}`);
}

/** A screening class as a badge. */
export function ClassBadge({ value, testId }: { value: ScreeningClass; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge-class badge-class-${value}`}
      data-testid={testId}
      data-class={value}
    >
      {t(`screening.classes.${value}`)}
    </span>
  );
}

type Term = 'recruitment' | 'exploitation' | 'coercion' | 'deception';

function termDimensions(rule: ScreeningRule, term: Term): readonly ScreeningDimension[] {
  return rule[term];
}

/** How one term of the rule (recruitment, exploitation…) stands: by which positive dimensions. */
function TermLine({ result, term }: { result: ScreeningResult; term: Term }) {
  const { t } = useTranslation();
  const positive = termDimensions(result.rule, term).filter(
    (dimension) => result.dimensions.find((d) => d.dimension === dimension)?.positive === true,
  );
  return (
    <li className={positive.length > 0 ? 'term term-positive' : 'term'}>
      <span className="term-name">{t(`screening.terms.${term}`)}</span>
      <span>
        {positive.length > 0
          ? t('screening.termEstablished', {
              dimensions: positive
                .map((d) => t(`screening.dimensions.${d}`))
                .join(t('codes.separator')),
            })
          : t('screening.termNotEstablished')}
      </span>
    </li>
  );
}

/** One dimension: positive or not, the counts, the branch that fired, the indicators behind it. */
function DimensionLine({ item }: { item: DimensionResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li
      className={item.positive ? 'dimension dimension-positive' : 'dimension'}
      data-testid={`dimension-${item.dimension}`}
      data-positive={item.positive}
    >
      <div className="dimension-head">
        <span className="dimension-name">{t(`screening.dimensions.${item.dimension}`)}</span>
        <span className={item.positive ? 'badge badge-success' : 'badge badge-muted'}>
          {item.positive ? t('screening.positive') : t('screening.negative')}
        </span>
      </div>
      <p className="dimension-counts">
        {t('screening.counts', {
          strong: format.number(item.counts.strong),
          medium: format.number(item.counts.medium),
          weak: format.number(item.counts.weak),
        })}
      </p>
      {item.positive ? (
        <>
          <p className="dimension-branch">
            {t('screening.firedBy', {
              branches: item.branches.map(branchLabel).join(t('screening.or')),
            })}
          </p>
          <ul className="dimension-triggers" aria-label={t('screening.triggeredBy')}>
            {item.triggeredBy.map((code) => (
              <li key={code} data-code={code}>
                {indicatorLabel(code)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="dimension-branch muted">{t('screening.noBranch')}</p>
      )}
    </li>
  );
}

/**
 * Why a screening came out as it did: the class and its meaning, each term of the rule, then
 * each dimension with the branch of the rule that fired and the indicators that triggered it.
 */
export function ScreeningExplanation({
  result,
  compact = false,
}: {
  result: ScreeningResult;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const child = result.profile === 'child_labour' || result.profile === 'child_sexual';
  const terms: Term[] =
    child && !result.rule.childMeansRequired
      ? ['recruitment', 'exploitation', 'deception']
      : ['recruitment', 'exploitation', 'coercion', 'deception'];
  return (
    <div className="screening-explanation" data-testid="screening-explanation">
      <p className="screening-class-line">
        <ClassBadge value={result.class} testId="screening-class" />
      </p>
      <p>{t(`screening.classExplain.${result.class}`)}</p>
      {child && !result.rule.childMeansRequired && (
        <p className="field-hint">{t('screening.childRule')}</p>
      )}
      <ul className="terms">
        {terms.map((term) => (
          <TermLine key={term} result={result} term={term} />
        ))}
      </ul>
      {!compact && (
        <>
          <h3 className="section-subtitle">{t('screening.dimensionsTitle')}</h3>
          <ul className="dimensions">
            {result.dimensions.map((item) => (
              <DimensionLine key={item.dimension} item={item} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
