import { describe, expect, it } from 'vitest';
import { countingPolicyIds } from '../../../shared/counting-policy-ids.js';
import { countingPolicies, countingPolicyById } from './counting-policy.js';

describe('built-in counting policies', () => {
  it('are exactly the ids the web app words in six languages, in the same order', () => {
    expect(countingPolicies.map((policy) => policy.id)).toEqual([...countingPolicyIds]);
  });

  it('are found by id, and an unknown id finds none', () => {
    for (const id of countingPolicyIds) expect(countingPolicyById(id)?.id).toBe(id);
    expect(countingPolicyById('no_such_policy')).toBeUndefined();
  });
});
