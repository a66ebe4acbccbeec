import { FormField } from './form-field.js';

interface FileFieldProps {
  label: string;
  hint: string;
  error: unknown;
  testId: string;
  /** File types offered by the picker (extensions and MIME types). */
  accept: string;
  disabled: boolean;
  /** Changing the key clears the chosen file, so a new upload starts clean. */
  resetKey: number;
  onFile: (file: File | null) => void;
}

/** The file picker of an upload form; the API reports a missing or bad file as `fileName`. */
export function FileField({
  label,
  hint,
  error,
  testId,
  accept,
  disabled,
  resetKey,
  onFile,
}: FileFieldProps) {
  return (
    <FormField name="fileName" label={label} hint={hint} error={error} required testId={testId}>
      {(control) => (
        <input
          key={resetKey}
          {...control}
          type="file"
          className="input input-file"
          accept={accept}
          disabled={disabled}
          onChange={(event) => {
            onFile(event.target.files?.[0] ?? null);
          }}
        />
      )}
    </FormField>
  );
}
