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
import { problemsOf } from '../../../i18n/error-text.js';
import { countryName, countryOptions, resolveCountry } from '../../../i18n/country-names.js';

/** Controls of the case form: each is labelled, hinted and shows the API's error for its path. */

interface BaseProps {
  /** The field's path below the body, dot-separated (`victim.identity.phone`). */
  name: string;
  label: string;
  hint?: string;
  error: unknown;
  required?: boolean;
  testId?: string;
}

interface TextInputProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'email' | 'tel';
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  /** Left-to-right content (codes, numbers, phone numbers) in a right-to-left page. */
  ltr?: boolean;
  maxLength?: number;
  autoComplete?: string;
  className?: string;
}

/** A one-line text (or date, number as text) input. */
export function TextInput({
  value,
  onChange,
  type = 'text',
  inputMode,
  ltr = false,
  maxLength,
  autoComplete = 'off',
  className = 'input',
  ...field
}: TextInputProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          className={className}
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          {...(inputMode === undefined ? {} : { inputMode })}
          {...(maxLength === undefined ? {} : { maxLength })}
          {...(ltr ? { dir: 'ltr' } : {})}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FormField>
  );
}

/** A multi-line text. */
export function TextArea({
  value,
  onChange,
  rows = 3,
  maxLength,
  ...field
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={rows}
          value={value}
          {...(maxLength === undefined ? {} : { maxLength })}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FormField>
  );
}

interface ChoiceSelectProps<T extends string> extends BaseProps {
  options: readonly T[];
  labelOf: (code: T) => string;
  value: T | '';
  onChange: (value: T | '') => void;
  /** The empty entry's text ("Not recorded"); without it a value must be chosen. */
  emptyLabel?: string;
}

/** A drop-down of codes shown in words. */
export function ChoiceSelect<T extends string>({
  options,
  labelOf,
  value,
  onChange,
  emptyLabel,
  ...field
}: ChoiceSelectProps<T>) {
  return (
    <FormField {...field}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value}
          onChange={(event) => {
            const next = event.target.value;
            onChange(options.find((option) => option === next) ?? '');
          }}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((code) => (
            <option key={code} value={code}>
              {labelOf(code)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface ChoiceChecksProps<T extends string> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly T[];
  labelOf: (code: T) => string;
  error: unknown;
  testId?: string;
  /** The label of "none of these applies" (recorded as an empty list, not as unrecorded). */
  noneLabel?: string;
}

/**
 * Checkboxes for a multiple choice that may be unrecorded: nothing ticked is "not recorded"
 * (null), "none of these" is an empty list.
 */
export function ChoiceChecks<T extends string>({
  value,
  onChange,
  ...props
}: ChoiceChecksProps<T> & { value: T[] | null; onChange: (value: T[] | null) => void }) {
  const { t } = useTranslation();
  const toggle = (code: T, on: boolean) => {
    const current = value ?? [];
    const next = on ? [...current, code] : current.filter((item) => item !== code);
    onChange(next.length === 0 ? null : props.options.filter((option) => next.includes(option)));
  };
  return (
    <ChecksFieldset
      {...props}
      isChecked={(code) => value?.includes(code) ?? false}
      onToggle={toggle}
      extra={
        <label className="check check-none">
          <input
            type="checkbox"
            checked={value !== null && value.length === 0}
            onChange={(event) => {
              onChange(event.target.checked ? [] : null);
            }}
            {...(props.testId === undefined ? {} : { 'data-testid': `${props.testId}-none` })}
          />
          <span>{props.noneLabel ?? t('cases.form.noneOfThese')}</span>
        </label>
      }
      status={value === null ? t('cases.form.notRecordedYet') : null}
    />
  );
}

/** Checkboxes for a list that is always recorded (possibly empty). */
export function CodeChecks<T extends string>({
  value,
  onChange,
  ...props
}: ChoiceChecksProps<T> & { value: readonly T[]; onChange: (value: T[]) => void }) {
  return (
    <ChecksFieldset
      {...props}
      isChecked={(code) => value.includes(code)}
      onToggle={(code, on) => {
        const next = on ? [...value, code] : value.filter((item) => item !== code);
        onChange(props.options.filter((option) => next.includes(option)));
      }}
      extra={null}
      status={null}
    />
  );
}

function ChecksFieldset<T extends string>({
  name,
  legend,
  hint,
  options,
  labelOf,
  error,
  testId,
  isChecked,
  onToggle,
  extra,
  status,
}: ChoiceChecksProps<T> & {
  isChecked: (code: T) => boolean;
  onToggle: (code: T, on: boolean) => void;
  extra: ReactNode;
  status: string | null;
}) {
  const hintId = useId();
  const invalid = problemsOf(error, name).length > 0;
  return (
    <fieldset
      className={invalid ? 'choice-group field-invalid' : 'choice-group'}
      data-testid={testId}
      {...(hint === undefined ? {} : { 'aria-describedby': hintId })}
    >
      <legend className="field-label">{legend}</legend>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError name={name} error={error} />
      <div className="choice-options">
        {options.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={isChecked(code)}
              onChange={(event) => {
                onToggle(code, event.target.checked);
              }}
              {...(testId === undefined ? {} : { 'data-testid': `${testId}-${code}` })}
            />
            <span>{labelOf(code)}</span>
          </label>
        ))}
        {extra}
      </div>
      {status !== null && <p className="field-hint choice-status">{status}</p>}
    </fieldset>
  );
}

/** "Yes", "No" or not recorded. */
export function YesNoSelect({
  value,
  onChange,
  ...field
}: BaseProps & { value: '' | 'yes' | 'no'; onChange: (value: '' | 'yes' | 'no') => void }) {
  const { t } = useTranslation();
  return (
    <ChoiceSelect
      {...field}
      options={['yes', 'no'] as const}
      labelOf={(code) => (code === 'yes' ? t('common.yes') : t('common.no'))}
      value={value}
      onChange={onChange}
      emptyLabel={t('cases.form.notRecorded')}
    />
  );
}

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
