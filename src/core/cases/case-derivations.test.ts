import { describe, expect, it } from 'vitest';
import { victimSchema } from '../../shared/case-schemas.js';
import {
  ageBandOf,
  ageOn,
  deriveVictim,
  isReferralOverdue,
  majorityOf,
} from './case-derivations.js';

describe('case derivations', () => {
  it.each([
    ['2001-04-02', '2025-04-01', 23],
    ['2001-04-02', '2025-04-02', 24],
    ['2000-02-29', '2025-02-28', 24],
    ['2026-01-01', '2025-01-01', null],
  ] as const)('age born %s on %s is %s', (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });

  it.each([
    ['2001-4-2', '2025-04-01'],
    ['2001-04-02', '2025/04/01'],
    ['20x1-04-02', '2025-04-01'],
    ['', '2025-04-01'],
  ] as const)('no age from a date not in YYYY-MM-DD form (%s on %s)', (birth, day) => {
    expect(ageOn(birth, day)).toBeNull();
  });

  it.each([
    [0, '0-8'],
    [8, '0-8'],
    [9, '9-17'],
    [17, '9-17'],
    [18, '18-20'],
    [47, '39-47'],
    [48, '48+'],
  ] as const)('age %i falls in band %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it('majority comes from the age, else from the band', () => {
    expect(majorityOf(17, null)).toBe('Minor');
    expect(majorityOf(null, '18-20')).toBe('Adult');
    expect(majorityOf(null, null)).toBe('Unknown');
  });

  it('derives age, band and majority from the birth date, never overwriting recorded values', () => {
    const derived = deriveVictim(
      victimSchema.parse({ identity: { birthDate: '2010-06-01' } }),
      '2025-05-31',
    );
    expect(derived).toMatchObject({
      ageAtIdentification: 14,
      ageBand: '9-17',
      majorityStatus: 'Minor',
    });
    const recorded = deriveVictim(
      victimSchema.parse({
        identity: { birthDate: '2010-06-01' },
        ageAtIdentification: 30,
        ageBand: '48+',
      }),
      '2025-05-31',
    );
    expect(recorded).toMatchObject({
      ageAtIdentification: 30,
      ageBand: '48+',
      majorityStatus: 'Adult',
    });
  });

  it('a referral is overdue only while unacknowledged past its deadline', () => {
    expect(isReferralOverdue('sent', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')).toBe(true);
    expect(isReferralOverdue('acknowledged', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')).toBe(
      false,
    );
    expect(isReferralOverdue('sent', '2025-01-03T00:00:00Z', '2025-01-02T00:00:00Z')).toBe(false);
  });
});
