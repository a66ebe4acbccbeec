import { everyPromptExplained } from '../shared/case-vocabulary.js';
import { demoCrises, generateDemoCases, seededRandom } from '../core/cases/demo-cases.js';
import { caseRecordSchema } from '../shared/case-schemas.js';
import type { ScreeningRequestBody } from '../shared/screening-vocabulary.js';
import type { Services } from './app.js';
import { addDemoPopulations } from './demo-populations.js';
import { addDemoPublishedReturns } from './demo-published-returns.js';
import { addDemoReturns } from './demo-returns.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const casesPerCrisis = 75;

// Worked screenings: one set of indicators that classifies as trafficking, one as exploited.
const screeningsByProfile: ScreeningRequestBody[] = [
  {
    profile: 'adult_labour',
    indicators: [
      'deceptive_recruitment.nature_of_job',
      'deceptive_recruitment.wages',
      'exploitative_conditions.excessive_hours',
      'exploitative_conditions.low_or_no_pay',
      'coercion_at_destination.document_confiscation',
      'coercion_at_destination.debt_bondage',
    ],
  },
  {
    profile: 'adult_labour',
    indicators: [
      'exploitative_conditions.excessive_hours',
      'exploitative_conditions.low_or_no_pay',
    ],
  },
];

/**
 * Gives the Demo organisation synthetic content so that a newcomer sees a living system:
 * crises, a shelter network receiving referrals, and a few hundred cases (marked synthetic)
 * with consents, screenings and referrals. Generated from a fixed seed; every write is audited
 * as the system. Skipped entirely with `VIGIL_DEMO=off`.
 */
export async function addDemoContent(
  services: Services,
  demoOrganisationId: string,
): Promise<number> {
  const random = seededRandom(20_161_230);
  const db = services.database.db;
  const shelter = await services.organisations.create(system, {
    name: 'Demo shelter network (synthetic)',
    slug: 'demo-shelters',
    type: 'ngo',
    country: null,
    parentId: demoOrganisationId,
    requireTwoFactor: false,
  });
  const provider = await services.referrals.createProvider(system, {
    name: 'Safe House (synthetic)',
    kinds: ['shelter', 'medical', 'psychosocial'],
    country: 'UGA',
    recipientOrganisationId: shelter.id,
    active: true,
  });
  let total = 0;
  for (const crisisProfile of demoCrises) {
    const crisis = await services.crises.create(system, {
      name: crisisProfile.name,
      countries: crisisProfile.countries,
      startDate: crisisProfile.startDate,
      endDate: null,
    });
    const records = generateDemoCases(random, crisisProfile, crisis.id, casesPerCrisis).map(
      (input) => ({ record: caseRecordSchema.parse(input), sourceKey: null, synthetic: true }),
    );
    const ids = await db.transaction().execute((trx) =>
      services.cases.insertMany(trx, demoOrganisationId, records, {
        importJobId: null,
        createdBy: null,
      }),
    );
    total += ids.length;
    // A third of the cases get consents, a screening, and half of those a referral.
    for (const [index, id] of ids.entries()) {
      if (index % 3 !== 0) continue;
      await services.consents.record(system, id, {
        purpose: 'case_management',
        granted: true,
        givenBy: 'person',
        prompts: everyPromptExplained,
      });
      await services.consents.record(system, id, {
        purpose: 'referral',
        granted: true,
        givenBy: 'person',
        prompts: everyPromptExplained,
      });
      const screening = screeningsByProfile[index % 2];
      if (screening !== undefined) await services.screenings.screen(system, id, screening);
      if (index % 6 === 0) {
        await services.referrals.refer(system, id, {
          providerId: provider.id,
          serviceKind: 'shelter',
          note: 'Synthetic demo referral.',
          acknowledgeWithinDays: 3,
        });
      }
    }
  }
  // GLOTIP returns of a small synthetic hierarchy, in every workflow status.
  await addDemoReturns(services, demoOrganisationId);
  // Published figures of a few member states, for the public dashboard's map and flows.
  await addDemoPublishedReturns(services, demoOrganisationId);
  // Their populations, for rates per 100,000 (marked source `demo`).
  await addDemoPopulations(services);
  return total;
}
