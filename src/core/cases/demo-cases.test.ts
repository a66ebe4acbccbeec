import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../shared/case-schemas.js';
import { demoCrises, generateDemoCases, seededRandom } from './demo-cases.js';

describe('generateDemoCases', () => {
  it.each(demoCrises.map((crisis) => [crisis.key, crisis] as const))(
    '%s: every generated record is a valid case record tied to its crisis',
    (_key, crisis) => {
      const records = generateDemoCases(
        seededRandom(1),
        crisis,
        '11111111-1111-4111-8111-111111111111',
        50,
      );
      for (const input of records) {
        const record = caseRecordSchema.parse(input);
        expect(crisis.origins).toContain(record.victim.citizenship[0]);
        expect(crisis.destinations).toContain(record.victim.countryOfExploitation);
        expect(record.victim.identity.secondName).toBe('Synthetic');
        expect(record.victim.conflict.crisisId).toBe('11111111-1111-4111-8111-111111111111');
      }
    },
  );

  it('is the same for the same seed and differs for another', () => {
    const crisis = demoCrises[0];
    if (crisis === undefined) throw new Error('no demo crisis');
    const a = generateDemoCases(seededRandom(7), crisis, 'x', 20);
    expect(generateDemoCases(seededRandom(7), crisis, 'x', 20)).toEqual(a);
    expect(generateDemoCases(seededRandom(8), crisis, 'x', 20)).not.toEqual(a);
  });

  it('records armed combat only for boys and men', () => {
    const crisis = demoCrises.find((c) => c.exploitation.includes('vigil:ArmedCombat'));
    if (crisis === undefined) throw new Error('no armed-combat crisis');
    const records = generateDemoCases(
      seededRandom(3),
      crisis,
      '11111111-1111-4111-8111-111111111111',
      300,
    ).map((r) => caseRecordSchema.parse(r));
    const combat = records.filter((r) => r.victim.exploitationTypes?.includes('vigil:ArmedCombat'));
    expect(combat.length).toBeGreaterThan(0);
    expect(combat.every((r) => r.victim.gender === 'Masculine')).toBe(true);
  });
});
