import {
  createContext,
  useContext,
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormField } from '../../../components/form-field.js';
import { countryName, countryOptions, resolveCountry } from '../../../i18n/country-names.js';
import { problemsOf } from '../../../i18n/error-text.js';
import type { BaseProps } from './form-controls.js';

/** Country controls of the case form: one code, or a list of codes, typed as code or name. */

// One <datalist> of countries per page, shared by every country input on it.
const CountryListContext = createContext<string | undefined>(undefined);

/** Renders the page's country list once, for the country inputs inside. */
export function CountryListProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const id = useId();
  return (
    <CountryListContext.Provider value={id}>
      <datalist id={id}>
        {countryOptions(i18n.language).map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </datalist>
      {children}
    </CountryListContext.Provider>
  );
}

/** Resolves typed country text (a code or a name in the user's language) to a code. */
export function useCountryResolver(): (typed: string) => string | null {
  const { i18n } = useTranslation();
  const options = countryOptions(i18n.language);
  return (typed) => resolveCountry(typed, options, i18n.language);
}

/** One country: a code or a name, with the list of countries to choose from. */
export function CountryInput({
  value,
  onChange,
  ...field
}: BaseProps & { value: string; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const listId = useContext(CountryListContext);
  const resolve = useCountryResolver();
  const code = resolve(value);
  const known = code !== null && countryOptions(i18n.language).some((c) => c.code === code);
  return (
    <FormField
      {...field}
      hint={
        known
          ? t('cases.form.countryMatch', { name: countryName(code, i18n.language) })
          : (field.hint ?? t('cases.form.countryHint'))
      }
    >
      {(control) => (
        <input
          {...control}
          className="input"
          {...(listId === undefined ? {} : { list: listId })}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FormField>
  );
}

/** Several countries (citizenships): chosen ones as removable chips, and a field to add one. */
export function CountryList({
  name,
  label,
  error,
  value,
  onChange,
  max = 5,
  testId,
}: {
  name: string;
  label: string;
  error: unknown;
  value: readonly string[];
  onChange: (value: string[]) => void;
  max?: number;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const listId = useContext(CountryListContext);
  const resolve = useCountryResolver();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [unknown, setUnknown] = useState(false);
  const invalid = problemsOf(error, name).length > 0;
  const add = () => {
    const code = resolve(typed);
    if (code === null) return;
    if (!countryOptions(i18n.language).some((option) => option.code === code)) {
      setUnknown(true);
      return;
    }
    setUnknown(false);
    setTyped('');
    if (!value.includes(code)) onChange([...value, code]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  return (
    <fieldset
      className={invalid || unknown ? 'choice-group field-invalid' : 'choice-group'}
      data-testid={testId}
    >
      <legend className="field-label">{label}</legend>
      <FieldError name={name} error={error} />
      {value.length > 0 ? (
        <ul className="chips">
          {value.map((code) => (
            <li key={code} className="chip">
              <span>{countryName(code, i18n.language)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('cases.form.removeCountry', {
                  name: countryName(code, i18n.language),
                })}
                onClick={() => {
                  onChange(value.filter((item) => item !== code));
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">{t('cases.form.noCountries')}</p>
      )}
      {value.length < max && (
        <div className="chip-add">
          <label htmlFor={inputId} className="visually-hidden">
            {t('cases.form.addCountryLabel', { field: label })}
          </label>
          <input
            id={inputId}
            className="input"
            {...(listId === undefined ? {} : { list: listId })}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            placeholder={t('cases.form.countryPlaceholder')}
            {...(unknown ? { 'aria-invalid': true } : {})}
            onChange={(event) => {
              setTyped(event.target.value);
              setUnknown(false);
            }}
            onKeyDown={onKeyDown}
            {...(testId === undefined ? {} : { 'data-testid': `${testId}-input` })}
          />
          <button
            type="button"
            className="button"
            onClick={add}
            {...(testId === undefined ? {} : { 'data-testid': `${testId}-add` })}
          >
            {t('cases.form.addCountry')}
          </button>
        </div>
      )}
      {unknown && (
        <p className="field-error" role="alert">
          {t('cases.form.unknownCountry')}
        </p>
      )}
    </fieldset>
  );
}
