import { describe, expect, it } from 'vitest';
import { victimIdentitySchema, victimSchema } from '../../shared/case-schemas.js';
import { referralPacketFields, serviceKinds } from '../../shared/case-vocabulary.js';
import { buildReferralPacket } from './referral-packet.js';

const identity = victimIdentitySchema.parse({
  firstName: 'Amina',
  secondName: 'Diallo',
  birthDate: '2001-04-02',
  identityNumber: 'X-99',
  phone: '+243812345678',
  street: '1 Rue',
  city: 'Goma',
});
const parsed = victimSchema.parse({
  gender: 'Feminine',
  citizenship: ['COD'],
  ageAtIdentification: 24,
  exploitationTypes: ['SexualExploitation'],
});
const victim = { ...parsed, identity: undefined };

describe('buildReferralPacket', () => {
  it.each(serviceKinds)('a %s packet holds exactly the fields its kind allows', (kind) => {
    const packet = buildReferralPacket(kind, identity, victim, 'needs an interpreter');
    expect(Object.keys(packet).sort()).toEqual([...referralPacketFields[kind]].sort());
  });

  it('a shelter never receives the identity number, birth date or address', () => {
    const packet = buildReferralPacket('shelter', identity, victim, null);
    expect(packet).not.toHaveProperty('identityNumber');
    expect(packet).not.toHaveProperty('birthDate');
    expect(packet).not.toHaveProperty('address');
    expect(packet.name).toBe('Amina Diallo');
  });

  it('repatriation carries the address and the identity number', () => {
    const packet = buildReferralPacket('repatriation', identity, victim, null);
    expect(packet.address).toBe('1 Rue, Goma');
    expect(packet.identityNumber).toBe('X-99');
  });
});
