import { useMutation } from '@tanstack/react-query';
import { toDataURL } from 'qrcode';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyButton } from '../../components/copy-button.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { useSession } from '../../session/session-context.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'enrolling'; secret: string; uri: string }
  | { kind: 'codes'; codes: string[] };

/** The otpauth:// URI as a QR code image (a data: URL, which the CSP allows for images). */
function QrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 232 })
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch(() => {
        // The secret is shown as text too; the QR code is a convenience.
      });
    return () => {
      live = false;
    };
  }, [uri]);
  if (src === null) return <div className="qr-placeholder" aria-hidden="true" />;
  return <img src={src} alt={t('twoFactor.qrAlt')} className="qr" width={232} height={232} />;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="recovery">
      <div className="alert alert-warning" role="status">
        <p>{t('twoFactor.recoveryWarning')}</p>
      </div>
      <ol className="recovery-codes" data-testid="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <CopyButton text={codes.join('\n')} testId="recovery-copy" />
        <button
          type="button"
          className="button button-primary"
          onClick={onDone}
          data-testid="recovery-done"
        >
          {t('twoFactor.savedCodes')}
        </button>
      </div>
    </div>
  );
}

function Enrolment({
  secret,
  uri,
  onConfirmed,
}: {
  secret: string;
  uri: string;
  onConfirmed: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => authApi.confirmTotp(code.replace(/\s+/g, '')),
    onSuccess: (result) => {
      onConfirmed(result.recoveryCodes);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ code });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <div className="enrolment">
      <ol className="steps">
        <li>
          <p>{t('twoFactor.stepScan')}</p>
          <QrCode uri={uri} />
        </li>
        <li>
          <p id="totp-secret-label">{t('twoFactor.stepManual')}</p>
          <code
            className="secret"
            dir="ltr"
            data-testid="totp-secret"
            aria-labelledby="totp-secret-label"
          >
            {secret}
          </code>
        </li>
        <li>
          <form className="form" onSubmit={submit} noValidate>
            <FormAlert error={error} fields={['code']} />
            <FormField
              name="code"
              label={t('twoFactor.stepConfirm')}
              error={error}
              required
              testId="totp-confirm-code"
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  dir="ltr"
                  value={code}
                  onChange={(event) => {
                    setCode(event.target.value);
                  }}
                />
              )}
            </FormField>
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={mutation.isPending}
                data-testid="totp-confirm-submit"
              >
                {t('twoFactor.confirm')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => authApi.disableTotp(password),
    onSuccess: onDone,
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ password });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('twoFactor.disableIntro')}</p>
      <FormAlert error={error} fields={['password']} />
      <FormField
        name="password"
        label={t('password.current')}
        error={error}
        required
        testId="totp-disable-password"
      >
        {(control) => (
          <input
            {...control}
            type="password"
            className="input"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        )}
      </FormField>
      <DialogActions>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-danger"
          disabled={mutation.isPending}
          data-testid="totp-disable-submit"
        >
          {t('twoFactor.disable')}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * Two-factor sign-in: enrol (QR code and secret, confirm with a code, recovery codes shown
 * once), make new recovery codes, or turn it off with the password.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [disabling, setDisabling] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const enabled = session.me.user.twoFactorEnabled;
  const begin = useMutation({
    mutationFn: authApi.beginTotp,
    onSuccess: (result) => {
      setPhase({ kind: 'enrolling', ...result });
    },
  });

  let body;
  if (phase.kind === 'codes') {
    body = (
      <RecoveryCodes
        codes={phase.codes}
        onDone={() => {
          setPhase({ kind: 'idle' });
          void session.refresh();
        }}
      />
    );
  } else if (phase.kind === 'enrolling') {
    body = (
      <Enrolment
        secret={phase.secret}
        uri={phase.uri}
        onConfirmed={(codes) => {
          setPhase({ kind: 'codes', codes });
          toast.show('success', t('twoFactor.enabled'));
          // Lifts the enrolment-only restriction on the session, if any.
          void session.refresh();
        }}
      />
    );
  } else if (enabled) {
    body = (
      <>
        <p className="status-line" data-testid="totp-status">
          <span className="badge badge-success">{t('twoFactor.on')}</span>
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setRegenerating(true);
            }}
            data-testid="recovery-regenerate"
          >
            {t('twoFactor.newCodes')}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => {
              setDisabling(true);
            }}
            data-testid="totp-disable"
          >
            {t('twoFactor.disable')}
          </button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p className="status-line" data-testid="totp-status">
          <span className="badge badge-muted">{t('twoFactor.off')}</span>
        </p>
        <p>{t('twoFactor.intro')}</p>
        <FormAlert error={begin.error} fields={[]} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              begin.mutate();
            }}
            disabled={begin.isPending}
            data-testid="totp-begin"
          >
            {t('twoFactor.begin')}
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title" className="section-title">
        {t('twoFactor.title')}
      </h2>
      {body}
      <Dialog
        open={disabling}
        title={t('twoFactor.disableTitle')}
        onClose={() => {
          setDisabling(false);
        }}
        size="small"
      >
        <DisableForm
          onCancel={() => {
            setDisabling(false);
          }}
          onDone={() => {
            setDisabling(false);
            toast.show('success', t('twoFactor.disabled'));
            void session.refresh();
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={regenerating}
        title={t('twoFactor.newCodesTitle')}
        confirmLabel={t('twoFactor.newCodes')}
        onClose={() => {
          setRegenerating(false);
        }}
        onConfirm={async () => {
          const result = await authApi.regenerateRecoveryCodes();
          setPhase({ kind: 'codes', codes: result.recoveryCodes });
        }}
      >
        <p>{t('twoFactor.newCodesConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}
