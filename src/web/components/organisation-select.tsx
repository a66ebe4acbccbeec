import { useTranslation } from 'react-i18next';
import type { ControlProps } from './form-field.js';

/** An organisation the user may pick (id and display name). */
export interface OrganisationChoice {
  id: string;
  name: string;
}

/**
 * The organisation drop-down of the forms that act in one organisation (new user, new
 * membership, new token): an empty "choose" entry, then the places the user may act in.
 */
export function OrganisationSelect({
  control,
  places,
  value,
  onChange,
}: {
  control: ControlProps;
  places: readonly OrganisationChoice[];
  value: string;
  onChange: (organisationId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      className="input"
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      <option value="">{t('common.choose')}</option>
      {places.map((org) => (
        <option key={org.id} value={org.id}>
          {org.name}
        </option>
      ))}
    </select>
  );
}
