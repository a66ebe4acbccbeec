import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import type { ShownViolation } from './live-validation.js';
import { actionLabel } from './return-labels.js';
import type { ReturnMove } from './returns-api.js';

/** The workflow actions a dialog confirms (editing has no dialog). */
export type MoveAction = ReturnMove['action'];

interface MoveDialogProps {
  action: MoveAction | null;
  /** For submission: the warnings that each need a comment, and comments given before. */
  warnings: readonly ShownViolation[];
  previousComments: ReadonlyMap<string, string>;
  onConfirm: (move: ReturnMove) => Promise<void>;
  onClose: () => void;
}

// Sending back must say why; a reopening must say it at some length (the contract's minimum).
const minimumLength: Partial<Record<MoveAction, number>> = { return: 1, reopen: 10 };

function problem(field: string, issue: string): ApiError {
  return new ApiError({
    status: 0,
    code: 'validation.failed',
    details: [{ path: ['body', field], issue }],
  });
}

function MoveForm({
  action,
  warnings,
  previousComments,
  onConfirm,
  onClose,
}: MoveDialogProps & { action: MoveAction }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(warnings.map((w) => [w.subject, previousComments.get(w.subject) ?? ''])),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = action === 'reopen' ? 'reason' : 'comment';
  const minimum = minimumLength[action];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (minimum !== undefined && text.trim().length < minimum) {
      setError(problem(field, text.trim() === '' ? 'required' : 'too_small'));
      return;
    }
    const missing = warnings.findIndex((w) => (comments[w.subject] ?? '').trim() === '');
    if (action === 'submit' && missing >= 0) {
      setError(problem(`warning${String(missing)}`, 'required'));
      return;
    }
    const move: ReturnMove =
      action === 'submit'
        ? {
            action,
            warningComments: Object.fromEntries(
              warnings.map((w) => [w.subject, (comments[w.subject] ?? '').trim()]),
            ),
          }
        : action === 'return'
          ? { action, comment: text.trim() }
          : action === 'reopen'
            ? { action, reason: text.trim() }
            : { action, comment: text.trim() };
    setBusy(true);
    setError(null);
    try {
      await onConfirm(move);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fields = [field, ...warnings.map((_w, index) => `warning${String(index)}`)];
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t(`returns.moveIntro.${action}`)}</p>
      <FormAlert error={error} fields={fields} />
      {action === 'submit' &&
        warnings.map((warning, index) => (
          <FormField
            key={warning.subject}
            name={`warning${String(index)}`}
            label={t('returns.move.warningComment')}
            hint={warning.message}
            error={error}
            required
            testId={`warning-comment-${String(index)}`}
          >
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={2}
                maxLength={5000}
                value={comments[warning.subject] ?? ''}
                onChange={(event) => {
                  setComments({ ...comments, [warning.subject]: event.target.value });
                }}
              />
            )}
          </FormField>
        ))}
      {action !== 'submit' && (
        <FormField
          name={field}
          label={t(action === 'reopen' ? 'returns.move.reason' : 'returns.move.comment')}
          hint={t(minimum === undefined ? 'returns.move.optional' : `returns.move.${field}Hint`)}
          error={error}
          required={minimum !== undefined}
          testId="move-text"
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={3}
              maxLength={5000}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          )}
        </FormField>
      )}
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid="move-confirm"
        >
          {actionLabel(action)}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * Confirms a workflow step: the comments each warning needs before submission, the reason for
 * sending back or reopening, an optional comment when accepting, approving or publishing.
 */
export function MoveDialog(props: MoveDialogProps) {
  const { t } = useTranslation();
  const { action, onClose } = props;
  return (
    <Dialog
      open={action !== null}
      title={action === null ? '' : t(`returns.moveTitles.${action}`)}
      onClose={onClose}
      testId="move-dialog"
    >
      {action !== null && <MoveForm {...props} action={action} />}
    </Dialog>
  );
}
