import type { Victim, VictimIdentity } from '../../shared/case-schemas.js';
import {
  referralPacketFields,
  type ReferralPacketField,
  type ServiceKind,
} from '../../shared/case-vocabulary.js';

/** What a recipient receives: only the fields its kind of service needs, nothing else. */
export type ReferralPacket = Partial<
  Record<ReferralPacketField, string | number | string[] | null>
>;

function joined(parts: readonly (string | null)[], separator: string): string | null {
  const present = parts.filter((part): part is string => part !== null && part !== '');
  return present.length === 0 ? null : present.join(separator);
}

/**
 * Builds the packet of a referral from the opened identity and the analytic facts, keeping only
 * the fields listed for the service kind (data minimisation: a shelter gets no identity number,
 * a medical service no address).
 */
export function buildReferralPacket(
  kind: ServiceKind,
  identity: VictimIdentity,
  victim: Omit<Victim, 'identity'>,
  note: string | null,
): ReferralPacket {
  const all: Record<ReferralPacketField, string | number | string[] | null> = {
    name: joined([identity.firstName, identity.middleName, identity.secondName], ' '),
    gender: victim.gender,
    ageYears: victim.ageAtIdentification,
    birthDate: identity.birthDate,
    citizenship: victim.citizenship,
    identityNumber: identity.identityNumber,
    languages: victim.primaryLanguage === null ? [] : [victim.primaryLanguage],
    phone: identity.phone,
    address: joined([identity.street, identity.city, identity.state, identity.postalCode], ', '),
    exploitationTypes: victim.exploitationTypes ?? [],
    notes: note,
  };
  const packet: ReferralPacket = {};
  for (const field of referralPacketFields[kind]) packet[field] = all[field];
  return packet;
}
