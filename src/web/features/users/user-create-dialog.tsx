import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/vocabulary.js';
import { queryKeys, userApi, type Organisation } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { NewPasswordField } from '../../components/new-password-field.js';
import { OrganisationSelect } from '../../components/organisation-select.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { currentLanguage, isLanguage, languageNames, languageOrder } from '../../i18n/i18n.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { RoleOptions, useRoleNames } from './role-options.js';

const formFields = ['email', 'displayName', 'password', 'language', 'organisationId', 'role'];

function UserCreateForm({
  organisations,
  onClose,
}: {
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roleNames = useRoleNames();
  const places = organisationsWhere(session.me, 'user.create', organisations);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [organisationId, setOrganisationId] = useState(places[0]?.id ?? '');
  const [role, setRole] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: () =>
      userApi.create({
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        language,
        organisationId,
        role,
      }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      toast.show('success', t('users.created', { name: user.displayName }));
      onClose();
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ email, displayName, password, organisationId, role });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert error={error} fields={formFields} />
      <FormField name="email" label={t('users.email')} error={error} required testId="user-email">
        {(control) => (
          <input
            {...control}
            type="email"
            className="input"
            dir="ltr"
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField
        name="displayName"
        label={t('users.displayName')}
        error={error}
        required
        testId="user-name"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            maxLength={200}
            value={displayName}
            onChange={(event) => {
              setDisplayName(event.target.value);
            }}
          />
        )}
      </FormField>
      <NewPasswordField
        name="password"
        label={t('users.initialPassword')}
        testId="user-password"
        error={error}
        value={password}
        onChange={setPassword}
      />
      <FormField name="language" label={t('users.language')} error={error} testId="user-language">
        {(control) => (
          <select
            {...control}
            className="input"
            value={language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setLanguage(event.target.value);
            }}
          >
            {languageOrder.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        name="organisationId"
        label={t('users.organisation')}
        error={error}
        required
        testId="user-org"
      >
        {(control) => (
          <OrganisationSelect
            control={control}
            places={places}
            value={organisationId}
            onChange={setOrganisationId}
          />
        )}
      </FormField>
      <FormField name="role" label={t('users.role')} error={error} required testId="user-role">
        {(control) => (
          <select
            {...control}
            className="input"
            value={role}
            onChange={(event) => {
              setRole(event.target.value);
            }}
          >
            <option value="">{t('common.choose')}</option>
            <RoleOptions names={roleNames} />
          </select>
        )}
      </FormField>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="user-submit"
        >
          {t('users.create')}
        </button>
      </DialogActions>
    </form>
  );
}

/** Creates a user with a first membership (organisation and role). */
export function UserCreateDialog({
  open,
  organisations,
  onClose,
}: {
  open: boolean;
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('users.createTitle')} onClose={onClose} testId="user-dialog">
      <UserCreateForm organisations={organisations} onClose={onClose} />
    </Dialog>
  );
}
