import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../api/case-endpoints.js';
import {
  draftOfCase,
  emptyDraft,
  emptyEvent,
  emptyPerpetrator,
  type CaseDraft,
} from './case-draft.js';
import { toCreateBody, toUpdateBody } from './case-draft-body.js';
import { stepOfPath } from './case-steps.js';
import { onlyStep, recordOfBody, validateCaseBody } from './case-validation.js';

const organisationId = '8d3b1c2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const asIs = (typed: string) => (typed.trim() === '' ? null : typed.trim().toUpperCase());

function draft(patch: Partial<CaseDraft> = {}): CaseDraft {
  return { ...emptyDraft(organisationId, 2024), ...patch };
}

describe('case draft → API body', () => {
  it('turns an empty draft into a valid minimal case', () => {
    const body = toCreateBody(draft(), asIs);
    expect(validateCaseBody(body, 'create')).toBeNull();
    const record = recordOfBody(body);
    expect(record?.registrationYear).toBe(2024);
    expect(record?.victim.exploitationTypes).toBeNull();
    expect(record?.victim.identity.firstName).toBeNull();
  });

  it('keeps "none of these" apart from "not recorded"', () => {
    const body = toCreateBody(draft({ controlMethods: [], exploitationTypes: null }), asIs);
    const record = recordOfBody(body);
    expect(record?.victim.controlMethods).toEqual([]);
    expect(record?.victim.exploitationTypes).toBeNull();
  });

  it('sends typed numbers as numbers and blank text as null', () => {
    const body = toCreateBody(
      draft({
        ageAtIdentification: ' 17 ',
        abducted: 'no',
        identity: { ...draft().identity, firstName: '  Amal ', city: '   ' },
      }),
      asIs,
    );
    const record = recordOfBody(body);
    expect(record?.victim.ageAtIdentification).toBe(17);
    expect(record?.victim.abducted).toBe(false);
    expect(record?.victim.identity.firstName).toBe('Amal');
    expect(record?.victim.identity.city).toBeNull();
  });

  it('reports contract errors at the API path, for the step that shows the field', () => {
    const body = toCreateBody(
      draft({
        registrationYear: 'soon',
        identity: { ...draft().identity, phone: '0812' },
        events: [{ ...emptyEvent(), year: '1800' }],
        perpetrators: [{ ...emptyPerpetrator(), ageYears: 'old' }],
      }),
      asIs,
    );
    const error = validateCaseBody(body, 'create');
    const paths = error?.details.map((problem) => problem.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.registrationYear',
        'body.victim.identity.phone',
        'body.events.0.type',
        'body.events.0.year',
        'body.perpetrators.0.ageYears',
      ]),
    );
    expect(onlyStep(error, 'person')?.details.map((p) => p.path.join('.'))).toEqual([
      'body.registrationYear',
      'body.victim.identity.phone',
    ]);
    expect(onlyStep(error, 'conflict')).toBeNull();
  });

  it('says "required" for an empty year or organisation, not "wrong format"', () => {
    const error = validateCaseBody(
      toCreateBody(draft({ organisationId: '', registrationYear: '' }), asIs),
      'create',
    );
    expect(error?.details).toEqual([
      { path: ['body', 'organisationId'], issue: 'required' },
      { path: ['body', 'registrationYear'], issue: 'required' },
    ]);
  });

  it.each([
    [['body', 'caseNumber'], 'person'],
    [['body', 'victim', 'identity', 'phone'], 'person'],
    [['body', 'victim', 'citizenship', 0], 'person'],
    [['body', 'victim', 'controlMethods'], 'exploitation'],
    [['body', 'victim', 'conflict', 'crisisId'], 'conflict'],
    [['body', 'victim', 'displacementStatus'], 'conflict'],
    [['body', 'perpetrators', 1, 'roles'], 'perpetrators'],
    [['body', 'events', 0, 'year'], 'events'],
  ] as const)('sends %j to the %s step', (path, step) => {
    expect(stepOfPath(path)).toBe(step);
  });
});

describe('stored case → draft → update', () => {
  const stored = {
    id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    organisationId,
    caseNumber: '2024-ABCDEF',
    status: 'FollowUp',
    registrationYear: 2024,
    registeredOn: '2024-03-01',
    dataSource: 'Hotline',
    synthetic: false,
    version: 4,
    createdAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-02T10:00:00.000Z',
    forgotten: false,
    view: 'full',
    breakGlass: false,
    victim: {
      ...recordOfBody(toCreateBody(draft(), asIs))!.victim,
      identity: {
        ...recordOfBody(toCreateBody(draft(), asIs))!.victim.identity,
        firstName: 'Amal',
        phone: '+243812345678',
      },
      gender: 'Feminine',
      citizenship: ['COD'],
      ageAtIdentification: 16,
      labourSectors: ['vigil:Begging'],
      conflict: { related: 'Yes', bases: ['DisplacementSetting'], crisisId: null },
    },
    perpetrators: [
      {
        roles: ['Exploiter'],
        affiliation: 'NonStateArmedGroup',
        gender: 'Masculine',
        citizenship: [],
        ageYears: 40,
        name: 'K.',
        details: null,
      },
    ],
    events: [
      {
        type: 'Exploitation',
        country: 'COD',
        year: 2023,
        date: null,
        place: 'Mine',
        description: null,
      },
    ],
    supportPlans: [],
  } satisfies CaseDetail;

  it('edits without losing or reshaping anything', () => {
    const body = toUpdateBody(draftOfCase(stored), stored.version, asIs);
    expect(validateCaseBody(body, 'update')).toBeNull();
    expect(body).toMatchObject({
      version: 4,
      status: 'FollowUp',
      registeredOn: '2024-03-01',
      victim: {
        identity: { firstName: 'Amal', phone: '+243812345678', city: null },
        gender: 'Feminine',
        citizenship: ['COD'],
        ageAtIdentification: 16,
        labourSectors: ['vigil:Begging'],
        conflict: { related: 'Yes', bases: ['DisplacementSetting'], crisisId: null },
      },
      perpetrators: [{ roles: ['Exploiter'], ageYears: 40, name: 'K.', details: null }],
      events: [{ type: 'Exploitation', country: 'COD', year: 2023, place: 'Mine' }],
    });
    // Support plans are not edited by the form, so the update leaves them as they are.
    expect(body).not.toHaveProperty('supportPlans');
  });
});
