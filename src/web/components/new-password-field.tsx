import { useTranslation } from 'react-i18next';
import { FormField } from './form-field.js';

/**
 * A field for choosing a password (new user, administrator reset, own change): the policy hint,
 * the browser's new-password autofill, and the API's password error under it.
 */
export function NewPasswordField({
  name,
  label,
  testId,
  error,
  value,
  onChange,
}: {
  name: string;
  label: string;
  testId: string;
  error: unknown;
  value: string;
  onChange: (password: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField
      name={name}
      label={label}
      hint={t('password.hint')}
      error={error}
      required
      testId={testId}
    >
      {(control) => (
        <input
          {...control}
          type="password"
          className="input"
          autoComplete="new-password"
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FormField>
  );
}
