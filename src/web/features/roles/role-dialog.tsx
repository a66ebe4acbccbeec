import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionVerb } from '../../../shared/permissions.js';
import { ApiError } from '../../api/api-client.js';
import { queryKeys, roleApi, type Role } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { VerbPicker } from '../../components/verb-picker.js';
import { requiredFieldsError } from '../../i18n/error-text.js';

function RoleForm({ editing, onClose }: { editing: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(editing?.name ?? '');
  const [verbs, setVerbs] = useState<Set<PermissionVerb>>(new Set(editing?.verbs ?? []));
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () =>
      editing === null
        ? roleApi.create(name.trim(), [...verbs])
        : roleApi.update(editing.name, [...verbs]),
    onSuccess: async (role) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      toast.show(
        'success',
        t(editing === null ? 'roles.created' : 'roles.updated', { name: role.name }),
      );
      onClose();
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    let missing = requiredFieldsError(editing === null ? { name } : {});
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
      <FormAlert error={error} fields={['name', 'verbs']} />
      {editing === null && (
        <FormField
          name="name"
          label={t('roles.name')}
          hint={t('roles.nameHint')}
          error={error}
          required
          testId="role-name"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
          )}
        </FormField>
      )}
      <VerbPicker legend={t('roles.verbs')} value={verbs} onChange={setVerbs} error={error} />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="role-submit"
        >
          {editing === null ? t('roles.create') : t('common.save')}
        </button>
      </DialogActions>
    </form>
  );
}

/** Create a custom role or change a custom role's verbs. */
export function RoleDialog({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: Role | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={
        editing === null ? t('roles.createTitle') : t('roles.editTitle', { name: editing.name })
      }
      onClose={onClose}
      size="large"
      testId="role-dialog"
    >
      <RoleForm editing={editing} onClose={onClose} />
    </Dialog>
  );
}
