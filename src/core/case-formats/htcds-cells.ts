import type { z } from 'zod';
import { isoDateSchema } from '../../shared/case-schemas.js';
import { alpha2ToAlpha3 } from '../../shared/countries.js';
import { isKnownAlpha3, sameMembers, splitList, type RowReader } from './cell-values.js';
import {
  matchCode,
  matchCodes,
  parseBoolean,
  toPlainHtcds,
  type Picklist,
} from './htcds-values.js';

/** The token a `vigil_` list column holds for a list recorded as empty (empty means unrecorded). */
export const emptyListToken = 'None';

/** Typed readers over the cells of one HTCDS row; each reports its own errors. */
export interface HtcdsCells {
  readonly text: (column: string) => string | null;
  readonly pick: <C extends string>(column: string, list: Picklist<C>) => C | null;
  /**
   * A list held exactly in a `vigil_` column and as plain HTCDS codes in another. A filled
   * `vigil_` cell wins (a plain cell that disagrees with it is a warning); otherwise the plain
   * cell is read; both empty is an unrecorded list.
   */
  readonly list: <C extends string>(
    plain: string | null,
    exact: string | null,
    list: Picklist<C>,
    equivalents?: Readonly<Partial<Record<C, C | null>>>,
  ) => C[] | null;
  readonly country: (column: string) => string | null;
  readonly countries: (column: string) => string[];
  readonly date: (column: string) => string | null;
  readonly boolean: (column: string) => boolean | null;
  readonly json: <T>(column: string, schema: z.ZodType<T>) => T | undefined;
}

/** Builds the typed readers over a row reader. */
export function htcdsCells(reader: RowReader): HtcdsCells {
  const text = (column: string) => {
    const value = reader.cell(column);
    return value === '' ? null : value;
  };
  const codesOf = <C extends string>(column: string, list: Picklist<C>): C[] => {
    const value = reader.cell(column);
    const { codes, unknown } = matchCodes(list, value);
    if (unknown.length > 0) {
      reader.error(column, value, 'unknown_value', `Unknown value(s): ${unknown.join(', ')}`);
    }
    return codes;
  };
  const countryOf = (column: string, raw: string): string | null => {
    const code = raw.trim().toUpperCase();
    if (code === 'ZZ' || code === 'ZZZ') return null;
    const alpha3 = code.length === 2 ? alpha2ToAlpha3(code) : isKnownAlpha3(code) ? code : null;
    if (alpha3 === null) {
      reader.error(
        column,
        reader.cell(column),
        'unknown_country',
        `Not an ISO 3166-1 country code: ${raw}`,
      );
    }
    return alpha3;
  };
  return {
    text,
    pick(column, list) {
      const value = reader.cell(column);
      if (value === '') return null;
      const code = matchCode(list, value);
      if (code === undefined) {
        reader.error(column, value, 'unknown_value', `Not a code or label of ${column}`);
        return null;
      }
      return code;
    },
    list<C extends string>(
      plain: string | null,
      exact: string | null,
      list: Picklist<C>,
      equivalents?: Readonly<Partial<Record<C, C | null>>>,
    ) {
      const exactValue = exact === null ? '' : reader.cell(exact);
      const plainValue = plain === null ? '' : reader.cell(plain);
      if (exact !== null && exactValue !== '') {
        const codes = exactValue === emptyListToken ? [] : codesOf(exact, list);
        if (plain !== null && plainValue !== '') {
          const expected = toPlainHtcds(codes, equivalents);
          const { codes: found, unknown } = matchCodes(list, plainValue);
          const written = found.map((code) => toPlainHtcds([code], equivalents)[0] ?? code);
          if (unknown.length > 0 || !sameMembers(expected, written)) {
            reader.warn(
              plain,
              plainValue,
              'conflicting_columns',
              `Disagrees with ${exact}, which is kept`,
            );
          }
        }
        return codes;
      }
      return plain === null || plainValue === '' ? null : codesOf(plain, list);
    },
    country(column) {
      const value = reader.cell(column);
      return value === '' ? null : countryOf(column, value);
    },
    countries(column) {
      const codes: string[] = [];
      for (const part of splitList(reader.cell(column))) {
        const code = countryOf(column, part);
        if (code !== null) codes.push(code);
      }
      return codes;
    },
    date(column) {
      const value = reader.cell(column);
      if (value === '') return null;
      if (!isoDateSchema.safeParse(value).success) {
        reader.error(column, value, 'invalid_date', 'Use a date written YYYY-MM-DD');
        return null;
      }
      return value;
    },
    boolean(column) {
      const value = reader.cell(column);
      const flag = parseBoolean(value);
      if (flag === undefined) {
        reader.error(column, value, 'invalid_boolean', 'Use TRUE or FALSE');
        return null;
      }
      return flag;
    },
    json(column, schema) {
      const value = reader.cell(column);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        reader.error(column, value, 'invalid_json', 'Not valid JSON');
        return undefined;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        const [issue] = result.error.issues;
        const where = issue === undefined ? '' : issue.path.join('.');
        reader.error(column, value, 'invalid_field', `${where}: ${issue?.message ?? 'invalid'}`);
        return undefined;
      }
      return result.data;
    },
  };
}
