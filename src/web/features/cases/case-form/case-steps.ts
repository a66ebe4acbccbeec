// The case form's steps, and which step shows the field an error names.

/** The steps of the case form, in order. */
export const caseSteps = [
  'person',
  'exploitation',
  'conflict',
  'perpetrators',
  'events',
  'review',
] as const;

export type CaseStep = (typeof caseSteps)[number];

const personFacts: ReadonlySet<string> = new Set([
  'identity',
  'gender',
  'citizenship',
  'ageAtIdentification',
  'ageWhenTrafficked',
  'ageBand',
  'majorityStatus',
  'primaryLanguage',
]);
const conflictFacts: ReadonlySet<string> = new Set(['conflict', 'displacementStatus']);

/**
 * The step that shows the field a problem names (`['body', 'victim', 'identity', 'phone']` →
 * person), so that an error sends the person to the right page of the form.
 */
export function stepOfPath(path: readonly (string | number)[]): CaseStep {
  const [, section, field] = path;
  if (section === 'victim') {
    if (typeof field === 'string' && personFacts.has(field)) return 'person';
    if (typeof field === 'string' && conflictFacts.has(field)) return 'conflict';
    return 'exploitation';
  }
  if (section === 'perpetrators') return 'perpetrators';
  if (section === 'events' || section === 'supportPlans') return 'events';
  return 'person';
}
