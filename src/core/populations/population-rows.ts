import { z } from 'zod';
import { isIsoAlpha3 } from '../../shared/countries.js';
import {
  populationColumns,
  requiredPopulationColumns,
  type PopulationRejectionReason,
} from '../../shared/population-schemas.js';
import { normaliseCountryText } from '../glotip-formats/index.js';

/*
 * A population file (`country,year,population[,source]`) read as rows of text by
 * server/platform/tabular, checked here: each row through one zod schema, bad rows reported
 * with their line, column, value and reason, never guessed.
 */

/** A row of text with the line it starts on. */
export interface PopulationTextRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A checked population figure. */
export interface PopulationFigureRow {
  readonly line: number;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  readonly year: number;
  readonly population: number;
  readonly source: string | null;
}

/** A row the import refuses. */
export interface PopulationRejection {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly reason: PopulationRejectionReason;
}

/** What is wrong with a header. */
export interface PopulationHeaderProblem {
  readonly column: string;
  readonly issue: 'missing_column' | 'unknown_column' | 'repeated_column';
}

/** The outcome of reading a file: its rows and rejections, or why its header is unusable. */
export type PopulationReadResult =
  | {
      readonly ok: true;
      readonly rows: readonly PopulationFigureRow[];
      readonly rejections: readonly PopulationRejection[];
    }
  | { readonly ok: false; readonly problems: readonly PopulationHeaderProblem[] };

/** Largest population a row may state (the table stores a 32-bit integer). */
export const maxPopulation = 2_147_483_647;
/** Longest source text kept. */
export const maxSourceLength = 200;

/**
 * The ISO 3166-1 alpha-3 code a country cell names: an assigned code (any case), or a name in
 * one of the six UN languages, M49's English name or an alias of the reviewed alias table
 * (core/glotip-formats). Former codes and text that names no single country give null.
 */
export function resolvePopulationCountry(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed) && isIsoAlpha3(trimmed.toUpperCase())) {
    return trimmed.toUpperCase();
  }
  const meaning = normaliseCountryText(trimmed);
  return meaning.kind === 'country' && isIsoAlpha3(meaning.iso3) ? meaning.iso3 : null;
}

// Digits, or digits grouped by thousands with commas, spaces or underscores (1,234,567).
const wholeNumber = /^(?:\d+|\d{1,3}(?:[, _\u00a0]\d{3})+)$/;

/** A field checked into a value, or refused with a reason (the zod issue carries it). */
function field<T>(
  reason: PopulationRejectionReason,
  check: (text: string) => T | null,
): z.ZodType<T, string> {
  return z.string().transform((text, ctx) => {
    const value = check(text.trim());
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: reason, params: { reason } });
      return z.NEVER;
    }
    return value;
  });
}

/** One row of text, by column name, into a population figure. */
const populationRowSchema = z.object({
  country: field('unknown_country', resolvePopulationCountry),
  year: field('invalid_year', (text) => {
    if (!/^\d{4}$/.test(text)) return null;
    const year = Number(text);
    return year >= 1900 && year <= 2100 ? year : null;
  }),
  population: field('invalid_population', (text) => {
    if (!wholeNumber.test(text)) return null;
    const population = Number(text.replace(/[, _\u00a0]/g, ''));
    return Number.isSafeInteger(population) && population > 0 && population <= maxPopulation
      ? population
      : null;
  }),
  source: field('source_too_long', (text) =>
    text.length > maxSourceLength ? null : { text: text === '' ? null : text },
  ),
});

function reasonOf(issue: z.core.$ZodIssue): PopulationRejectionReason {
  const params = (issue as { params?: { reason?: PopulationRejectionReason } }).params;
  return params?.reason ?? 'invalid_population';
}

function headerProblems(header: readonly string[]): {
  problems: PopulationHeaderProblem[];
  positions: Map<string, number>;
} {
  const problems: PopulationHeaderProblem[] = [];
  const positions = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!(populationColumns as readonly string[]).includes(name)) {
      problems.push({ column: raw.trim(), issue: 'unknown_column' });
    } else if (positions.has(name)) {
      problems.push({ column: name, issue: 'repeated_column' });
    } else {
      positions.set(name, index);
    }
  });
  for (const name of requiredPopulationColumns) {
    if (!positions.has(name)) problems.push({ column: name, issue: 'missing_column' });
  }
  return { problems, positions };
}

/**
 * Reads a population file's rows. The header names the columns (any order, any case; `source`
 * may be left out). A row whose country-year already came earlier in the file is refused
 * (`duplicate_row`), so a file never says two things about one country-year.
 */
export function readPopulationRows(
  header: readonly string[],
  rows: readonly PopulationTextRow[],
): PopulationReadResult {
  const { problems, positions } = headerProblems(header);
  if (problems.length > 0) return { ok: false, problems };
  const cellOf = (row: PopulationTextRow, name: string): string => {
    const index = positions.get(name);
    return index === undefined ? '' : (row.cells[index] ?? '');
  };
  const accepted: PopulationFigureRow[] = [];
  const rejections: PopulationRejection[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const text = {
      country: cellOf(row, 'country'),
      year: cellOf(row, 'year'),
      population: cellOf(row, 'population'),
      source: cellOf(row, 'source'),
    };
    const parsed = populationRowSchema.safeParse(text);
    if (!parsed.success) {
      // One reason per row: the first failing column of country, year, population, source.
      const [issue] = parsed.error.issues;
      const column = String(issue?.path[0] ?? 'country') as keyof typeof text;
      rejections.push({
        line: row.line,
        column,
        value: text[column],
        reason: issue === undefined ? 'invalid_population' : reasonOf(issue),
      });
      continue;
    }
    const { country, year, population, source } = parsed.data;
    const key = `${country}|${String(year)}`;
    if (seen.has(key)) {
      rejections.push({
        line: row.line,
        column: 'year',
        value: text.year,
        reason: 'duplicate_row',
      });
      continue;
    }
    seen.add(key);
    accepted.push({ line: row.line, country, year, population, source: source.text });
  }
  return { ok: true, rows: accepted, rejections };
}
