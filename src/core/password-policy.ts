import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

/** Why a password was refused; each is an error code in the catalog. */
export type PasswordProblem =
  'password.too_short' | 'password.too_long' | 'password.too_common' | 'password.contains_email';

export const minimumPasswordLength = 12;
export const maximumPasswordLength = 256;

// zxcvbn's score 3 means roughly 10^8 guesses or more: the estimator knows the common-password
// lists (over 40,000 entries), keyboard walks, repeats, sequences, dates and l33t speak, so a
// long but predictable password such as "password1234" is refused.
const minimumScore = 3;

let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return estimator;
}

/**
 * Checks a new password against the policy (NIST SP 800-63B style: length and a blocklist of
 * common and predictable passwords, no composition rules). Returns the first problem, or null.
 */
export function checkPassword(password: string, email: string): PasswordProblem | null {
  // NIST SP 800-63B counts Unicode code points, which is what spreading a string yields.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points intended
  const length = [...password].length;
  if (length < minimumPasswordLength) return 'password.too_short';
  if (length > maximumPasswordLength) return 'password.too_long';
  const lowered = password.toLowerCase();
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) return 'password.contains_email';
  const result = getEstimator().check(password, [email, localPart]);
  return result.score < minimumScore ? 'password.too_common' : null;
}
