import { describe, expect, it } from 'vitest';
import { nextSubmission } from './submission-keys.js';

describe('submission keys of a form', () => {
  it('sends the same answers again under the same key, and any change under a new one', () => {
    const granted = { purpose: 'referral', granted: true };
    const first = nextSubmission(null, granted);
    expect(first.key).toMatch(/^[0-9a-f]{32}$/);
    expect(nextSubmission(first, { ...granted }).key).toBe(first.key);
    const refused = nextSubmission(first, { purpose: 'referral', granted: false });
    expect(refused.key).not.toBe(first.key);
    // Back to the first answers after the refusal: a new decision, not a replay of the first.
    const again = nextSubmission(refused, granted);
    expect(again.key).not.toBe(first.key);
    expect(again.key).not.toBe(refused.key);
  });
});
