import { useTranslation } from 'react-i18next';
import { codeLabel, codeLists } from '../../../i18n/case-labels.js';
import {
  emptyEvent,
  emptyPerpetrator,
  type EventDraft,
  type PerpetratorDraft,
} from './case-draft.js';
import { CountryInput, CountryList } from './country-controls.js';
import { ChoiceSelect, CodeChecks, TextArea, TextInput } from './form-controls.js';
import type { StepProps } from './step-person.js';

/** A list item's heading and its remove button. */
function ItemHeader({
  title,
  removeLabel,
  onRemove,
  testId,
}: {
  title: string;
  removeLabel: string;
  onRemove: () => void;
  testId: string;
}) {
  return (
    <div className="item-header">
      <h3 className="item-title">{title}</h3>
      <button
        type="button"
        className="button button-small button-danger-quiet"
        onClick={onRemove}
        data-testid={testId}
      >
        {removeLabel}
      </button>
    </div>
  );
}

/** Step 4: the perpetrators, each with roles, affiliation and (sealed) name and details. */
export function StepPerpetrators({ draft, set, error }: StepProps) {
  const { t } = useTranslation();
  const items = draft.perpetrators;
  const change = (index: number, patch: Partial<PerpetratorDraft>) => {
    set(
      'perpetrators',
      items.map((item, at) => (at === index ? { ...item, ...patch } : item)),
    );
  };
  return (
    <div className="form-section">
      <h2 className="form-section-title">{t('cases.form.perpetratorsSection')}</h2>
      {items.length === 0 && <p className="empty">{t('cases.form.noPerpetrators')}</p>}
      {items.map((item, index) => {
        const path = `perpetrators.${String(index)}`;
        const title = t('cases.form.perpetratorN', { n: index + 1 });
        return (
          <section key={item.key} className="item" aria-label={title}>
            <ItemHeader
              title={title}
              removeLabel={t('cases.form.remove')}
              onRemove={() => {
                set(
                  'perpetrators',
                  items.filter((_, at) => at !== index),
                );
              }}
              testId={`perpetrator-${String(index)}-remove`}
            />
            <div className="form-grid">
              <ChoiceSelect
                name={`${path}.affiliation`}
                label={t('cases.fields.affiliation')}
                error={error}
                options={codeLists.perpetratorAffiliation}
                labelOf={(code) => codeLabel('perpetratorAffiliation', code)}
                value={item.affiliation}
                onChange={(affiliation) => {
                  change(index, { affiliation });
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
                  if (gender !== '') change(index, { gender });
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
                  change(index, { ageYears });
                }}
              />
              <TextInput
                name={`${path}.name`}
                label={t('cases.fields.perpetratorName')}
                error={error}
                maxLength={300}
                value={item.name}
                onChange={(name) => {
                  change(index, { name });
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
                change(index, { roles });
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
                change(index, { citizenship });
              }}
            />
            <TextArea
              name={`${path}.details`}
              label={t('cases.fields.perpetratorDetails')}
              error={error}
              maxLength={20_000}
              value={item.details}
              onChange={(details) => {
                change(index, { details });
              }}
            />
          </section>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          set('perpetrators', [...items, emptyPerpetrator()]);
        }}
        disabled={items.length >= 50}
        data-testid="perpetrator-add"
      >
        {t('cases.form.addPerpetrator')}
      </button>
    </div>
  );
}

/** Step 5: the events of the trafficking process: when, where, what (place details sealed). */
export function StepEvents({ draft, set, error }: StepProps) {
  const { t } = useTranslation();
  const items = draft.events;
  const change = (index: number, patch: Partial<EventDraft>) => {
    set(
      'events',
      items.map((item, at) => (at === index ? { ...item, ...patch } : item)),
    );
  };
  return (
    <div className="form-section">
      <h2 className="form-section-title">{t('cases.form.eventsSection')}</h2>
      <p className="field-hint">{t('cases.form.eventsHint')}</p>
      {items.length === 0 && <p className="empty">{t('cases.form.noEvents')}</p>}
      {items.map((item, index) => {
        const path = `events.${String(index)}`;
        const title = t('cases.form.eventN', { n: index + 1 });
        return (
          <section key={item.key} className="item" aria-label={title}>
            <ItemHeader
              title={title}
              removeLabel={t('cases.form.remove')}
              onRemove={() => {
                set(
                  'events',
                  items.filter((_, at) => at !== index),
                );
              }}
              testId={`event-${String(index)}-remove`}
            />
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
                  change(index, { type });
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
                  change(index, { country });
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
                  change(index, { year });
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
                  change(index, { date });
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
                change(index, { place });
              }}
            />
            <TextArea
              name={`${path}.description`}
              label={t('cases.fields.description')}
              error={error}
              maxLength={20_000}
              value={item.description}
              onChange={(description) => {
                change(index, { description });
              }}
            />
          </section>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          set('events', [...items, emptyEvent()]);
        }}
        disabled={items.length >= 200}
        data-testid="event-add"
      >
        {t('cases.form.addEvent')}
      </button>
    </div>
  );
}
