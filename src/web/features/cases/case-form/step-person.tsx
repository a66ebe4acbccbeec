import { useTranslation } from 'react-i18next';
import type { OrganisationChoice } from '../../../components/organisation-select.js';
import { OrganisationSelect } from '../../../components/organisation-select.js';
import { FormField } from '../../../components/form-field.js';
import { ageBandCodes, ageBandLabel, codeLabel, codeLists } from '../../../i18n/case-labels.js';
import type { CaseDraft, IdentityField } from './case-draft.js';
import { CountryList } from './country-controls.js';
import { ChoiceSelect, TextArea, TextInput } from './form-controls.js';

/** What a step receives: the draft, a setter for one of its fields, and the last error. */
export interface StepProps {
  draft: CaseDraft;
  set: <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => void;
  error: unknown;
  mode: 'create' | 'edit';
}

const identityInputs: Record<
  IdentityField,
  { type?: 'text' | 'date' | 'email' | 'tel'; ltr?: boolean; max: number; auto?: string }
> = {
  firstName: { max: 200 },
  middleName: { max: 200 },
  secondName: { max: 200 },
  birthDate: { type: 'date', max: 10 },
  identityNumber: { ltr: true, max: 100 },
  phone: { type: 'tel', ltr: true, max: 16 },
  email: { type: 'email', ltr: true, max: 254 },
  street: { max: 300 },
  city: { max: 200 },
  state: { max: 200 },
  postalCode: { ltr: true, max: 40 },
  notes: { max: 20_000 },
};

/** Step 1: the record (organisation, number, year, status) and the person. */
export function StepPerson({
  draft,
  set,
  error,
  mode,
  places,
}: StepProps & { places: readonly OrganisationChoice[] }) {
  const { t } = useTranslation();
  const identity = (field: IdentityField, value: string) => {
    set('identity', { ...draft.identity, [field]: value });
  };
  const identityField = (field: IdentityField) => {
    const input = identityInputs[field];
    return (
      <TextInput
        key={field}
        name={`victim.identity.${field}`}
        label={t(`cases.fields.identity.${field}`)}
        error={error}
        value={draft.identity[field]}
        onChange={(value) => {
          identity(field, value);
        }}
        maxLength={input.max}
        testId={`case-identity-${field}`}
        {...(input.type === undefined ? {} : { type: input.type })}
        {...(input.ltr === true ? { ltr: true } : {})}
        {...(field === 'phone' ? { hint: t('cases.form.phoneHint') } : {})}
      />
    );
  };
  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('cases.form.recordSection')}</legend>
        <div className="form-grid">
          {mode === 'create' && (
            <FormField
              name="organisationId"
              label={t('cases.fields.organisation')}
              error={error}
              required
              testId="case-organisation"
            >
              {(control) => (
                <OrganisationSelect
                  control={control}
                  places={places}
                  value={draft.organisationId}
                  onChange={(value) => {
                    set('organisationId', value);
                  }}
                />
              )}
            </FormField>
          )}
          {mode === 'create' && (
            <TextInput
              name="caseNumber"
              label={t('cases.fields.caseNumber')}
              hint={t('cases.form.caseNumberHint')}
              error={error}
              value={draft.caseNumber}
              onChange={(value) => {
                set('caseNumber', value);
              }}
              ltr
              maxLength={64}
              testId="case-number"
            />
          )}
          <TextInput
            name="registrationYear"
            label={t('cases.fields.registrationYear')}
            error={error}
            required
            inputMode="numeric"
            ltr
            maxLength={4}
            value={draft.registrationYear}
            onChange={(value) => {
              set('registrationYear', value);
            }}
            testId="case-year"
          />
          <TextInput
            name="registeredOn"
            label={t('cases.fields.registeredOn')}
            type="date"
            error={error}
            value={draft.registeredOn}
            onChange={(value) => {
              set('registeredOn', value);
            }}
            testId="case-registered-on"
          />
          <ChoiceSelect
            name="status"
            label={t('cases.fields.status')}
            error={error}
            options={codeLists.caseStatus}
            labelOf={(code) => codeLabel('caseStatus', code)}
            value={draft.status}
            onChange={(value) => {
              if (value !== '') set('status', value);
            }}
            testId="case-status"
          />
          {mode === 'create' && (
            <ChoiceSelect
              name="dataSource"
              label={t('cases.fields.dataSource')}
              error={error}
              options={codeLists.dataSource}
              labelOf={(code) => codeLabel('dataSource', code)}
              value={draft.dataSource}
              onChange={(value) => {
                set('dataSource', value);
              }}
              emptyLabel={t('cases.form.notRecorded')}
              testId="case-data-source"
            />
          )}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('cases.form.identitySection')}</legend>
        <p className="field-hint">{t('cases.form.identityHint')}</p>
        <div className="form-grid">
          {(['firstName', 'middleName', 'secondName', 'birthDate', 'identityNumber'] as const).map(
            identityField,
          )}
        </div>
        <div className="form-grid">
          {(['phone', 'email', 'street', 'city', 'state', 'postalCode'] as const).map(
            identityField,
          )}
        </div>
        <TextArea
          name="victim.identity.notes"
          label={t('cases.fields.identity.notes')}
          hint={t('cases.form.notesHint')}
          error={error}
          value={draft.identity.notes}
          onChange={(value) => {
            identity('notes', value);
          }}
          maxLength={20_000}
          testId="case-identity-notes"
        />
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('cases.form.profileSection')}</legend>
        <div className="form-grid">
          <ChoiceSelect
            name="victim.gender"
            label={t('cases.fields.gender')}
            error={error}
            options={codeLists.gender}
            labelOf={(code) => codeLabel('gender', code)}
            value={draft.gender}
            onChange={(value) => {
              if (value !== '') set('gender', value);
            }}
            testId="case-gender"
          />
          <TextInput
            name="victim.ageAtIdentification"
            label={t('cases.fields.ageAtIdentification')}
            hint={t('cases.form.ageHint')}
            error={error}
            inputMode="numeric"
            ltr
            maxLength={3}
            value={draft.ageAtIdentification}
            onChange={(value) => {
              set('ageAtIdentification', value);
            }}
            testId="case-age"
          />
          <TextInput
            name="victim.ageWhenTrafficked"
            label={t('cases.fields.ageWhenTrafficked')}
            error={error}
            inputMode="numeric"
            ltr
            maxLength={3}
            value={draft.ageWhenTrafficked}
            onChange={(value) => {
              set('ageWhenTrafficked', value);
            }}
            testId="case-age-trafficked"
          />
          <ChoiceSelect
            name="victim.ageBand"
            label={t('cases.fields.ageBand')}
            hint={t('cases.form.ageBandHint')}
            error={error}
            options={ageBandCodes}
            labelOf={ageBandLabel}
            value={draft.ageBand}
            onChange={(value) => {
              set('ageBand', value);
            }}
            emptyLabel={t('cases.form.derivedOrUnknown')}
            testId="case-age-band"
          />
          <ChoiceSelect
            name="victim.majorityStatus"
            label={t('cases.fields.majorityStatus')}
            error={error}
            options={codeLists.majorityStatus}
            labelOf={(code) => codeLabel('majorityStatus', code)}
            value={draft.majorityStatus}
            onChange={(value) => {
              set('majorityStatus', value);
            }}
            emptyLabel={t('cases.form.derivedOrUnknown')}
            testId="case-majority"
          />
          <TextInput
            name="victim.primaryLanguage"
            label={t('cases.fields.primaryLanguage')}
            hint={t('cases.form.languageHint')}
            error={error}
            ltr
            maxLength={3}
            value={draft.primaryLanguage}
            onChange={(value) => {
              set('primaryLanguage', value);
            }}
            testId="case-language"
          />
        </div>
        <CountryList
          name="victim.citizenship"
          label={t('cases.fields.citizenship')}
          error={error}
          value={draft.citizenship}
          onChange={(value) => {
            set('citizenship', value);
          }}
          testId="case-citizenship"
        />
      </fieldset>
    </>
  );
}
