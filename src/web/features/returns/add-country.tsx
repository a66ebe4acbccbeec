import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, countryOptions, resolveCountry } from '../../i18n/country-names.js';

/**
 * "Add a country" under a citizenship or repatriation table: a code or a country's name in the
 * reader's language (with the list to pick from), added as a row when it names a country that
 * is not a row yet.
 */
export function AddCountry({
  existing,
  onAdd,
  testId,
}: {
  existing: readonly string[];
  onAdd: (country: string) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const options = countryOptions(i18n.language);

  const add = () => {
    const code = resolveCountry(text, options, i18n.language);
    if (code === null || !options.some((option) => option.code === code)) {
      setProblem(t('returns.form.unknownCountry'));
      return;
    }
    if (existing.includes(code)) {
      setProblem(t('returns.form.countryListed', { country: countryName(code, i18n.language) }));
      return;
    }
    setProblem(null);
    setText('');
    onAdd(code);
  };

  return (
    <div className="return-add-country">
      <div className={problem === null ? 'field' : 'field field-invalid'}>
        <label htmlFor={`${id}-input`} className="field-label">
          {t('returns.form.addCountry')}
        </label>
        <div className="form-row">
          <input
            id={`${id}-input`}
            className="input"
            list={`${id}-list`}
            autoComplete="off"
            spellCheck={false}
            value={text}
            {...(problem === null
              ? {}
              : { 'aria-invalid': true, 'aria-describedby': `${id}-problem` })}
            data-testid={`${testId}-input`}
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              // Enter adds the row rather than submitting anything around the table.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} data-testid={`${testId}-button`}>
            {t('returns.form.add')}
          </button>
        </div>
        {problem !== null && (
          <p id={`${id}-problem`} className="field-error">
            {problem}
          </p>
        )}
      </div>
      <datalist id={`${id}-list`}>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </datalist>
    </div>
  );
}
