import { useTranslation } from 'react-i18next';
import { codeLabel, codeLists } from '../../../i18n/case-labels.js';
import { emptyEvent, emptyPerpetrator } from './case-draft.js';
import { CountryInput, CountryList } from './country-controls.js';
import { ChoiceSelect, CodeChecks, TextArea, TextInput } from './form-controls.js';
import { ListEditor } from './list-editor.js';
import type { StepProps } from './step-person.js';

/** Step 4: the perpetrators, each with roles, affiliation and (sealed) name and details. */
export function StepPerpetrators({ draft, set, error }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="form-section">
      <h2 className="form-section-title">{t('cases.form.perpetratorsSection')}</h2>
      <ListEditor
        field="perpetrators"
        items={draft.perpetrators}
        onItems={(items) => {
          set('perpetrators', items);
        }}
        newItem={emptyPerpetrator}
        max={50}
        testIdPrefix="perpetrator"
        titleOf={(n) => t('cases.form.perpetratorN', { n })}
        emptyText={t('cases.form.noPerpetrators')}
        addLabel={t('cases.form.addPerpetrator')}
        renderItem={({ item, index, path, change }) => (
          <>
            <div className="form-grid">
              <ChoiceSelect
                name={`${path}.affiliation`}
                label={t('cases.fields.affiliation')}
                error={error}
                options={codeLists.perpetratorAffiliation}
                labelOf={(code) => codeLabel('perpetratorAffiliation', code)}
                value={item.affiliation}
                onChange={(affiliation) => {
                  change({ affiliation });
                }}
                emptyLabel={t('cases.form.notRecorded')}
                testId={`perpetrator-${String(index)}-affiliation`}
              />
              <ChoiceSelect
                name={`${path}.gender`}
                label={t('cases.fields.gender')}
                error={error}
                options={codeLists.gender}
                labelOf={(code) => codeLabel('gender', code)}
                value={item.gender}
                onChange={(gender) => {
                  if (gender !== '') change({ gender });
                }}
              />
              <TextInput
                name={`${path}.ageYears`}
                label={t('cases.fields.ageYears')}
                error={error}
                inputMode="numeric"
                ltr
                maxLength={3}
                value={item.ageYears}
                onChange={(ageYears) => {
                  change({ ageYears });
                }}
              />
              <TextInput
                name={`${path}.name`}
                label={t('cases.fields.perpetratorName')}
                error={error}
                maxLength={300}
                value={item.name}
                onChange={(name) => {
                  change({ name });
                }}
                testId={`perpetrator-${String(index)}-name`}
              />
            </div>
            <CodeChecks
              name={`${path}.roles`}
              legend={t('cases.fields.roles')}
              options={codeLists.perpetratorRole}
              labelOf={(code) => codeLabel('perpetratorRole', code)}
              value={item.roles}
              onChange={(roles) => {
                change({ roles });
              }}
              error={error}
              testId={`perpetrator-${String(index)}-roles`}
            />
            <CountryList
              name={`${path}.citizenship`}
              label={t('cases.fields.citizenship')}
              error={error}
              value={item.citizenship}
              onChange={(citizenship) => {
                change({ citizenship });
              }}
            />
            <TextArea
              name={`${path}.details`}
              label={t('cases.fields.perpetratorDetails')}
              error={error}
              maxLength={20_000}
              value={item.details}
              onChange={(details) => {
                change({ details });
              }}
            />
          </>
        )}
      />
    </div>
  );
}

/** Step 5: the events of the trafficking process: when, where, what (place details sealed). */
export function StepEvents({ draft, set, error }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="form-section">
      <h2 className="form-section-title">{t('cases.form.eventsSection')}</h2>
      <p className="field-hint">{t('cases.form.eventsHint')}</p>
      <ListEditor
        field="events"
        items={draft.events}
        onItems={(items) => {
          set('events', items);
        }}
        newItem={emptyEvent}
        max={200}
        testIdPrefix="event"
        titleOf={(n) => t('cases.form.eventN', { n })}
        emptyText={t('cases.form.noEvents')}
        addLabel={t('cases.form.addEvent')}
        renderItem={({ item, index, path, change }) => (
          <>
            <div className="form-grid">
              <ChoiceSelect
                name={`${path}.type`}
                label={t('cases.fields.eventType')}
                error={error}
                required
                options={codeLists.eventType}
                labelOf={(code) => codeLabel('eventType', code)}
                value={item.type}
                onChange={(type) => {
                  change({ type });
                }}
                emptyLabel={t('common.choose')}
                testId={`event-${String(index)}-type`}
              />
              <CountryInput
                name={`${path}.country`}
                label={t('cases.fields.country')}
                error={error}
                value={item.country}
                onChange={(country) => {
                  change({ country });
                }}
                testId={`event-${String(index)}-country`}
              />
              <TextInput
                name={`${path}.year`}
                label={t('cases.fields.year')}
                error={error}
                inputMode="numeric"
                ltr
                maxLength={4}
                value={item.year}
                onChange={(year) => {
                  change({ year });
                }}
                testId={`event-${String(index)}-year`}
              />
              <TextInput
                name={`${path}.date`}
                label={t('cases.fields.date')}
                type="date"
                error={error}
                value={item.date}
                onChange={(date) => {
                  change({ date });
                }}
              />
            </div>
            <TextInput
              name={`${path}.place`}
              label={t('cases.fields.place')}
              error={error}
              maxLength={300}
              value={item.place}
              onChange={(place) => {
                change({ place });
              }}
            />
            <TextArea
              name={`${path}.description`}
              label={t('cases.fields.description')}
              error={error}
              maxLength={20_000}
              value={item.description}
              onChange={(description) => {
                change({ description });
              }}
            />
          </>
        )}
      />
    </div>
  );
}
