import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceKinds, type ServiceKind } from '../../../shared/case-vocabulary.js';
import { caseKeys, referralApi, type ServiceProvider } from '../../api/case-endpoints.js';
import { useSubmissionKeys } from '../../api/submission-keys.js';
import { useOrganisations } from '../../api/queries.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { OrganisationSelect } from '../../components/organisation-select.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, codeLabels } from '../../i18n/case-labels.js';
import { countryName, countryOptions, resolveCountry } from '../../i18n/country-names.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import '../../styles/cases.css';
import { CodeChecks } from '../cases/case-form/form-controls.js';

const fields = ['name', 'kinds', 'country', 'recipientOrganisationId', 'active'];

function ProviderForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const places = organisationsWhere(session.me, 'provider.manage', organisations.data ?? []);
  const countries = countryOptions(i18n.language);
  const [name, setName] = useState('');
  const [kinds, setKinds] = useState<ServiceKind[]>([]);
  const [country, setCountry] = useState('');
  const [recipient, setRecipient] = useState('');
  const [active, setActive] = useState(true);
  const [clientError, setClientError] = useState<unknown>(null);
  const code = resolveCountry(country, countries, i18n.language);
  const submissionKey = useSubmissionKeys();
  const mutation = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        kinds,
        country: code ?? '',
        recipientOrganisationId: recipient,
        active,
      };
      return referralApi.createProvider(body, submissionKey(body));
    },
    onSuccess: async (provider) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.providers });
      toast.show('success', t('providers.created', { name: provider.name }));
      onClose();
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ name, country, recipientOrganisationId: recipient });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  const matched = countries.find((option) => option.code === code);
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="provider-form">
      <FormAlert error={error} fields={fields} />
      <FormField
        name="name"
        label={t('providers.name')}
        error={error}
        required
        testId="provider-name"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        )}
      </FormField>
      <CodeChecks
        name="kinds"
        legend={t('providers.kinds')}
        options={serviceKinds}
        labelOf={(kind) => codeLabel('serviceKind', kind)}
        value={kinds}
        onChange={setKinds}
        error={error}
        testId="provider-kinds"
      />
      <FormField
        name="country"
        label={t('providers.country')}
        hint={
          matched === undefined
            ? t('cases.form.countryHint')
            : t('cases.form.countryMatch', { name: matched.name })
        }
        error={error}
        required
        testId="provider-country"
      >
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              list="provider-countries"
              autoComplete="off"
              spellCheck={false}
              value={country}
              onChange={(event) => {
                setCountry(event.target.value);
              }}
            />
            <datalist id="provider-countries">
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField
        name="recipientOrganisationId"
        label={t('providers.recipient')}
        hint={t('providers.recipientHint')}
        error={error}
        required
        testId="provider-recipient"
      >
        {(control) => (
          <OrganisationSelect
            control={control}
            places={places}
            value={recipient}
            onChange={setRecipient}
          />
        )}
      </FormField>
      <label className="check">
        <input
          type="checkbox"
          checked={active}
          onChange={(event) => {
            setActive(event.target.checked);
          }}
        />
        <span>{t('providers.activeLabel')}</span>
      </label>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="provider-submit"
        >
          {t('providers.create')}
        </button>
      </DialogActions>
    </form>
  );
}

/** The service-provider directory that referrals go to, and the way to add a provider. */
export function ProvidersPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const providers = useQuery({ queryKey: caseKeys.providers, queryFn: referralApi.providers });
  const organisations = useOrganisations(session.can('org.read'));
  const [creating, setCreating] = useState(false);
  const orgNames = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );
  const columns = useMemo<ColumnDef<ServiceProvider>[]>(
    () => [
      { id: 'name', header: t('providers.name'), accessorFn: (p) => p.name },
      {
        id: 'kinds',
        header: t('providers.kinds'),
        accessorFn: (p) => codeLabels('serviceKind', p.kinds),
      },
      {
        id: 'country',
        header: t('providers.country'),
        accessorFn: (p) => countryName(p.country, i18n.language),
      },
      {
        id: 'recipient',
        header: t('providers.recipient'),
        accessorFn: (p) =>
          orgNames.get(p.recipientOrganisationId) ?? t('common.unknownOrganisation'),
      },
      {
        id: 'active',
        header: t('providers.active'),
        accessorFn: (p) => (p.active ? t('providers.activeYes') : t('providers.activeNo')),
        cell: ({ row, getValue }) => (
          <span className={row.original.active ? 'badge badge-success' : 'badge badge-muted'}>
            {String(getValue())}
          </span>
        ),
      },
    ],
    [t, i18n.language, orgNames],
  );
  return (
    <>
      <PageHeader
        title={t('providers.title')}
        description={t('providers.description')}
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setCreating(true);
            }}
            data-testid="provider-create"
          >
            {t('providers.new')}
          </button>
        }
      />
      <DataTable
        label={t('providers.title')}
        data={providers.data}
        columns={columns}
        isLoading={providers.isPending}
        error={providers.error}
        onRetry={() => void providers.refetch()}
        emptyText={t('providers.empty')}
        getRowId={(p) => p.id}
        testId="providers-table"
        captionHidden
      />
      <Dialog
        open={creating}
        title={t('providers.newTitle')}
        onClose={() => {
          setCreating(false);
        }}
        testId="provider-dialog"
      >
        <ProviderForm
          onClose={() => {
            setCreating(false);
          }}
        />
      </Dialog>
    </>
  );
}
