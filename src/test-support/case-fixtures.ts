/** A case with identifying fields in every place they can be. */
export function buildCase(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    registrationYear: 2025,
    registeredOn: '2025-03-14',
    victim: {
      identity: {
        firstName: 'Amina',
        secondName: 'Diallo',
        birthDate: '2001-04-02',
        phone: '+243812345678',
        notes: 'Met at the transit centre',
      },
      gender: 'Feminine',
      citizenship: ['COD'],
      traffickingStatus: 'PossibleVictimOfTrafficking',
      exploitationTypes: ['SexualExploitation', 'vigil:SexualSlavery'],
      displacementStatus: 'InternallyDisplaced',
      conflict: { related: 'Yes', bases: ['TraffickedByArmedGroup'] },
    },
    perpetrators: [
      { roles: ['Exploiter'], affiliation: 'NonStateArmedGroup', name: 'Commander X' },
    ],
    events: [{ type: 'Exploitation', country: 'COD', year: 2024, place: 'Camp near Rutshuru' }],
    ...overrides,
  };
}
