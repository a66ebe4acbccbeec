import type { CaseRecordInput } from '../../shared/case-schemas.js';
import type {
  ConflictBasis,
  DisplacementStatus,
  ExploitationType,
  PerpetratorAffiliation,
} from '../../shared/case-vocabulary.js';

/** A source of uniform numbers in [0, 1): seeded in tests, crypto-backed in production. */
export type RandomSource = () => number;

/** A crisis of the demo content. Names say they are synthetic. */
export interface DemoCrisis {
  key: string;
  name: string;
  countries: string[];
  startDate: string;
  /** Where victims come from, where they are exploited, and by whom. */
  origins: string[];
  destinations: string[];
  displacement: DisplacementStatus[];
  exploitation: ExploitationType[];
  affiliations: PerpetratorAffiliation[];
}

// Settings modelled on patterns the UN Secretary-General's 2016 report describes (armed groups
// recruiting children, sexual slavery, trafficking of people fleeing conflict); every name and
// person generated from them is synthetic.
export const demoCrises: readonly DemoCrisis[] = [
  {
    key: 'great-lakes',
    name: 'Synthetic demo: Great Lakes armed conflict',
    countries: ['COD', 'UGA', 'RWA'],
    startDate: '2022-03-01',
    origins: ['COD'],
    destinations: ['COD', 'UGA'],
    displacement: ['InternallyDisplaced', 'Refugee'],
    exploitation: ['vigil:ArmedCombat', 'vigil:SexualSlavery', 'ForcedLabour'],
    affiliations: ['NonStateArmedGroup', 'OrganisedCriminalGroup'],
  },
  {
    key: 'sahel',
    name: 'Synthetic demo: Sahel displacement crisis',
    countries: ['MLI', 'BFA', 'NER'],
    startDate: '2021-06-15',
    origins: ['MLI', 'BFA'],
    destinations: ['NER', 'LBY'],
    displacement: ['InternallyDisplaced', 'Migrant', 'Refugee'],
    exploitation: ['ForcedLabour', 'SexualExploitation', 'vigil:ForcedCriminality'],
    affiliations: ['NonStateArmedGroup', 'EmployerOrRecruiter', 'OrganisedCriminalGroup'],
  },
  {
    key: 'eastern-europe',
    name: 'Synthetic demo: Eastern Europe war displacement',
    countries: ['UKR', 'POL', 'MDA'],
    startDate: '2022-02-24',
    origins: ['UKR'],
    destinations: ['POL', 'DEU', 'MDA'],
    displacement: ['Refugee', 'AsylumSeeker'],
    exploitation: ['SexualExploitation', 'ForcedLabour'],
    affiliations: ['OrganisedCriminalGroup', 'EmployerOrRecruiter', 'IntimatePartner'],
  },
  {
    key: 'levant',
    name: 'Synthetic demo: Levant protracted crisis',
    countries: ['SYR', 'LBN', 'JOR', 'TUR'],
    startDate: '2021-01-01',
    origins: ['SYR'],
    destinations: ['LBN', 'JOR', 'TUR'],
    displacement: ['Refugee', 'HostCommunity', 'Stateless'],
    exploitation: ['ForcedMarriage', 'ForcedLabour', 'ForcedBegging', 'SexualExploitation'],
    affiliations: ['FamilyMember', 'EmployerOrRecruiter', 'NonStateArmedGroup'],
  },
];

const firstNames = [
  'Amani',
  'Nadia',
  'Josué',
  'Fatou',
  'Olena',
  'Yusuf',
  'Mariam',
  'Ibrahim',
  'Iryna',
  'Grace',
  'Samir',
  'Aïcha',
];
const conflictBasesByDisplacement: Record<DisplacementStatus, ConflictBasis> = {
  InternallyDisplaced: 'DisplacementSetting',
  Refugee: 'OriginInConflictArea',
  AsylumSeeker: 'OriginInConflictArea',
  Returnee: 'DisplacementSetting',
  Stateless: 'DisplacementSetting',
  Migrant: 'OriginInConflictArea',
  HostCommunity: 'ExploitationInConflictArea',
};

function pick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Generates plausible synthetic cases for one crisis: sex and age mixes, forms of exploitation,
 * perpetrator affiliations and events follow the crisis profile. Identifying fields are
 * invented and say so (second name "Synthetic"); the caller marks every record synthetic.
 */
export function generateDemoCases(
  random: RandomSource,
  crisis: DemoCrisis,
  crisisId: string,
  count: number,
): CaseRecordInput[] {
  const cases: CaseRecordInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const year = 2021 + Math.floor(random() * 5);
    const child = random() < 0.35;
    const age = child ? 8 + Math.floor(random() * 10) : 18 + Math.floor(random() * 30);
    const female = random() < (crisis.exploitation.includes('vigil:ArmedCombat') ? 0.45 : 0.7);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const origin = pick(random, crisis.origins);
    const destination = pick(random, crisis.destinations);
    let exploitation = pick(random, crisis.exploitation);
    // Armed combat is recorded for boys and young men in this demo; girls in the same setting
    // are more often recorded as held in sexual slavery (a pattern the 2016 report describes).
    if (exploitation === 'vigil:ArmedCombat' && female) exploitation = 'vigil:SexualSlavery';
    const displacement = pick(random, crisis.displacement);
    const status = random() < 0.55 ? 'ActualVictimOfTrafficking' : 'PossibleVictimOfTrafficking';
    cases.push({
      registrationYear: year,
      registeredOn: `${String(year)}-${pad(month)}-${pad(day)}`,
      dataSource: 'CaseManagement',
      status: random() < 0.6 ? 'Active' : 'FollowUp',
      victim: {
        identity: {
          firstName: pick(random, firstNames),
          secondName: 'Synthetic',
          birthDate: `${String(year - age)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
          notes: 'Synthetic demo record: not a real person.',
        },
        gender: female ? 'Feminine' : 'Masculine',
        citizenship: [origin],
        ageWhenTrafficked: Math.max(0, age - Math.floor(random() * 3)),
        traffickingStatus: status,
        statusDecidedBy:
          status === 'ActualVictimOfTrafficking'
            ? pick(random, ['Police', 'NGO', 'CourtOrProsecution'] as const)
            : null,
        exploitationTypes: [exploitation],
        controlMethods:
          random() < 0.5 ? ['PhysicalThreats', 'WithholdsDocuments'] : ['DebtBondage'],
        countryOfExploitation: destination,
        displacementStatus: displacement,
        conflict: {
          related: 'Yes',
          bases:
            exploitation === 'vigil:ArmedCombat'
              ? ['TraffickedByArmedGroup']
              : [conflictBasesByDisplacement[displacement]],
          crisisId,
        },
      },
      perpetrators: [
        {
          roles: [pick(random, ['RecruiterOrIntermediary', 'Exploiter', 'Transporter'] as const)],
          affiliation: pick(random, crisis.affiliations),
        },
      ],
      events: [
        { type: 'Recruitment', country: origin, year: Math.max(year - 1, 2020) },
        { type: 'Exploitation', country: destination, year },
      ],
    });
  }
  return cases;
}

/** A small seeded generator (mulberry32), so the demo content is the same on every install. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
