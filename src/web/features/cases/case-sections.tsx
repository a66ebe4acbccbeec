import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Perpetrator,
  SupportPlan,
  TipEvent,
  Victim,
  VictimIdentity,
} from '../../../shared/case-schemas.js';
import type { CaseStatus, DataSource } from '../../../shared/case-vocabulary.js';
import type { Crisis } from '../../api/case-endpoints.js';
import {
  ageBandLabel,
  codeLabel,
  codeLabels,
  durationLabel,
  type CodeListName,
  type CodeOf,
} from '../../i18n/case-labels.js';
import { countryName } from '../../i18n/country-names.js';
import { useFormatters } from '../../i18n/format.js';
import type { CaseStep } from './case-form/case-steps.js';
import { identityFields } from './case-form/case-draft.js';
import { Fact, Hidden, Missing, Section } from './case-section-parts.js';

/** What the sections show: a stored case, or a draft about to be saved. */
export interface CaseFactsView {
  caseNumber: string | null;
  status: CaseStatus;
  registrationYear: number;
  registeredOn: string | null;
  dataSource: DataSource | null;
  victim: Omit<Victim, 'identity'> & { identity: VictimIdentity | null };
  perpetrators: readonly Perpetrator[];
  events: readonly TipEvent[];
  supportPlans: readonly SupportPlan[];
}

/** The sections of a case, read-only; in the form's review each section has an edit button. */
export function CaseSections({
  facts,
  crises,
  onEdit,
  identityHidden,
}: {
  facts: CaseFactsView;
  crises: readonly Crisis[];
  onEdit?: (step: CaseStep) => void;
  /** True in the analytic view: identifying fields exist but this user may not see them. */
  identityHidden: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const victim = facts.victim;
  const identity = victim.identity;
  const value = (text: string | null | undefined, ltr = false): ReactNode =>
    text === null || text === undefined || text === '' ? (
      <Missing />
    ) : ltr ? (
      <bdi>{text}</bdi>
    ) : (
      text
    );
  const code = <L extends CodeListName>(list: L, item: CodeOf<L> | null): ReactNode =>
    item === null ? <Missing /> : codeLabel(list, item);
  const codes = <L extends CodeListName>(list: L, items: readonly CodeOf<L>[] | null): ReactNode =>
    items === null ? (
      <Missing />
    ) : items.length === 0 ? (
      t('cases.noneOfThese')
    ) : (
      codeLabels(list, items)
    );
  const countries = (items: readonly string[]): ReactNode =>
    items.length === 0 ? (
      <Missing />
    ) : (
      items.map((c) => countryName(c, i18n.language)).join(t('codes.separator'))
    );
  const sealed = (text: string | null): ReactNode => (identityHidden ? <Hidden /> : value(text));
  const crisis = crises.find((c) => c.id === victim.conflict.crisisId);

  return (
    <div className="case-sections">
      <Section
        title={t('cases.sections.person')}
        step="person"
        onEdit={onEdit}
        testId="section-person"
      >
        <dl className="facts">
          {facts.caseNumber !== null && (
            <Fact label={t('cases.fields.caseNumber')} ltr>
              {facts.caseNumber}
            </Fact>
          )}
          <Fact label={t('cases.fields.status')}>{codeLabel('caseStatus', facts.status)}</Fact>
          <Fact label={t('cases.fields.registrationYear')}>{String(facts.registrationYear)}</Fact>
          <Fact label={t('cases.fields.registeredOn')}>
            {facts.registeredOn === null ? <Missing /> : format.day(facts.registeredOn)}
          </Fact>
          <Fact label={t('cases.fields.dataSource')}>{code('dataSource', facts.dataSource)}</Fact>
        </dl>
        <h3 className="section-subtitle">{t('cases.form.identitySection')}</h3>
        {identity === null ? (
          <p className="muted" data-testid="identity-hidden">
            {identityHidden ? t('cases.identityHidden') : t('cases.identityGone')}
          </p>
        ) : (
          <dl className="facts" data-testid="identity-facts">
            {identityFields.map((field) => (
              <Fact key={field} label={t(`cases.fields.identity.${field}`)}>
                {field === 'birthDate' ? (
                  identity.birthDate === null ? (
                    <Missing />
                  ) : (
                    format.day(identity.birthDate)
                  )
                ) : (
                  value(
                    identity[field],
                    ['phone', 'email', 'identityNumber', 'postalCode'].includes(field),
                  )
                )}
              </Fact>
            ))}
          </dl>
        )}
        <h3 className="section-subtitle">{t('cases.form.profileSection')}</h3>
        <dl className="facts">
          <Fact label={t('cases.fields.gender')}>{codeLabel('gender', victim.gender)}</Fact>
          <Fact label={t('cases.fields.ageAtIdentification')}>
            {victim.ageAtIdentification === null ? (
              <Missing />
            ) : (
              format.number(victim.ageAtIdentification)
            )}
          </Fact>
          <Fact label={t('cases.fields.ageWhenTrafficked')}>
            {victim.ageWhenTrafficked === null ? (
              <Missing />
            ) : (
              format.number(victim.ageWhenTrafficked)
            )}
          </Fact>
          <Fact label={t('cases.fields.ageBand')}>
            {victim.ageBand === null ? <Missing /> : ageBandLabel(victim.ageBand)}
          </Fact>
          <Fact label={t('cases.fields.majorityStatus')}>
            {code('majorityStatus', victim.majorityStatus)}
          </Fact>
          <Fact label={t('cases.fields.primaryLanguage')} ltr>
            {value(victim.primaryLanguage)}
          </Fact>
          <Fact label={t('cases.fields.citizenship')}>{countries(victim.citizenship)}</Fact>
        </dl>
      </Section>

      <Section
        title={t('cases.sections.exploitation')}
        step="exploitation"
        onEdit={onEdit}
        testId="section-exploitation"
      >
        <dl className="facts">
          <Fact label={t('cases.fields.traffickingStatus')}>
            {code('traffickingStatus', victim.traffickingStatus)}
          </Fact>
          <Fact label={t('cases.fields.statusDecidedBy')}>
            {code('statusDecisionMaker', victim.statusDecidedBy)}
          </Fact>
          <Fact label={t('cases.fields.relationshipToTrafficker')}>
            {code('traffickerRelationship', victim.relationshipToTrafficker)}
          </Fact>
          <Fact label={t('cases.fields.abducted')}>
            {victim.abducted === null ? (
              <Missing />
            ) : victim.abducted ? (
              t('common.yes')
            ) : (
              t('common.no')
            )}
          </Fact>
          <Fact label={t('cases.fields.recruiterRelations')}>
            {codes('recruiterRelation', victim.recruiterRelations)}
          </Fact>
          <Fact label={t('cases.fields.recruitmentMethods')}>
            {codes('recruitmentMethod', victim.recruitmentMethods)}
          </Fact>
          <Fact label={t('cases.fields.controlMethods')}>
            {codes('controlMethod', victim.controlMethods)}
          </Fact>
          <Fact label={t('cases.fields.exploitationTypes')}>
            {codes('exploitationType', victim.exploitationTypes)}
          </Fact>
          <Fact label={t('cases.fields.labourSectors')}>
            {codes('labourSector', victim.labourSectors)}
          </Fact>
          <Fact label={t('cases.fields.sexExploitationTypes')}>
            {codes('sexExploitationType', victim.sexExploitationTypes)}
          </Fact>
          <Fact label={t('cases.fields.exploitationDuration')}>
            {victim.exploitationDuration === null ? (
              <Missing />
            ) : (
              durationLabel(victim.exploitationDuration)
            )}
          </Fact>
          <Fact label={t('cases.fields.countryOfExploitation')}>
            {victim.countryOfExploitation === null ? (
              <Missing />
            ) : (
              countryName(victim.countryOfExploitation, i18n.language)
            )}
          </Fact>
          <Fact label={t('cases.fields.majorityStatusAtExploitation')}>
            {code('majorityStatus', victim.majorityStatusAtExploitation)}
          </Fact>
          <Fact label={t('cases.fields.majorityStatusAtEntry')}>
            {code('majorityStatus', victim.majorityStatusAtEntry)}
          </Fact>
        </dl>
      </Section>

      <Section
        title={t('cases.sections.conflict')}
        step="conflict"
        onEdit={onEdit}
        testId="section-conflict"
      >
        <dl className="facts">
          <Fact label={t('cases.fields.conflictRelated')}>
            {codeLabel('conflictRelation', victim.conflict.related)}
          </Fact>
          <Fact label={t('cases.fields.conflictBases')}>
            {victim.conflict.bases.length === 0 ? (
              <Missing />
            ) : (
              codeLabels('conflictBasis', victim.conflict.bases)
            )}
          </Fact>
          <Fact label={t('cases.fields.crisis')}>
            {victim.conflict.crisisId === null ? (
              <Missing />
            ) : (
              (crisis?.name ?? t('cases.unknownCrisis'))
            )}
          </Fact>
          <Fact label={t('cases.fields.displacementStatus')}>
            {code('displacementStatus', victim.displacementStatus)}
          </Fact>
        </dl>
      </Section>

      <Section
        title={t('cases.sections.perpetrators')}
        step="perpetrators"
        onEdit={onEdit}
        testId="section-perpetrators"
      >
        {facts.perpetrators.length === 0 ? (
          <p className="empty">{t('cases.form.noPerpetrators')}</p>
        ) : (
          <ol className="item-list">
            {facts.perpetrators.map((p, index) => (
              <li key={index}>
                <h3 className="item-title">{t('cases.form.perpetratorN', { n: index + 1 })}</h3>
                <dl className="facts">
                  <Fact label={t('cases.fields.perpetratorName')}>{sealed(p.name)}</Fact>
                  <Fact label={t('cases.fields.roles')}>
                    {p.roles.length === 0 ? <Missing /> : codeLabels('perpetratorRole', p.roles)}
                  </Fact>
                  <Fact label={t('cases.fields.affiliation')}>
                    {code('perpetratorAffiliation', p.affiliation)}
                  </Fact>
                  <Fact label={t('cases.fields.gender')}>{codeLabel('gender', p.gender)}</Fact>
                  <Fact label={t('cases.fields.ageYears')}>
                    {p.ageYears === null ? <Missing /> : format.number(p.ageYears)}
                  </Fact>
                  <Fact label={t('cases.fields.citizenship')}>{countries(p.citizenship)}</Fact>
                  <Fact label={t('cases.fields.perpetratorDetails')}>{sealed(p.details)}</Fact>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section
        title={t('cases.sections.events')}
        step="events"
        onEdit={onEdit}
        testId="section-events"
      >
        {facts.events.length === 0 ? (
          <p className="empty">{t('cases.form.noEvents')}</p>
        ) : (
          <ol className="item-list">
            {facts.events.map((e, index) => (
              <li key={index}>
                <h3 className="item-title">
                  {t('cases.form.eventN', { n: index + 1 })}: {codeLabel('eventType', e.type)}
                </h3>
                <dl className="facts">
                  <Fact label={t('cases.fields.country')}>
                    {e.country === null ? <Missing /> : countryName(e.country, i18n.language)}
                  </Fact>
                  <Fact label={t('cases.fields.year')}>
                    {e.year === null ? <Missing /> : String(e.year)}
                  </Fact>
                  <Fact label={t('cases.fields.date')}>
                    {e.date === null ? <Missing /> : format.day(e.date)}
                  </Fact>
                  <Fact label={t('cases.fields.place')}>{sealed(e.place)}</Fact>
                  <Fact label={t('cases.fields.description')}>{sealed(e.description)}</Fact>
                </dl>
              </li>
            ))}
          </ol>
        )}
        {facts.supportPlans.length > 0 && (
          <>
            <h3 className="section-subtitle">{t('cases.sections.supportPlans')}</h3>
            <ol className="item-list">
              {facts.supportPlans.map((plan, index) => (
                <li key={index}>
                  <dl className="facts">
                    <Fact label={t('cases.fields.supportPlanType')}>
                      {codeLabel('supportPlanType', plan.type)}
                    </Fact>
                    <Fact label={t('cases.fields.plannedEndDate')}>
                      {plan.plannedEndDate === null ? <Missing /> : format.day(plan.plannedEndDate)}
                    </Fact>
                    <Fact label={t('cases.fields.actualEndDate')}>
                      {plan.actualEndDate === null ? <Missing /> : format.day(plan.actualEndDate)}
                    </Fact>
                    <Fact label={t('cases.fields.objectives')}>{sealed(plan.objectives)}</Fact>
                    <Fact label={t('cases.fields.actionPlan')}>{sealed(plan.actionPlan)}</Fact>
                  </dl>
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>
    </div>
  );
}
