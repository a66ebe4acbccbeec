import type { z } from 'zod';
import type {
  caseResponseSchema,
  caseSummarySchema,
  consentResponseSchema,
} from '../../../shared/case-schemas.js';
import type { OpenedCase, StoredCase } from './case-model.js';
import type { StoredConsent } from './consent-repo.js';

/**
 * Allow-list of a case sent to a reader. The identity is present only when the service opened
 * it (full view, not forgotten); child records carry their sealed fields as null otherwise.
 */
export function presentCase(opened: OpenedCase): z.output<typeof caseResponseSchema> {
  const s = opened.stored;
  return {
    id: s.id,
    organisationId: s.organisationId,
    caseNumber: s.caseNumber,
    status: s.status,
    registrationYear: s.registrationYear,
    registeredOn: s.registeredOn,
    dataSource: s.dataSource,
    synthetic: s.synthetic,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    forgotten: s.forgottenAt !== null,
    view: opened.view,
    breakGlass: opened.breakGlass,
    victim: { ...s.victim, identity: opened.identity },
    perpetrators: opened.perpetrators,
    events: opened.events,
    supportPlans: opened.supportPlans,
  };
}

/** A line of the case list: no identifying field, whatever the reader's role. */
export function presentCaseSummary(s: StoredCase): z.input<typeof caseSummarySchema> {
  return {
    id: s.id,
    organisationId: s.organisationId,
    caseNumber: s.caseNumber,
    status: s.status,
    registrationYear: s.registrationYear,
    synthetic: s.synthetic,
    forgotten: s.forgottenAt !== null,
    gender: s.victim.gender,
    ageBand: s.victim.ageBand,
    citizenship: s.victim.citizenship,
    traffickingStatus: s.victim.traffickingStatus,
    exploitationTypes: s.victim.exploitationTypes,
    conflictRelated: s.victim.conflict.related,
    crisisId: s.victim.conflict.crisisId,
    updatedAt: s.updatedAt,
  };
}

/** A consent entry; who recorded it stays in the audit log. */
export function presentConsent(
  entry: StoredConsent,
  inForce: boolean,
): z.input<typeof consentResponseSchema> {
  return {
    id: entry.id,
    purpose: entry.purpose,
    granted: entry.granted,
    givenBy: entry.givenBy,
    prompts: entry.prompts,
    recordedAt: entry.recordedAt,
    revokedAt: entry.revokedAt,
    inForce,
  };
}
