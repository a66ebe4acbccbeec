import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { userApi, type User } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert } from '../../components/form-field.js';
import { NewPasswordField } from '../../components/new-password-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';

function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [newPassword, setNewPassword] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => userApi.resetPassword(user.id, newPassword),
    onSuccess: () => {
      toast.show('success', t('users.passwordReset', { name: user.displayName }));
      onClose();
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ newPassword });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('users.resetIntro', { name: user.displayName })}</p>
      <FormAlert error={error} fields={['newPassword']} />
      <NewPasswordField
        name="newPassword"
        label={t('password.new')}
        testId="reset-password"
        error={error}
        value={newPassword}
        onChange={setNewPassword}
      />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="reset-password-submit"
        >
          {t('users.resetPassword')}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * An administrator sets a new password for a user who forgot theirs (Vigil sends no email);
 * the user's sessions end and the administrator passes the password on by a safe channel.
 */
export function ResetPasswordDialog({
  user,
  open,
  onClose,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('users.resetTitle')} onClose={onClose} size="small">
      <ResetPasswordForm user={user} onClose={onClose} />
    </Dialog>
  );
}
