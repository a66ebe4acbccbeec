import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { policyIdOfSourceNote } from '../../../shared/derivation-note.js';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import { Dialog } from '../../components/dialog.js';
import { Skeleton } from '../../components/skeleton.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { derivationApi, derivationKeys } from './derivation-api.js';
import { defaultPolicyId } from './derived-counts.js';
import { cellLabel, countText, policyWords } from './return-labels.js';

/** The return a drill-down is about: whose cases, which year, and how it was derived. */
export interface DrillDownTarget {
  organisationId: string;
  year: number;
  /** The return's source note, which names the counting policy it was derived under. */
  sourceNote: string | null;
  /** The return counts synthetic (demo) records: it was derived with them included. */
  synthetic: boolean;
}

/** The counted cases of one cell, under the policy chosen above them. */
function DrillDownBody({ target, cell }: { target: DrillDownTarget; cell: GlotipCellKey }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const policyFieldId = useId();
  const policies = useQuery({ queryKey: derivationKeys.policies, queryFn: derivationApi.policies });
  // The list starts with the policy the return was derived under (its source note names it);
  // the user may look at the same cell under another one.
  const [chosenPolicy, setChosenPolicy] = useState<string | null>(null);
  const noted = policyIdOfSourceNote(
    target.sourceNote,
    (policies.data ?? []).map((one) => one.id),
  );
  const policyId = defaultPolicyId(policies.data ?? [], chosenPolicy ?? noted);
  const scope = {
    organisationId: target.organisationId,
    year: target.year,
    policyId,
    includeSynthetic: target.synthetic,
  };
  const drill = useQuery({
    queryKey: derivationKeys.drillDown(scope, cell),
    queryFn: () => derivationApi.drillDown(scope, cell),
    enabled: policyId !== '',
  });
  const error = policies.error ?? drill.error;
  return (
    <div data-testid="drill-down">
      <div className="field">
        <label htmlFor={policyFieldId} className="field-label">
          {t('returns.derive.policy')}
        </label>
        <select
          id={policyFieldId}
          className="input"
          value={policyId}
          disabled={policies.isPending}
          data-testid="drill-down-policy"
          onChange={(event) => {
            setChosenPolicy(event.target.value);
          }}
        >
          {(policies.data ?? []).map((one) => (
            <option key={one.id} value={one.id}>
              {policyWords(one).name}
            </option>
          ))}
        </select>
      </div>
      {error !== null && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(error)}</p>
        </div>
      )}
      {drill.isLoading && <Skeleton lines={3} />}
      {drill.data !== undefined && (
        <>
          <p data-testid="drill-down-value">
            {t('returns.derive.value', { value: format.number(drill.data.value) })}
          </p>
          {drill.data.cases.length === 0 ? (
            <p>{t('returns.derive.noCases')}</p>
          ) : (
            <ul className="return-drill-cases" data-testid="drill-down-cases">
              {drill.data.cases.map((one) => (
                <li key={one.caseId}>
                  <Link to={`/cases/${one.caseId}`}>
                    <bdi dir="ltr">{one.caseNumber}</bdi>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {drill.data.hidden > 0 && (
            <p data-testid="drill-down-hidden">
              {countText('returns.derive.hidden', drill.data.hidden)}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Which case records a derived cell counted, as links to the cases the user may open. */
export function DrillDownDialog({
  target,
  cell,
  onClose,
}: {
  target: DrillDownTarget;
  cell: GlotipCellKey | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog
      open={cell !== null}
      title={
        cell === null
          ? ''
          : t('returns.derive.drillTitle', { cell: cellLabel(cell, i18n.language) })
      }
      onClose={onClose}
      size="small"
      testId="drill-down-dialog"
    >
      {cell !== null && <DrillDownBody target={target} cell={cell} />}
    </Dialog>
  );
}
