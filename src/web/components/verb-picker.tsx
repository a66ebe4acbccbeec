import { useTranslation } from 'react-i18next';
import { permissionVerbs, type PermissionVerb } from '../../shared/permissions.js';
import { nounLabel, verbLabel } from '../i18n/labels.js';
import { FieldError } from './form-field.js';

/** Verbs grouped by their noun (`org.read`, `org.create` → org), in catalog order. */
export function groupVerbs(verbs: readonly PermissionVerb[]): [string, PermissionVerb[]][] {
  const groups = new Map<string, PermissionVerb[]>();
  for (const verb of verbs) {
    const noun = verb.split('.')[0] ?? verb;
    groups.set(noun, [...(groups.get(noun) ?? []), verb]);
  }
  return [...groups.entries()];
}

interface VerbPickerProps {
  legend: string;
  value: ReadonlySet<PermissionVerb>;
  onChange: (next: Set<PermissionVerb>) => void;
  /** The verbs that may be chosen (a token cannot carry more than its creator holds). */
  available?: readonly PermissionVerb[];
  error: unknown;
  name?: string;
}

/** Checkboxes for permission verbs, grouped and labelled in words, with select all/none. */
export function VerbPicker({
  legend,
  value,
  onChange,
  available = permissionVerbs,
  error,
  name = 'verbs',
}: VerbPickerProps) {
  const { t } = useTranslation();
  const toggle = (verb: PermissionVerb, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(verb);
    else next.delete(verb);
    onChange(next);
  };
  return (
    <fieldset className="verb-picker" data-testid="verb-picker">
      <legend className="field-label">{legend}</legend>
      <div className="verb-picker-tools">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onChange(new Set(available));
          }}
        >
          {t('verbPicker.all')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onChange(new Set());
          }}
        >
          {t('verbPicker.none')}
        </button>
      </div>
      <FieldError name={name} error={error} />
      <div className="verb-groups">
        {groupVerbs(available).map(([noun, verbs]) => (
          <fieldset key={noun} className="verb-group">
            <legend>{nounLabel(noun)}</legend>
            {verbs.map((verb) => (
              <label key={verb} className="check">
                <input
                  type="checkbox"
                  checked={value.has(verb)}
                  onChange={(event) => {
                    toggle(verb, event.target.checked);
                  }}
                  data-testid={`verb-${verb}`}
                />
                <span>{verbLabel(verb)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}

/** A read-only, grouped list of verbs. */
export function VerbList({ verbs }: { verbs: readonly PermissionVerb[] }) {
  return (
    <dl className="verb-list">
      {groupVerbs(verbs).map(([noun, group]) => (
        <div key={noun} className="verb-list-group">
          <dt>{nounLabel(noun)}</dt>
          {group.map((verb) => (
            <dd key={verb}>{verbLabel(verb)}</dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
