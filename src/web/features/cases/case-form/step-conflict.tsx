import { useTranslation } from 'react-i18next';
import type { Crisis } from '../../../api/case-endpoints.js';
import { codeLabel, codeLists } from '../../../i18n/case-labels.js';
import { ChoiceSelect, CodeChecks } from './form-controls.js';
import type { StepProps } from './step-person.js';

/** Step 3: whether and how the case is linked to a conflict, and displacement. */
export function StepConflict({
  draft,
  set,
  error,
  crises,
}: StepProps & { crises: readonly Crisis[] }) {
  const { t } = useTranslation();
  const conflict = draft.conflict;
  const crisisIds = crises.map((crisis) => crisis.id);
  const crisisNames = new Map(crises.map((crisis) => [crisis.id, crisis.name]));
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('cases.form.conflictSection')}</legend>
      <div className="form-grid">
        <ChoiceSelect
          name="victim.conflict.related"
          label={t('cases.fields.conflictRelated')}
          error={error}
          options={codeLists.conflictRelation}
          labelOf={(code) => codeLabel('conflictRelation', code)}
          value={conflict.related}
          onChange={(value) => {
            if (value !== '') set('conflict', { ...conflict, related: value });
          }}
          testId="case-conflict-related"
        />
        <ChoiceSelect
          name="victim.conflict.crisisId"
          label={t('cases.fields.crisis')}
          hint={crises.length === 0 ? t('cases.form.noCrises') : t('cases.form.crisisHint')}
          error={error}
          options={crisisIds}
          labelOf={(id) => crisisNames.get(id) ?? id}
          value={conflict.crisisId}
          onChange={(value) => {
            set('conflict', { ...conflict, crisisId: value });
          }}
          emptyLabel={t('cases.form.noCrisis')}
          testId="case-crisis"
        />
        <ChoiceSelect
          name="victim.displacementStatus"
          label={t('cases.fields.displacementStatus')}
          error={error}
          options={codeLists.displacementStatus}
          labelOf={(code) => codeLabel('displacementStatus', code)}
          value={draft.displacementStatus}
          onChange={(value) => {
            set('displacementStatus', value);
          }}
          emptyLabel={t('cases.form.notRecorded')}
          testId="case-displacement"
        />
      </div>
      {(conflict.related === 'Yes' || conflict.bases.length > 0) && (
        <CodeChecks
          name="victim.conflict.bases"
          legend={t('cases.fields.conflictBases')}
          hint={t('cases.form.conflictBasesHint')}
          options={codeLists.conflictBasis}
          labelOf={(code) => codeLabel('conflictBasis', code)}
          value={conflict.bases}
          onChange={(bases) => {
            set('conflict', { ...conflict, bases });
          }}
          error={error}
          testId="case-conflict-bases"
        />
      )}
    </fieldset>
  );
}
