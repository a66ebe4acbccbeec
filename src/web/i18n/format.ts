import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Locale-aware formatters (Intl) for the current language. */
export interface Formatters {
  dateTime: (iso: string | null) => string;
  date: (iso: string | null) => string;
  /** A calendar day `YYYY-MM-DD` (no time zone: the same day everywhere). */
  day: (ymd: string | null) => string;
  number: (value: number) => string;
}

/** Formatters that follow the user's language; dates in the browser's time zone. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const number = new Intl.NumberFormat(language);
    const format = (formatter: Intl.DateTimeFormat, iso: string | null) =>
      iso === null ? '—' : formatter.format(new Date(iso));
    return {
      dateTime: (iso) => format(dateTime, iso),
      date: (iso) => format(date, iso),
      // A bare date is read as midnight UTC and shown in UTC, so no zone moves it a day.
      day: (ymd) => format(day, ymd === null ? null : `${ymd.slice(0, 10)}T00:00:00Z`),
      number: (value) => number.format(value),
    };
  }, [language]);
}
