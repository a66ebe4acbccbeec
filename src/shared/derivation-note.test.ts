import { describe, expect, it } from 'vitest';
import { derivationSourceNote, policyIdOfSourceNote } from './derivation-note.js';

describe('the source note of a derived return', () => {
  const ids = ['unodc_identified', 'formal_only', 'presumed_and_identified'];

  it.each(ids)('names the policy %s, and is read back as it', (id) => {
    const note = derivationSourceNote({ id, name: `The (${id}) policy` });
    expect(policyIdOfSourceNote(note, ids)).toBe(id);
  });

  it('names no policy for a return entered, imported, or under a policy since removed', () => {
    expect(policyIdOfSourceNote(null, ids)).toBeNull();
    expect(policyIdOfSourceNote('data_glotip.xlsx, 14/04/2025', ids)).toBeNull();
    const gone = derivationSourceNote({ id: 'retired', name: 'Retired' });
    expect(policyIdOfSourceNote(gone, ids)).toBeNull();
  });
});
