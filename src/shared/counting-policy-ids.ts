/**
 * The built-in counting policies' ids (src/core/glotip/derivation/counting-policy.ts defines the
 * policies; a test there keeps the two lists equal). The web app words each policy by its id in
 * the reader's language; the server's English name and description are the fallback.
 */
export const countingPolicyIds = [
  'unodc_identified',
  'formal_only',
  'presumed_and_identified',
] as const;
export type CountingPolicyId = (typeof countingPolicyIds)[number];
