import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivationCaseFacts } from '../../../core/glotip/derivation/case-facts.js';
import { countingPolicies } from '../../../core/glotip/derivation/counting-policy.js';
import {
  handMadeCases,
  handMadeReport,
} from '../../../core/glotip/derivation/derivation-fixtures.js';
import { deriveReturnCells } from '../../../core/glotip/derivation/derive-return.js';
import { caseRecordSchema, type CaseRecordInput } from '../../../shared/case-schemas.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { listDerivationFacts } from './derivation-facts-repo.js';
import { createTestServices } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

// The hand-made facts written as case records (identity included, to be sealed), so that what
// the reader gives back can be compared with what was meant.
function recordOf(facts: DerivationCaseFacts): CaseRecordInput {
  return {
    caseNumber: facts.caseNumber,
    registrationYear: facts.registrationYear,
    registeredOn: facts.registeredOn,
    victim: {
      identity: { firstName: 'Amina', secondName: 'Diallo', phone: '+243812345678' },
      gender: facts.gender,
      citizenship: [...facts.citizenship],
      ageAtIdentification: facts.ageAtIdentification,
      ageWhenTrafficked: facts.ageWhenTrafficked,
      ageBand: facts.ageBand,
      majorityStatus: facts.majorityStatus,
      majorityStatusAtExploitation: facts.majorityStatusAtExploitation,
      traffickingStatus: facts.traffickingStatus,
      statusDecidedBy: facts.statusDecidedBy,
      exploitationTypes: facts.exploitationTypes === null ? null : [...facts.exploitationTypes],
      labourSectors: facts.labourSectors === null ? null : [...facts.labourSectors],
      sexExploitationTypes:
        facts.sexExploitationTypes === null ? null : [...facts.sexExploitationTypes],
      countryOfExploitation: facts.countryOfExploitation,
      conflict: { related: facts.conflictRelated },
    },
    events:
      facts.exploitationStartYear === null
        ? []
        : [
            // A later exploitation first, to show the earliest one is taken.
            {
              type: 'Exploitation',
              year: facts.exploitationStartYear + 1,
              place: 'Mine near Walikale',
            },
            { type: 'Recruitment', year: facts.exploitationStartYear - 1 },
            { type: 'Exploitation', date: `${String(facts.exploitationStartYear)}-03-01` },
          ],
  };
}

describe.each(databaseKinds)('derivation facts reader on %s', (kind) => {
  let database: Database;
  let services: Services;
  let dispose: () => Promise<void>;
  let orgId: string;
  let ids: Map<string, string>;

  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind));
    const org = await services.organisations.create(system, {
      name: 'Kivu shelter',
      slug: 'kivu',
      type: 'ngo',
      country: 'COD',
      parentId: null,
      requireTwoFactor: false,
    });
    orgId = org.id;
    const created = await database.db.transaction().execute((trx) =>
      services.cases.insertMany(
        trx,
        orgId,
        handMadeCases.map((facts) => ({
          record: caseRecordSchema.parse(recordOf(facts)),
          sourceKey: null,
          synthetic: facts.synthetic,
        })),
        { importJobId: null, createdBy: null },
      ),
    );
    ids = new Map(created.map((id, index) => [id, handMadeCases[index]?.caseId ?? '']));
  });
  afterEach(() => dispose());

  it('gives back the recorded facts of the candidates for the year', async () => {
    const facts = await listDerivationFacts(database.db, [orgId], 2024);
    // Every case is a candidate: c14, registered in 2022, has a later exploitation event in
    // 2024; its exploitation still began in 2023, so no policy places it in 2024.
    expect(facts.map((item) => ids.get(item.caseId)).sort()).toEqual(
      handMadeCases.map((item) => item.caseId),
    );
    const c14 = facts.find((item) => ids.get(item.caseId) === 'c14');
    expect(c14?.exploitationStartYear).toBe(2023);
    const c08 = facts.find((item) => ids.get(item.caseId) === 'c08');
    expect(c08).toMatchObject({
      caseNumber: '2024-00008',
      organisationId: orgId,
      synthetic: false,
      registrationYear: 2025,
      registeredOn: '2024-12-30',
      exploitationStartYear: 2023,
      gender: 'Masculine',
      ageBand: '48+',
      citizenship: ['SSD'],
      exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
      statusDecidedBy: 'NonPoliceGovernmentalOrganization',
      conflictRelated: 'No',
    });
    expect(Object.keys(c08 ?? {}).some((key) => /sealed|identity|name|phone/i.test(key))).toBe(
      false,
    );
  });

  it('leaves out cases with nothing in the year', async () => {
    // 2021: no registration, no exploitation event (events are in 2022 to 2025).
    expect(await listDerivationFacts(database.db, [orgId], 2021)).toEqual([]);
    // 2022: c14 by registration, the others by their recruitment event only, which is no
    // exploitation: only c14.
    const facts = await listDerivationFacts(database.db, [orgId], 2022);
    expect(facts.map((item) => ids.get(item.caseId))).toEqual(['c14']);
  });

  it.each(countingPolicies.map((policy) => [policy.id, policy] as const))(
    'stored and read back, the cases derive the same return under %s',
    async (_id, policy) => {
      const facts = await listDerivationFacts(database.db, [orgId], handMadeReport.year);
      const fromDatabase = deriveReturnCells(facts, policy, handMadeReport).map((cell) => ({
        ...cell,
        caseIds: cell.caseIds.map((id) => ids.get(id)).sort(),
      }));
      expect(fromDatabase).toEqual(deriveReturnCells(handMadeCases, policy, handMadeReport));
    },
  );

  it('reads nothing of other organisations', async () => {
    expect(await listDerivationFacts(database.db, [], 2024)).toEqual([]);
    const other = await services.organisations.create(system, {
      name: 'Other',
      slug: 'other',
      type: 'ngo',
      country: null,
      parentId: null,
      requireTwoFactor: false,
    });
    expect(await listDerivationFacts(database.db, [other.id], 2024)).toEqual([]);
  });
});
