import type {
  CaseRecord,
  Perpetrator,
  SupportPlan,
  TipEvent,
  Victim,
  VictimIdentity,
} from '../../../shared/case-schemas.js';

/** The victim's analytic facts: everything but the sealed identity. */
export type VictimFacts = Omit<Victim, 'identity'>;

/** A stored case as services see it, identity still sealed. */
export interface StoredCase {
  id: string;
  organisationId: string;
  caseNumber: string;
  status: CaseRecord['status'];
  registrationYear: number;
  registeredOn: string | null;
  dataSource: CaseRecord['dataSource'];
  synthetic: boolean;
  importJobId: string | null;
  dataKeyId: string;
  identitySealed: string | null;
  victim: VictimFacts;
  forgottenAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A child record (perpetrator, event, support plan): facts plus sealed text. */
export interface StoredChild {
  id: string;
  caseId: string;
  position: number;
  facts: Record<string, unknown>;
  sealed: string | null;
}

/** The three child kinds and their tables. */
export const childKinds = {
  perpetrators: 'case_perpetrators',
  events: 'case_events',
  supportPlans: 'case_support_plans',
} as const;
export type ChildKind = keyof typeof childKinds;

// Which fields of each child kind are identifying (sealed); the rest are analytic facts.
export const sealedChildFields = {
  perpetrators: ['name', 'details'],
  events: ['place', 'description'],
  supportPlans: ['objectives', 'actionPlan'],
} as const satisfies Record<ChildKind, readonly string[]>;

/**
 * The case number a forgotten case takes: its own id, marked. The number the organisation gave
 * is often written on paper files and in other systems that hold the name, so it would link the
 * anonymous facts back to the person. It starts with `#`, which no number a client sends may
 * (caseNumberSchema), so no case can hold it first and make the forget fail on uniqueness.
 */
export function forgottenCaseNumber(caseId: string): string {
  return `#F-${caseId}`;
}

/**
 * A child's facts once the person is forgotten: days of their life (when an event happened, when
 * support ended) are cut to the year, which is all statistics count; the rest stays.
 */
export function forgottenChildFacts(
  kind: ChildKind,
  facts: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  switch (kind) {
    case 'events': {
      // The date's year where there is a date, as statistics read it (an event's date wins
      // over its year when the two disagree), so forgetting moves no count.
      const date = typeof facts.date === 'string' ? facts.date : null;
      const year = date === null ? (facts.year ?? null) : Number.parseInt(date.slice(0, 4), 10);
      return { ...facts, year, date: null };
    }
    case 'supportPlans':
      return { ...facts, plannedEndDate: null, actualEndDate: null };
    case 'perpetrators':
      return { ...facts };
  }
}

/** What a reader may see of a case. */
export type CaseView = 'full' | 'analytic';

/** A case opened for a reader: identity and sealed child fields only in the full view. */
export interface OpenedCase {
  stored: StoredCase;
  organisationPath: readonly string[];
  view: CaseView;
  /** Null in the analytic view and after the person was forgotten. */
  identity: VictimIdentity | null;
  perpetrators: Perpetrator[];
  events: TipEvent[];
  supportPlans: SupportPlan[];
  breakGlass: boolean;
}

/** A case loaded for an action, already authorized. */
export interface LoadedCase {
  stored: StoredCase;
  organisationPath: readonly string[];
  view: 'full' | 'analytic';
  breakGlass: boolean;
}
