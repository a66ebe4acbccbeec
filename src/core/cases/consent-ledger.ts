import type { ConsentPrompt, ConsentPurpose } from '../../shared/case-vocabulary.js';

/** One entry of a case's consent ledger, as the rules need it. */
export interface ConsentEntry {
  id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  prompts: Record<ConsentPrompt, boolean>;
  recordedAt: string;
  revokedAt: string | null;
}

/**
 * The prompts a person must have answered "yes" to before consent for a purpose counts as
 * informed. Every purpose needs the interview consent and the explanations of purpose, use and
 * withdrawal; research also needs its own explanation (HTCDS consent guidance, prompts 1–7).
 */
export const requiredPrompts: Record<ConsentPurpose, readonly ConsentPrompt[]> = {
  case_management: ['interview', 'purposeExplained', 'dataUseExplained', 'withdrawalExplained'],
  referral: ['interview', 'purposeExplained', 'dataUseExplained', 'withdrawalExplained'],
  sharing: [
    'interview',
    'purposeExplained',
    'dataUseExplained',
    'retentionExplained',
    'withdrawalExplained',
  ],
  research: [
    'interview',
    'purposeExplained',
    'dataUseExplained',
    'researchUseExplained',
    'withdrawalExplained',
  ],
};

/** Prompts still missing before a grant of consent for `purpose` is informed. */
export function missingPrompts(
  purpose: ConsentPurpose,
  prompts: Record<ConsentPrompt, boolean>,
): ConsentPrompt[] {
  return requiredPrompts[purpose].filter((prompt) => !prompts[prompt]);
}

/**
 * The consent in force for a purpose: the latest entry for it decides, and a revoked or
 * refused entry means no consent. Entries need not be sorted.
 */
export function consentInForce(
  entries: readonly ConsentEntry[],
  purpose: ConsentPurpose,
): ConsentEntry | null {
  let latest: ConsentEntry | null = null;
  for (const entry of entries) {
    if (entry.purpose !== purpose) continue;
    if (latest === null || entry.recordedAt > latest.recordedAt) latest = entry;
    else if (entry.recordedAt === latest.recordedAt && entry.id > latest.id) latest = entry;
  }
  if (latest === null || !latest.granted || latest.revokedAt !== null) return null;
  return latest;
}
