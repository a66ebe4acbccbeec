import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setCsrfToken } from '../api/api-client.js';
import { authApi, type LoginResponse } from '../api/endpoints.js';
import { FormAlert, FormField } from '../components/form-field.js';
import { requiredFieldsError } from '../i18n/error-text.js';

interface SignInFormProps {
  /** Re-login: the account is fixed, only the secret is asked for. */
  lockedEmail?: string;
  onSignedIn: (userId: string) => Promise<void> | void;
}

type Step = { kind: 'password' } | { kind: 'totp'; challenge: string };

/**
 * Sign-in in two steps: email and password, then (when the account has two-factor) a code
 * from the authenticator app or one of the recovery codes.
 */
export function SignInForm({ lockedEmail, onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const forgotId = useId();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState(lockedEmail ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [showForgot, setShowForgot] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (response: LoginResponse) => {
    if (response.status === 'totp_required') {
      setPassword('');
      setStep({ kind: 'totp', challenge: response.challenge });
      return;
    }
    setCsrfToken(response.csrfToken);
    await onSignedIn(response.userId);
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'auth.challenge_invalid') {
        // The challenge lapsed: start over, saying why.
        setStep({ kind: 'password' });
        setCode('');
        setRecoveryCode('');
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ email, password });
    if (missing !== null) {
      setError(missing);
      return;
    }
    void run(async () => finish(await authApi.login(email.trim(), password)));
  };

  const submitCode = (event: SubmitEvent) => {
    event.preventDefault();
    if (step.kind !== 'totp') return;
    const typed = useRecovery ? recoveryCode.trim().toLowerCase() : code.replace(/\s+/g, '');
    const missing = requiredFieldsError(useRecovery ? { recoveryCode: typed } : { code: typed });
    if (missing !== null) {
      setError(missing);
      return;
    }
    const answer = useRecovery ? { recoveryCode: typed } : { code: typed };
    void run(async () => finish(await authApi.totp(step.challenge, answer)));
  };

  if (step.kind === 'totp') {
    return (
      <form className="form" onSubmit={submitCode} noValidate>
        <p className="form-intro">
          {useRecovery ? t('login.recoveryIntro') : t('login.totpIntro')}
        </p>
        <FormAlert error={error} fields={['code', 'recoveryCode']} />
        {useRecovery ? (
          <FormField
            name="recoveryCode"
            label={t('login.recoveryCode')}
            hint={t('login.recoveryHint')}
            error={error}
            required
            testId="recovery-code"
          >
            {(control) => (
              <input
                {...control}
                className="input input-code"
                autoComplete="off"
                autoFocus
                spellCheck={false}
                dir="ltr"
                value={recoveryCode}
                onChange={(event) => {
                  setRecoveryCode(event.target.value);
                }}
              />
            )}
          </FormField>
        ) : (
          <FormField
            name="code"
            label={t('login.totpCode')}
            error={error}
            required
            testId="totp-code"
          >
            {(control) => (
              <input
                {...control}
                className="input input-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                maxLength={8}
                dir="ltr"
                value={code}
                onChange={(event) => {
                  setCode(event.target.value);
                }}
              />
            )}
          </FormField>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="totp-submit"
          >
            {busy ? t('login.verifying') : t('login.verify')}
          </button>
        </div>
        <div className="form-links">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setError(null);
            }}
            data-testid="use-recovery-code"
          >
            {useRecovery ? t('login.useAuthenticator') : t('login.useRecoveryCode')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setStep({ kind: 'password' });
              setError(null);
            }}
          >
            {t('login.startOver')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="form" onSubmit={submitPassword} noValidate>
      <FormAlert error={error} fields={['email', 'password']} />
      <FormField name="email" label={t('login.email')} error={error} required testId="login-email">
        {(control) => (
          <input
            {...control}
            type="email"
            className="input"
            autoComplete={lockedEmail === undefined ? 'username' : 'off'}
            dir="ltr"
            readOnly={lockedEmail !== undefined}
            autoFocus={lockedEmail === undefined}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField
        name="password"
        label={t('login.password')}
        error={error}
        required
        testId="login-password"
      >
        {(control) => (
          <input
            {...control}
            type="password"
            className="input"
            autoComplete="current-password"
            {...(lockedEmail === undefined ? {} : { 'data-autofocus': true })}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.signingIn') : t('login.signIn')}
        </button>
      </div>
      {lockedEmail === undefined && (
        <div className="form-links">
          <button
            type="button"
            className="link-button"
            aria-expanded={showForgot}
            aria-controls={forgotId}
            onClick={() => {
              setShowForgot(!showForgot);
            }}
            data-testid="forgot-password"
          >
            {t('login.forgot')}
          </button>
          <div id={forgotId} className="forgot-help" hidden={!showForgot}>
            <p>{t('login.forgotHelp')}</p>
          </div>
        </div>
      )}
    </form>
  );
}
