import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { permissionVerbs, type PermissionVerb } from '../../../shared/permissions.js';
import { ApiError } from '../../api/api-client.js';
import { tokenApi, type Organisation } from '../../api/endpoints.js';
import { CopyButton } from '../../components/copy-button.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { OrganisationSelect } from '../../components/organisation-select.js';
import { VerbPicker } from '../../components/verb-picker.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { organisationsWhere, verbsIn } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';

const formFields = ['name', 'organisationId', 'verbs', 'expiresInDays'];

function TokenForm({
  organisations,
  onCreated,
  onClose,
}: {
  organisations: readonly Organisation[];
  onCreated: (secret: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const places = organisationsWhere(session.me, 'token.manage', organisations);
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState(places[0]?.id ?? '');
  const [verbs, setVerbs] = useState<Set<PermissionVerb>>(new Set());
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [clientError, setClientError] = useState<unknown>(null);
  // A token carries at most what its creator holds in that organisation.
  const held =
    organisationId === '' ? new Set() : verbsIn(session.me, organisationId, organisations);
  const available = session.isSystemAdmin
    ? permissionVerbs
    : permissionVerbs.filter((verb) => held.has(verb));

  const mutation = useMutation({
    mutationFn: () =>
      tokenApi.create({
        name: name.trim(),
        organisationId,
        verbs: [...verbs].filter((verb) => available.includes(verb)),
        expiresInDays: Number(expiresInDays),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      onCreated(created.secret);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    let missing = requiredFieldsError({ name, organisationId, expiresInDays });
    if (missing === null && verbs.size === 0) {
      missing = new ApiError({
        status: 0,
        code: 'validation.failed',
        details: [{ path: ['body', 'verbs'], issue: 'required' }],
      });
    }
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert error={error} fields={formFields} />
      <FormField
        name="name"
        label={t('tokens.name')}
        hint={t('tokens.nameHint')}
        error={error}
        required
        testId="token-name"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            maxLength={200}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField
        name="organisationId"
        label={t('tokens.organisation')}
        error={error}
        required
        testId="token-org"
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
      <FormField
        name="expiresInDays"
        label={t('tokens.expiresInDays')}
        hint={t('tokens.expiresHint')}
        error={error}
        required
        testId="token-expiry"
      >
        {(control) => (
          <input
            {...control}
            type="number"
            className="input input-narrow"
            min={1}
            max={366}
            step={1}
            inputMode="numeric"
            value={expiresInDays}
            onChange={(event) => {
              setExpiresInDays(event.target.value);
            }}
          />
        )}
      </FormField>
      <VerbPicker
        legend={t('tokens.verbs')}
        value={verbs}
        onChange={setVerbs}
        available={available}
        error={error}
      />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="token-submit"
        >
          {t('tokens.create')}
        </button>
      </DialogActions>
    </form>
  );
}

function SecretView({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const secretRef = useRef<HTMLElement>(null);
  // The form that had focus is gone; put it on the secret so the dialog is read from there.
  useEffect(() => {
    secretRef.current?.focus();
  }, []);
  return (
    <div className="secret-view">
      <div className="alert alert-warning" role="status">
        <p>{t('tokens.secretWarning')}</p>
      </div>
      <p className="field-label" id="token-secret-label">
        {t('tokens.secret')}
      </p>
      <code
        className="secret"
        dir="ltr"
        data-testid="token-secret"
        aria-labelledby="token-secret-label"
        tabIndex={0}
        ref={secretRef}
      >
        {secret}
      </code>
      <p className="field-hint">{t('tokens.secretUsage')}</p>
      <DialogActions>
        <CopyButton text={secret} testId="token-copy" />
        <button
          type="button"
          className="button button-primary"
          onClick={onClose}
          data-testid="token-done"
        >
          {t('tokens.done')}
        </button>
      </DialogActions>
    </div>
  );
}

/**
 * Creates an API token; the secret is shown once, in the same dialog, with a copy button.
 * Closing the dialog forgets it.
 */
export function TokenCreateDialog({
  open,
  organisations,
  onClose,
}: {
  open: boolean;
  organisations: readonly Organisation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={secret === null ? t('tokens.createTitle') : t('tokens.secretTitle')}
      onClose={close}
      size="large"
      testId="token-dialog"
    >
      {secret === null ? (
        <TokenForm organisations={organisations} onCreated={setSecret} onClose={close} />
      ) : (
        <SecretView secret={secret} onClose={close} />
      )}
    </Dialog>
  );
}
