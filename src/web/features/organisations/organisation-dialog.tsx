import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationTypes, type OrganisationType } from '../../../shared/vocabulary.js';
import { organisationApi, queryKeys, type Organisation } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { organisationTypeLabel } from '../../i18n/labels.js';
import { organisationsWhere, subtreeOf } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { countryOptions, resolveCountry } from '../../i18n/country-names.js';

/** A URL-safe short name from a display name (ASCII letters and digits; may come out empty). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

interface OrganisationDialogProps {
  /** null: create; an organisation: edit it. */
  editing: Organisation | null;
  open: boolean;
  organisations: readonly Organisation[];
  onClose: () => void;
}

const formFields = ['name', 'slug', 'type', 'country', 'parentId', 'requireTwoFactor'];

function OrganisationForm({
  editing,
  organisations,
  onClose,
}: Omit<OrganisationDialogProps, 'open'>) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();

  // Where the user may put an organisation: under one where they may create; top level is
  // for system administrators; never under itself or its own descendants.
  const excluded = new Set(editing === null ? [] : subtreeOf(editing.id, organisations));
  const parents = organisationsWhere(session.me, 'org.create', organisations).filter(
    (org) => !excluded.has(org.id),
  );
  const currentParent =
    editing === null ? null : organisations.find((org) => org.id === editing.parentId);
  if (currentParent !== undefined && currentParent !== null && !parents.includes(currentParent)) {
    parents.unshift(currentParent);
  }
  const allowTopLevel = session.isSystemAdmin || (editing !== null && editing.parentId === null);

  const [name, setName] = useState(editing?.name ?? '');
  const [slug, setSlug] = useState(editing?.slug ?? '');
  const [slugEdited, setSlugEdited] = useState(editing !== null);
  const [type, setType] = useState<OrganisationType | ''>(editing?.type ?? '');
  const [country, setCountry] = useState(editing?.country ?? '');
  const countryListId = useId();
  const countries = countryOptions(i18n.language);
  const countryCode = resolveCountry(country, countries, i18n.language);
  const matchedCountry = countries.find((option) => option.code === countryCode) ?? null;
  const [parentId, setParentId] = useState(
    editing === null ? (allowTopLevel ? '' : (parents[0]?.id ?? '')) : (editing.parentId ?? ''),
  );
  const [requireTwoFactor, setRequireTwoFactor] = useState(editing?.requireTwoFactor ?? false);
  const [clientError, setClientError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: async () => {
      const common = {
        name: name.trim(),
        country: countryCode,
        parentId: parentId === '' ? null : parentId,
        requireTwoFactor,
      };
      if (type === '') throw new Error('type is required');
      return editing === null
        ? organisationApi.create({ ...common, slug: slug.trim(), type })
        : organisationApi.update(editing.id, { ...common, type });
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
      toast.show(
        'success',
        t(editing === null ? 'organisations.created' : 'organisations.updated', {
          name: org.name,
        }),
      );
      onClose();
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError(editing === null ? { name, slug, type } : { name, type });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert error={error} fields={formFields} />
      <FormField
        name="name"
        label={t('organisations.name')}
        error={error}
        required
        testId="org-name"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugify(event.target.value));
            }}
          />
        )}
      </FormField>
      {editing === null && (
        <FormField
          name="slug"
          label={t('organisations.slug')}
          hint={t('organisations.slugHint')}
          error={error}
          required
          testId="org-slug"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              value={slug}
              onChange={(event) => {
                setSlug(event.target.value);
                setSlugEdited(true);
              }}
            />
          )}
        </FormField>
      )}
      <FormField
        name="type"
        label={t('organisations.type')}
        error={error}
        required
        testId="org-type"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={type}
            onChange={(event) => {
              setType(event.target.value as OrganisationType | '');
            }}
          >
            <option value="">{t('common.choose')}</option>
            {organisationTypes.map((value) => (
              <option key={value} value={value}>
                {organisationTypeLabel(value)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        name="country"
        label={t('organisations.country')}
        hint={
          matchedCountry === null
            ? t('organisations.countryHint')
            : t('organisations.countryMatch', { name: matchedCountry.name })
        }
        error={error}
        testId="org-country"
      >
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              list={countryListId}
              autoComplete="off"
              spellCheck={false}
              value={country}
              onChange={(event) => {
                setCountry(event.target.value);
              }}
            />
            <datalist id={countryListId}>
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
        name="parentId"
        label={t('organisations.parent')}
        error={error}
        testId="org-parent"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={parentId}
            onChange={(event) => {
              setParentId(event.target.value);
            }}
          >
            {allowTopLevel && <option value="">{t('organisations.topLevel')}</option>}
            {parents.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={requireTwoFactor}
            onChange={(event) => {
              setRequireTwoFactor(event.target.checked);
            }}
            data-testid="org-require-2fa"
          />
          <span>{t('organisations.requireTwoFactor')}</span>
        </label>
      </div>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="org-submit"
        >
          {editing === null ? t('organisations.create') : t('common.save')}
        </button>
      </DialogActions>
    </form>
  );
}

/** Create or edit an organisation. */
export function OrganisationDialog({
  open,
  editing,
  organisations,
  onClose,
}: OrganisationDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={editing === null ? t('organisations.createTitle') : t('organisations.editTitle')}
      onClose={onClose}
      testId="org-dialog"
    >
      <OrganisationForm editing={editing} organisations={organisations} onClose={onClose} />
    </Dialog>
  );
}
