import type { ReferralStatus, ServiceKind } from '../../../shared/case-vocabulary.js';

/** An entry of the service-provider directory. */
export interface ServiceProvider {
  id: string;
  organisationId: string;
  name: string;
  kinds: ServiceKind[];
  country: string;
  recipientOrganisationId: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A referral of a case to a provider; its packet stays sealed until a recipient opens it. */
export interface Referral {
  id: string;
  caseId: string;
  organisationId: string;
  providerId: string;
  recipientOrganisationId: string;
  serviceKind: ServiceKind;
  status: ReferralStatus;
  packetSealed: string | null;
  consentOverridden: boolean;
  acknowledgeBy: string;
  sentAt: string;
  acknowledgedAt: string | null;
  updatedAt: string;
  createdBy: string | null;
}

/** A referral with the names a list shows. */
export interface ReferralListing extends Referral {
  providerName: string;
  caseNumber: string;
}
