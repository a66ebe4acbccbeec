import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { useSession } from '../../session/session-context.js';
import {
  deleteView,
  loadViews,
  sameFilter,
  saveView,
  viewPart,
  type CaseFilter,
  type SavedView,
} from './case-filter.js';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const memory = new Map<string, string>();
// Where localStorage is refused, views last as long as the page.
const fallbackStorage = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => {
    memory.set(key, value);
  },
};

/**
 * Named filter sets kept in this browser, per user. They hold filter codes only (never a case
 * number or anything about a person), so a shared device leaks nothing through them.
 */
export function SavedViews({
  filter,
  onApply,
}: {
  filter: CaseFilter;
  onApply: (filter: CaseFilter) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const selectId = useId();
  const storage = browserStorage() ?? fallbackStorage;
  const userId = session.me.user.id;
  const [views, setViews] = useState<SavedView[]>(() => loadViews(storage, userId));
  const [naming, setNaming] = useState(false);
  const current = views.find((view) => sameFilter(view.filter, viewPart(filter)));

  return (
    <div className="saved-views" data-testid="saved-views">
      <div className="field">
        <label htmlFor={selectId} className="field-label">
          {t('cases.views.label')}
        </label>
        <select
          id={selectId}
          className="input"
          value={current?.name ?? ''}
          onChange={(event) => {
            const view = views.find((item) => item.name === event.target.value);
            onApply(view === undefined ? {} : { ...view.filter });
          }}
          data-testid="saved-view-select"
        >
          <option value="">
            {views.length === 0 ? t('cases.views.none') : t('cases.views.choose')}
          </option>
          {views.map((view) => (
            <option key={view.name} value={view.name}>
              {view.name}
            </option>
          ))}
        </select>
      </div>
      <div className="saved-view-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setNaming(true);
          }}
          data-testid="saved-view-save"
        >
          {t('cases.views.save')}
        </button>
        {current !== undefined && (
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => {
              setViews(deleteView(storage, userId, current.name));
              toast.show('success', t('cases.views.deleted', { name: current.name }));
            }}
            data-testid="saved-view-delete"
          >
            {t('cases.views.delete')}
          </button>
        )}
      </div>
      <Dialog
        open={naming}
        title={t('cases.views.saveTitle')}
        onClose={() => {
          setNaming(false);
        }}
        size="small"
        testId="saved-view-dialog"
      >
        <NameForm
          onSave={(name) => {
            setViews(saveView(storage, userId, name, filter));
            setNaming(false);
            toast.show('success', t('cases.views.saved', { name }));
          }}
          onCancel={() => {
            setNaming(false);
          }}
          hasCaseNumber={filter.caseNumber !== undefined}
        />
      </Dialog>
    </div>
  );
}

function NameForm({
  onSave,
  onCancel,
  hasCaseNumber,
}: {
  onSave: (name: string) => void;
  onCancel: () => void;
  hasCaseNumber: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ name });
    setError(missing);
    if (missing === null) onSave(name.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="form-intro">{t('cases.views.saveIntro')}</p>
      {hasCaseNumber && <p className="field-hint">{t('cases.views.noCaseNumber')}</p>}
      <FormAlert error={error} fields={['name']} />
      <FormField
        name="name"
        label={t('cases.views.name')}
        error={error}
        required
        testId="saved-view-name"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={80}
            autoComplete="off"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        )}
      </FormField>
      <DialogActions>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" data-testid="saved-view-submit">
          {t('common.save')}
        </button>
      </DialogActions>
    </form>
  );
}
