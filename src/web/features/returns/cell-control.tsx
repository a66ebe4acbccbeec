import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { glotipCellValueKinds } from '../../../shared/glotip-vocabulary.js';
import { readCountText, type CellEntry } from './cell-entry.js';

/** How a cell stands against the rules: fine, a warning, or an error (blocks submission). */
export type CellState = 'ok' | 'warning' | 'error';

interface CellControlProps {
  /** The cell's full name ("Detected victims, Total: Female, 0 to 17 years"). */
  label: string;
  entry: CellEntry;
  onChange: (entry: CellEntry) => void;
  readOnly: boolean;
  state: CellState;
  /** Ids of the messages that concern this cell (violations, a format error). */
  describedBy: readonly string[];
  testId: string;
}

/**
 * One cell of the questionnaire: a count typed in the box, or a kind chosen in the compact
 * menu beside it (`<5`, not available, not applicable). Both controls carry a real label
 * (visually hidden, read by screen readers) naming the cell. Typing `<5` in the box is a
 * shortcut for the menu, applied when the box is left so that typing is never interrupted.
 */
export function CellControl({
  label,
  entry,
  onChange,
  readOnly,
  state,
  describedBy,
  testId,
}: CellControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const isCount = entry.kind === 'count';
  const formatInvalid = isCount && readCountText(entry.text).state === 'invalid';
  const formatId = `${id}-format`;
  const described = [...describedBy, ...(formatInvalid ? [formatId] : [])].join(' ');
  const invalid = state === 'error' || formatInvalid;
  const className = [
    'return-cell',
    invalid ? 'return-cell-error' : state === 'warning' ? 'return-cell-warning' : '',
  ]
    .filter((name) => name !== '')
    .join(' ');

  return (
    <div className={className} data-testid={testId} data-state={formatInvalid ? 'error' : state}>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-value`}
        className="input return-cell-input"
        type="text"
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        maxLength={16}
        value={isCount ? entry.text : t(`returns.kindsShort.${entry.kind}`)}
        readOnly={readOnly || !isCount}
        {...(invalid ? { 'aria-invalid': true } : {})}
        {...(described === '' ? {} : { 'aria-describedby': described })}
        data-testid={`${testId}-value`}
        onChange={(event) => {
          onChange({ kind: 'count', text: event.target.value });
        }}
        onBlur={() => {
          const reading = readCountText(entry.text);
          if (isCount && reading.state === 'value' && reading.value.kind === 'censored') {
            onChange({ kind: 'censored', text: '' });
          }
        }}
      />
      <label htmlFor={`${id}-kind`} className="visually-hidden">
        {t('returns.form.kindOf', { cell: label })}
      </label>
      <select
        id={`${id}-kind`}
        className="input return-cell-kind"
        value={entry.kind}
        disabled={readOnly}
        data-testid={`${testId}-kind`}
        onChange={(event) => {
          const kind = glotipCellValueKinds.find((one) => one === event.target.value) ?? 'count';
          onChange({ kind, text: kind === 'count' ? entry.text : '' });
        }}
      >
        {glotipCellValueKinds.map((kind) => (
          <option key={kind} value={kind} title={t(`returns.kinds.${kind}`)}>
            {t(`returns.kinds.${kind}`)}
          </option>
        ))}
      </select>
      {formatInvalid && (
        <span id={formatId} className="return-cell-message" role="alert">
          {t('returns.form.notACount')}
        </span>
      )}
    </div>
  );
}
