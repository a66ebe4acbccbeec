import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ruleMessageLanguages,
  type GlotipAge,
  type GlotipCellValue,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { grandTotal, victims, victimsTotal } from '../../test-support/glotip-cells.js';
import type { ReturnCellInput } from './return-cells.js';
import { submissionCheck, validateReturn, violationMessage } from './validate-return.js';
import {
  glotipValidationRules,
  messagePlaceholders,
  validationRuleProblems,
  type ValidationRule,
} from './validation-rules.js';

const sexes = ['female', 'male', 'other', 'unknown'] as const;
const ages = ['adult', 'minor', 'unknown'] as const;
type Grid = Record<(typeof sexes)[number], Record<(typeof ages)[number], number>>;

/** Every cell of one sex × age table with its margins, computed from the inner counts. */
function tableCells(
  dimension: 'total' | 'conflict',
  category: string,
  grid: Grid,
): ReturnCellInput[] {
  const value = (sex: GlotipSex, age: GlotipAge) =>
    sexes
      .filter((item) => sex === 'total' || item === sex)
      .flatMap((item) =>
        ages.filter((inner) => age === 'total' || inner === age).map((inner) => grid[item][inner]),
      )
      .reduce((sum, count) => sum + count, 0);
  return (['total', ...sexes] as const).flatMap((sex) =>
    (['total', ...ages] as const).map((age) =>
      victims(dimension, category, sex, age, value(sex, age)),
    ),
  );
}

const gridArbitrary = fc.record(
  Object.fromEntries(
    sexes.map((sex) => [
      sex,
      fc.record({ adult: fc.nat(12), minor: fc.nat(12), unknown: fc.nat(12) }),
    ]),
  ) as {
    [S in (typeof sexes)[number]]: fc.Arbitrary<Grid[S]>;
  },
);

/** A consistent return: victims by sex × age, split by conflict link, and court figures. */
const consistentReturn = fc
  .tuple(gridArbitrary, gridArbitrary, fc.nat(20), fc.nat(20))
  .map(([yes, no, convicted, extra]) => {
    const sum = (a: Grid, b: Grid): Grid =>
      Object.fromEntries(
        sexes.map((sex) => [
          sex,
          {
            adult: a[sex].adult + b[sex].adult,
            minor: a[sex].minor + b[sex].minor,
            unknown: a[sex].unknown + b[sex].unknown,
          },
        ]),
      ) as Grid;
    return [
      ...tableCells('total', 'total', sum(yes, no)),
      ...tableCells('conflict', 'yes', yes),
      ...tableCells('conflict', 'no', no),
      grandTotal('prosecuted', convicted + extra),
      grandTotal('convicted', convicted),
      grandTotal('offences', extra),
    ];
  });

const below5: GlotipCellValue = { kind: 'censored', lower: 0, upper: 4 };
const censorSmall = (cells: readonly ReturnCellInput[]) =>
  cells.map((cell) =>
    cell.value.kind === 'count' && cell.value.value < 5 ? { ...cell, value: below5 } : cell,
  );

describe('validateReturn on whole returns', () => {
  it('finds nothing wrong in a consistent return', () => {
    fc.assert(
      fc.property(consistentReturn, (cells) => {
        expect(validateReturn({ year: 2022, currentYear: 2025, cells })).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('finds nothing wrong once small counts are published as <5 (censoring is sound)', () => {
    fc.assert(
      fc.property(consistentReturn, (cells) => {
        expect(
          validateReturn({ year: 2022, currentYear: 2025, cells: censorSmall(cells) }),
        ).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('catches a grand total moved beyond what its parts allow, even after censoring', () => {
    fc.assert(
      fc.property(consistentReturn, fc.integer({ min: 1, max: 50 }), (cells, shift) => {
        const censored = censorSmall(cells);
        // The sex parts of the grand total may hide at most 4 per censored part.
        const slack = 4 * sexes.length;
        const moved = censored.map((cell) =>
          cell.key.dimension === 'total' &&
          cell.key.sex === 'total' &&
          cell.key.age === 'total' &&
          cell.key.indicator === 'detected_victims'
            ? { ...cell, value: { kind: 'count' as const, value: total(cells) + slack + shift } }
            : cell,
        );
        const ids = validateReturn({ year: 2022, currentYear: 2025, cells: moved }).map(
          (item) => item.ruleId,
        );
        expect(ids).toContain('parts.sex_age_total');
        expect(ids).toContain('parts.conflict_total');
      }),
      { numRuns: 50 },
    );
    function total(cells: readonly ReturnCellInput[]): number {
      const grand = cells.find(
        (cell) =>
          cell.key.indicator === 'detected_victims' &&
          cell.key.dimension === 'total' &&
          cell.key.sex === 'total' &&
          cell.key.age === 'total',
      );
      return grand?.value.kind === 'count' ? grand.value.value : 0;
    }
  });

  it('lists violations in rule order, then by subject', () => {
    const violations = validateReturn({
      year: 2030,
      currentYear: 2025,
      cells: [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 3),
        victims('exploitation', 'sexual', 'total', 'total', 4),
        victims('citizenship', 'Nigerians', 'total', 'total', 2),
        grandTotal('prosecuted', 2),
        grandTotal('convicted', 6),
      ],
    });
    expect(violations.map((item) => item.ruleId)).toEqual([
      'period.year_bounds',
      'category.country_code',
      'parts.sex_age_total',
      'parts.exploitation_total',
      'parts.citizenship_total',
      'order.prosecuted_convicted',
    ]);
  });
});

describe('submissionCheck', () => {
  const cells = [
    victimsTotal('total', 'total', 10),
    victims('exploitation', 'sexual', 'total', 'total', 4),
    grandTotal('prosecuted', 2),
    grandTotal('convicted', 6),
  ];
  const violations = validateReturn({ year: 2022, currentYear: 2025, cells });
  const subjects = violations.map((item) => item.subject);

  it('needs a comment on every failing warning', () => {
    expect(violations.every((item) => item.importance === 'warning')).toBe(true);
    expect(submissionCheck(violations, new Set()).canSubmit).toBe(false);
    expect(submissionCheck(violations, new Set(subjects.slice(1))).uncommentedWarnings).toEqual([
      violations[0],
    ]);
    expect(submissionCheck(violations, new Set(subjects))).toEqual({
      canSubmit: true,
      critical: [],
      uncommentedWarnings: [],
    });
  });

  it('refuses a failing critical rule whatever the comments', () => {
    const critical = validateReturn({ year: 2001, currentYear: 2025, cells });
    const check = submissionCheck(critical, new Set(critical.map((item) => item.subject)));
    expect(check.canSubmit).toBe(false);
    expect(check.critical.map((item) => item.ruleId)).toEqual(['period.year_bounds']);
  });

  it('lets a clean return through', () => {
    expect(submissionCheck([], new Set()).canSubmit).toBe(true);
  });
});

describe('rule messages', () => {
  it('the GLOTIP rule set is well formed, with unique ids and six languages', () => {
    expect(validationRuleProblems(glotipValidationRules)).toEqual([]);
    expect(glotipValidationRules.length).toBeGreaterThanOrEqual(14);
  });

  it.each<[string, (rule: ValidationRule) => ValidationRule, RegExp]>([
    ['a duplicate id', (rule) => rule, /duplicate rule id/],
    [
      'a dropped placeholder',
      (rule) => ({ ...rule, messages: { ...rule.messages, ar: 'خطأ' } }),
      /ar placeholders differ/,
    ],
    [
      'an empty message',
      (rule) => ({ ...rule, messages: { ...rule.messages, zh: ' ' } }),
      /empty zh message/,
    ],
    [
      'missing operands',
      (rule) => ({ ...rule, kind: 'category_parts' }),
      /needs a non-total dimension/,
    ],
    [
      'equal operands',
      (rule) => ({ ...rule, kind: 'indicator_order', greater: 'convicted', lesser: 'convicted' }),
      /two different indicators/,
    ],
  ])('validationRuleProblems reports %s', (_name, mutate, problem) => {
    const [first] = glotipValidationRules;
    if (first === undefined) throw new Error('no rules');
    const rules = [
      first,
      { ...mutate(first), id: _name === 'a duplicate id' ? first.id : 'changed' },
    ];
    expect(validationRuleProblems(rules).join('\n')).toMatch(problem);
  });

  const violation = validateReturn({
    year: 2022,
    currentYear: 2025,
    cells: [
      victimsTotal('total', 'total', 9),
      victimsTotal('female', 'total', '<5'),
      victimsTotal('male', 'total', 3),
    ],
  })[0];
  if (violation === undefined) throw new Error('expected a violation');

  it.each([
    [
      'en',
      'The breakdown of detected_victims|total|total|total|total by sex or age adds up to 3–7, which cannot equal its value 9.',
    ],
    [
      'fr',
      'La ventilation de detected_victims|total|total|total|total par sexe ou par âge totalise 3–7, ce qui ne peut pas être égal à sa valeur 9.',
    ],
    [
      'fr-CA',
      'La ventilation de detected_victims|total|total|total|total par sexe ou par âge totalise 3–7, ce qui ne peut pas être égal à sa valeur 9.',
    ],
    [
      'de',
      'The breakdown of detected_victims|total|total|total|total by sex or age adds up to 3–7, which cannot equal its value 9.',
    ],
  ])('renders in %s', (language, expected) => {
    expect(violationMessage(violation, language)).toBe(expected);
  });

  it.each(ruleMessageLanguages)('fills every placeholder in %s for every rule', (language) => {
    for (const rule of glotipValidationRules) {
      const params = Object.fromEntries(
        messagePlaceholders(rule.messages.en).map((name) => [name, `«${name}»`]),
      );
      const text = violationMessage(
        { ruleId: rule.id, importance: rule.importance, cells: [], params, subject: rule.id },
        language,
      );
      expect(text).not.toMatch(/\{[A-Za-z]+\}/);
      for (const name of Object.keys(params)) expect(text).toContain(`«${name}»`);
    }
  });

  it('keeps a placeholder without a param visible and names an unknown rule by id', () => {
    expect(violationMessage({ ...violation, params: {} }, 'en')).toContain('{parts}');
    expect(violationMessage({ ...violation, ruleId: 'no.such_rule' }, 'en')).toBe('no.such_rule');
  });
});
