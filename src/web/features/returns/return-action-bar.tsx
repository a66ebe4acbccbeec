import { useTranslation } from 'react-i18next';
import type { ReturnAction } from '../../../shared/return-schemas.js';
import { errorText } from '../../i18n/error-text.js';
import type { MoveAction } from './move-dialog.js';
import { countText, actionLabel } from './return-labels.js';

// The workflow buttons in the order a return moves; `edit` is the form itself, not a button.
const moveOrder: readonly MoveAction[] = [
  'submit',
  'return',
  'accept',
  'approve',
  'publish',
  'reopen',
];

interface ReturnActionBarProps {
  /** What the server says this user may do now: exactly these buttons are shown. */
  actions: readonly ReturnAction[];
  canEdit: boolean;
  dirty: boolean;
  saving: boolean;
  saveError: unknown;
  badCellCount: number;
  criticalCount: number;
  onSave: () => void;
  onMove: (action: MoveAction) => void;
}

/**
 * Save and the workflow steps the user may take. Submission waits until no error is left (the
 * reason is said beside the button, not only by its being disabled).
 */
export function ReturnActionBar({
  actions,
  canEdit,
  dirty,
  saving,
  saveError,
  badCellCount,
  criticalCount,
  onSave,
  onMove,
}: ReturnActionBarProps) {
  const { t } = useTranslation();
  const moves = moveOrder.filter((action) => actions.includes(action));
  const blocked = criticalCount > 0 || badCellCount > 0;
  if (!canEdit && moves.length === 0) return null;
  return (
    <div className="return-actions" data-testid="return-actions">
      {saveError !== null && saveError !== undefined && (
        <div className="alert alert-error" role="alert" data-testid="save-error">
          <p>{errorText(saveError)}</p>
        </div>
      )}
      {badCellCount > 0 && (
        <p className="field-error" data-testid="bad-cells">
          {countText('returns.form.badCells', badCellCount)}
        </p>
      )}
      {moves.includes('submit') && criticalCount > 0 && (
        <p className="field-hint" data-testid="submit-blocked">
          {t('returns.form.submitBlocked')}
        </p>
      )}
      <div className="form-actions">
        {canEdit && (
          <button
            type="button"
            className="button"
            disabled={!dirty || saving || badCellCount > 0}
            onClick={onSave}
            data-testid="return-save"
          >
            {dirty ? t('returns.form.save') : t('returns.form.allSaved')}
          </button>
        )}
        {moves.map((action) => (
          <button
            key={action}
            type="button"
            className={
              action === 'return' || action === 'reopen' ? 'button' : 'button button-primary'
            }
            disabled={action === 'submit' && (blocked || saving)}
            onClick={() => {
              onMove(action);
            }}
            data-testid={`return-action-${action}`}
          >
            {actionLabel(action)}
          </button>
        ))}
      </div>
    </div>
  );
}
