import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import {
  errorReference,
  errorText,
  fieldErrorText,
  problemMatchesField,
} from '../i18n/error-text.js';

/** Props a field hands to its control so label, hint and error are wired for assistive tech. */
export interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

interface FormFieldProps {
  /** The API's field name (the last part of the error path `['body', name]`). */
  name: string;
  label: string;
  hint?: string;
  /** The failed request's error, or a client-side one; only problems for `name` show here. */
  error: unknown;
  required?: boolean;
  testId?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control with its hint and, when the API refused this field, the reason in the
 * user's language (`data-testid="field-error-<name>"`).
 */
export function FormField({
  name,
  label,
  hint,
  error,
  required,
  testId,
  children,
}: FormFieldProps) {
  const id = useId();
  const message = fieldErrorText(error, name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, message === null ? null : errorId]
    .filter((value) => value !== null)
    .join(' ');
  return (
    <div className={message === null ? 'field' : 'field field-invalid'}>
      <label htmlFor={id} className="field-label">
        {label}
        {required === true && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        ...(required === true ? { required: true } : {}),
        ...(message === null ? {} : { 'aria-invalid': true }),
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(testId === undefined ? {} : { 'data-testid': testId }),
      })}
      {message !== null && (
        <p id={errorId} className="field-error" data-testid={`field-error-${name}`}>
          {message}
        </p>
      )}
    </div>
  );
}

/** The error line of a group of controls (a fieldset of checkboxes, say). */
export function FieldError({ name, error }: { name: string; error: unknown }) {
  const message = fieldErrorText(error, name);
  if (message === null) return null;
  return (
    <p className="field-error" data-testid={`field-error-${name}`}>
      {message}
    </p>
  );
}

/**
 * The form-level alert: the error in the user's language when no field shows it, or a
 * pointer to the fields when they do (and focus moves to the first refused field).
 */
export function FormAlert({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const problems = error instanceof ApiError ? error.details : [];
  const covered =
    problems.length > 0 &&
    problems.every((problem) => fields.some((field) => problemMatchesField(problem, field)));

  useEffect(() => {
    if (error === null || error === undefined || !covered) return;
    const form = ref.current?.closest('form');
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, covered]);

  if (error === null || error === undefined) return null;
  const reference = errorReference(error);
  return (
    <div ref={ref} className="alert alert-error" role="alert" data-testid="form-error">
      <p>{covered ? t('forms.fixFields') : errorText(error)}</p>
      {!covered && reference !== null && (
        <p className="alert-reference">{t('forms.reference', { reference })}</p>
      )}
    </div>
  );
}
