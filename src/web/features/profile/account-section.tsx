import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/vocabulary.js';
import { setCsrfToken } from '../../api/api-client.js';
import { authApi, queryKeys, type Me } from '../../api/endpoints.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { NewPasswordField } from '../../components/new-password-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { applyLanguage, isLanguage, languageNames, languageOrder } from '../../i18n/i18n.js';
import { useSession } from '../../session/session-context.js';

/** Display name and language, stored on the user. */
export function AccountSection() {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(session.me.user.displayName);
  const [language, setLanguage] = useState<Language>(session.me.user.language);
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => authApi.updateMe({ displayName: displayName.trim(), language }),
    onSuccess: async (user) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) =>
        old === undefined || old === null ? old : { ...old, user },
      );
      await applyLanguage(user.language);
      toast.show('success', t('profile.saved'));
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ displayName });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title" className="section-title">
        {t('profile.account')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('users.email')}</dt>
          <dd dir="ltr">{session.me.user.email}</dd>
        </div>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert error={error} fields={['displayName', 'language']} />
        <FormField
          name="displayName"
          label={t('users.displayName')}
          error={error}
          required
          testId="profile-name"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="name"
              maxLength={200}
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.target.value);
              }}
            />
          )}
        </FormField>
        <FormField
          name="language"
          label={t('users.language')}
          error={error}
          testId="profile-language"
        >
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
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            data-testid="profile-save"
          >
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Change one's own password; other sessions end and this one gets a fresh CSRF token. */
export function PasswordSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => authApi.changePassword(currentPassword, newPassword),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      setCurrentPassword('');
      setNewPassword('');
      toast.show('success', t('password.changed'));
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ currentPassword, newPassword });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="section-title">
        {t('password.title')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert error={error} fields={['currentPassword', 'newPassword']} />
        <FormField
          name="currentPassword"
          label={t('password.current')}
          error={error}
          required
          testId="password-current"
        >
          {(control) => (
            <input
              {...control}
              type="password"
              className="input"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(event) => {
                setCurrentPassword(event.target.value);
              }}
            />
          )}
        </FormField>
        <NewPasswordField
          name="newPassword"
          label={t('password.new')}
          testId="password-new"
          error={error}
          value={newPassword}
          onChange={setNewPassword}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            data-testid="password-submit"
          >
            {t('password.change')}
          </button>
        </div>
      </form>
    </section>
  );
}
