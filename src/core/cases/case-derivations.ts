import type { Victim } from '../../shared/case-schemas.js';
import type { AgeBand, MajorityStatus } from '../../shared/case-vocabulary.js';

/** Whole years between a birth date and a day (both `YYYY-MM-DD`); null when after the day. */
export function ageOn(birthDate: string, day: string): number | null {
  const birth = dateParts(birthDate);
  const on = dateParts(day);
  if (birth === null || on === null) return null;
  const [by, bm, bd] = birth;
  const [y, m, d] = on;
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age < 0 ? null : age;
}

// Read by position, not split: an import derives an age for every row it reads.
function dateParts(date: string): [number, number, number] | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  const parts: [number, number, number] = [
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  ];
  return parts.every(Number.isInteger) ? parts : null;
}

const bandFloors: readonly [number, AgeBand][] = [
  [48, '48+'],
  [39, '39-47'],
  [30, '30-38'],
  [27, '27-29'],
  [24, '24-26'],
  [21, '21-23'],
  [18, '18-20'],
  [9, '9-17'],
  [0, '0-8'],
];

/** CTDC's broad age band of an age in years. */
export function ageBandOf(age: number): AgeBand {
  for (const [floor, band] of bandFloors) if (age >= floor) return band;
  return '0-8';
}

/** Adult or minor at an age; the band decides when no exact age is known. */
export function majorityOf(age: number | null, band: AgeBand | null): MajorityStatus {
  if (age !== null) return age >= 18 ? 'Adult' : 'Minor';
  if (band === null) return 'Unknown';
  return band === '0-8' || band === '9-17' ? 'Minor' : 'Adult';
}

/** A referral is overdue when it is still unacknowledged after its deadline. */
export function isReferralOverdue(status: string, acknowledgeBy: string, now: string): boolean {
  return status === 'sent' && acknowledgeBy < now;
}

/**
 * Fills derivable analytic facts: the age at identification from the birth date, and the band
 * and majority status from the age. Recorded values are never overwritten.
 */
export function deriveVictim(victim: Victim, referenceDay: string): Victim {
  const birth = victim.identity.birthDate;
  const age = victim.ageAtIdentification ?? (birth === null ? null : ageOn(birth, referenceDay));
  return {
    ...victim,
    ageAtIdentification: age,
    ageBand: victim.ageBand ?? (age === null ? null : ageBandOf(age)),
    majorityStatus:
      victim.majorityStatus ?? (age === null ? null : majorityOf(age, victim.ageBand)),
  };
}
