import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { glotipDataSet, questionnaireSections } from '../../../core/glotip/data-set-definition.js';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import { ApiError } from '../../api/api-client.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { useToast } from '../../components/toasts.js';
import { errorText } from '../../i18n/error-text.js';
import { currentLanguage } from '../../i18n/i18n.js';
import type { CellEntry } from './cell-entry.js';
import { recordCountsOf } from './derived-counts.js';
import { DrillDownDialog } from './drill-down-dialog.js';
import { countByImportance, liveViolations, placeViolations } from './live-validation.js';
import { MoveDialog, type MoveAction } from './move-dialog.js';
import { ReturnActionBar } from './return-action-bar.js';
import { ReturnDiffPanel } from './return-diff.js';
import {
  changedCells,
  cellsOfDraft,
  draftOfCells,
  invalidKeys,
  reasonProblems,
  withEntry,
  withReason,
} from './return-draft.js';
import { ReturnFacts } from './return-facts.js';
import { ReturnForm } from './return-form.js';
import { ReturnHistory } from './return-history.js';
import { countText, cellLabel } from './return-labels.js';
import { returnApi, returnKeys, type ReturnDetail, type ReturnMove } from './returns-api.js';
import './returns.css';

const sections = questionnaireSections(glotipDataSet);

// Submitting with an override that has no reason: the move dialog says the figures need
// attention, the reason fields say which.
const reasonsMissing = new ApiError({ status: 0, code: 'validation.failed' });

/** The editor of a loaded return: the working copy, live validation, saving and the workflow. */
function ReturnEditor({ detail }: { detail: ReturnDetail }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const [draft, setDraft] = useState(() => draftOfCells(detail.cells));
  const [base, setBase] = useState(detail);
  const [moving, setMoving] = useState<MoveAction | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [drilling, setDrilling] = useState<GlotipCellKey | null>(null);
  // Missing override reasons are shown once a save was tried, then follow the typing; each try
  // takes the focus to the first of them.
  const [reasonTries, setReasonTries] = useState(0);
  useEffect(() => {
    if (reasonTries === 0) return;
    const field = document.querySelector<HTMLElement>('.return-overrides [aria-invalid="true"]');
    field?.focus({ preventScroll: true });
    // Centred, so that its error line below is not under the sticky action bar.
    field?.scrollIntoView({ block: 'center' });
  }, [reasonTries]);
  // A new copy from the server (saved, moved, reloaded) replaces the working copy.
  if (base !== detail) {
    setBase(detail);
    setDraft(draftOfCells(detail.cells));
  }

  const language = i18n.language;
  const violations = useMemo(
    () =>
      liveViolations(
        { year: detail.year, currentYear: new Date().getFullYear(), cells: cellsOfDraft(draft) },
        language,
        idPrefix,
        (key) => cellLabel(key, language),
      ),
    [draft, detail.year, language, idPrefix],
  );
  const counts = countByImportance(violations);
  const general = placeViolations(violations, sections).get('') ?? [];
  // Only a return derived from case records can say which cases a cell counted.
  const recordCounts = useMemo(
    () => (detail.source === 'derived' ? recordCountsOf(detail.cells) : undefined),
    [detail.source, detail.cells],
  );
  const changes = changedCells(draft);
  const badCells = invalidKeys(draft);
  const missingReasons = reasonProblems(draft);
  const canEdit = !detail.locked && detail.actions.includes('edit');
  const previousComments = useMemo(
    () =>
      new Map(
        detail.violations.flatMap((v) =>
          v.comment === null ? [] : [[v.subject, v.comment] as const],
        ),
      ),
    [detail.violations],
  );

  const refresh = async (next: ReturnDetail) => {
    queryClient.setQueryData(returnKeys.detail(next.id, currentLanguage()), next);
    await queryClient.invalidateQueries({ queryKey: returnKeys.all });
  };

  /** False (and the reason fields say why) while an override has no reason. */
  const reasonsGiven = (): boolean => {
    if (missingReasons.size === 0) return true;
    setReasonTries((tries) => tries + 1);
    return false;
  };

  const save = async (): Promise<boolean> => {
    // The bar names the cells that are not counts and keeps "save" disabled meanwhile.
    if (badCells.length > 0) return false;
    if (changes.length === 0) return true;
    if (!reasonsGiven()) return false;
    setSaving(true);
    setSaveError(null);
    try {
      await refresh(await returnApi.saveCells(detail.id, changes));
      return true;
    } catch (caught) {
      setSaveError(caught);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const move = async (step: ReturnMove) => {
    // Figures typed since the last save go with the submission.
    if (step.action === 'submit' && changes.length > 0) {
      if (!reasonsGiven()) throw reasonsMissing;
      await refresh(await returnApi.saveCells(detail.id, changes));
    }
    await refresh(await returnApi.move(detail.id, step));
    toast.show('success', t(`returns.actionDone.${step.action}`));
  };

  return (
    <>
      <ReturnFacts detail={detail} />
      {detail.locked && (
        <div
          className="alert alert-info return-lock"
          role="status"
          data-testid="return-lock-notice"
        >
          <p>
            {t('returns.detail.lockedNotice', { status: t(`returns.statuses.${detail.status}`) })}
          </p>
        </div>
      )}
      {detail.lastSealedVersion !== null && !detail.locked && (
        <section className="card" aria-labelledby={`${idPrefix}-diff`}>
          <h2 id={`${idPrefix}-diff`} className="section-title">
            {t('returns.diff.title')}
          </h2>
          <ReturnDiffPanel returnId={detail.id} />
        </section>
      )}
      <p className="return-summary" role="status" data-testid="violation-summary">
        {counts.critical === 0 && counts.warning === 0
          ? t('returns.form.noProblems')
          : t('returns.form.problems', {
              errors: countText('returns.form.errorCount', counts.critical),
              warnings: countText('returns.form.warningCount', counts.warning),
            })}
      </p>
      {general.length > 0 && (
        <ul className="return-violations" data-testid="violations-general">
          {general.map((violation) => (
            <li
              key={violation.id}
              id={violation.id}
              className={`return-violation return-violation-${violation.importance}`}
              data-testid="violation"
              data-rule={violation.ruleId}
            >
              {violation.message}
            </li>
          ))}
        </ul>
      )}
      <ReturnForm
        draft={draft}
        onChange={(key: GlotipCellKey, entry: CellEntry) => {
          setDraft((current) => withEntry(current, key, entry));
        }}
        readOnly={!canEdit}
        violations={violations}
        recordCounts={recordCounts}
        onDrillDown={recordCounts === undefined ? undefined : setDrilling}
        reasonErrors={reasonTries > 0 ? missingReasons : undefined}
        onReasonChange={(key: GlotipCellKey, reason: string) => {
          setDraft((current) => withReason(current, key, reason));
        }}
      />
      <ReturnActionBar
        actions={detail.actions}
        canEdit={canEdit}
        dirty={changes.length > 0}
        saving={saving}
        saveError={saveError}
        badCellCount={badCells.length}
        criticalCount={counts.critical}
        onSave={() =>
          void save().then((saved) => {
            if (saved && changes.length > 0) toast.show('success', t('returns.form.saved'));
          })
        }
        onMove={setMoving}
      />
      <ReturnHistory history={detail.history} />
      <DrillDownDialog
        target={{
          organisationId: detail.organisationId,
          year: detail.year,
          sourceNote: detail.sourceNote,
          synthetic: detail.synthetic,
        }}
        cell={drilling}
        onClose={() => {
          setDrilling(null);
        }}
      />
      <MoveDialog
        action={moving}
        warnings={moving === 'submit' ? violations.filter((v) => v.importance === 'warning') : []}
        previousComments={previousComments}
        onConfirm={move}
        onClose={() => {
          setMoving(null);
        }}
      />
    </>
  );
}

/** One return: its facts, the questionnaire with live validation, the workflow and history. */
export function ReturnPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = currentLanguage();
  const detail = useQuery({
    queryKey: returnKeys.detail(id, language),
    queryFn: () => returnApi.get(id, language),
  });
  const title =
    detail.data === undefined
      ? t('returns.detail.loading')
      : t('returns.detail.title', {
          organisation: detail.data.organisationName,
          year: String(detail.data.year),
        });
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Link to="/returns" className="button">
            {t('returns.detail.backToList')}
          </Link>
        }
      />
      {detail.isPending && <Skeleton lines={8} />}
      {detail.isError && (
        <div className="alert alert-error" role="alert" data-testid="return-error">
          <p>{errorText(detail.error)}</p>
        </div>
      )}
      {detail.data !== undefined && <ReturnEditor detail={detail.data} />}
    </>
  );
}
