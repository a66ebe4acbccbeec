import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormField } from '../../../components/form-field.js';
import { problemsOf } from '../../../i18n/error-text.js';

/** Controls of the case form: each is labelled, hinted and shows the API's error for its path. */

export interface BaseProps {
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
