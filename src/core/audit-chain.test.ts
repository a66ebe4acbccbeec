import { describe, expect, it } from 'vitest';
import {
  createChainVerifier,
  genesisHash,
  hashEntry,
  type ChainedEntry,
  type ChainedFields,
} from './audit-chain.js';
import {
  allFields,
  altered,
  at,
  content,
  sample,
  sha256,
  verify,
} from '../test-support/audit-chain-kit.js';

describe('audit hash chain', () => {
  it('verifies an empty log against the genesis head', () => {
    expect(verify([], { seq: 0, hash: genesisHash })).toEqual({
      intact: true,
      entries: 0,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('verifies a genuine chain', () => {
    expect(verify(sample.entries, sample.head)).toEqual({
      intact: true,
      entries: 6,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('starts from the all-zero genesis hash', () => {
    expect(at(sample.entries, 0).prevHash).toBe('0'.repeat(64));
    expect(at(sample.entries, 1).prevHash).toBe(at(sample.entries, 0).hash);
  });

  it('encodes fields unambiguously (no bleeding between neighbours, null is not "null")', () => {
    const base: ChainedFields = { ...content(1), seq: 1 };
    const variants: ChainedFields[] = [
      base,
      { ...base, actorId: 'ab', action: 'c.d' },
      { ...base, actorId: 'abc', action: '.d' },
      { ...base, targetId: null },
      { ...base, targetId: 'null' },
      { ...base, targetId: '' },
      { ...base, organisationId: null, requestId: 'x' },
      { ...base, organisationId: 'x', requestId: null },
    ];
    const hashes = new Set(variants.map((fields) => hashEntry(sha256, genesisHash, fields)));
    expect(hashes.size).toBe(variants.length);
  });

  it('binds each hash to the previous one', () => {
    const fields: ChainedFields = { ...content(1), seq: 1 };
    expect(hashEntry(sha256, genesisHash, fields)).not.toBe(
      hashEntry(sha256, 'f'.repeat(64), fields),
    );
  });

  describe.each(allFields)('altering %s', (field) => {
    it.each([0, 2, 5])('of entry at index %i is caught at that entry', (index) => {
      const entries = sample.entries.map((entry, i) =>
        i === index ? altered(entry, field) : entry,
      );
      const report = verify(entries, sample.head);
      expect(report.intact).toBe(false);
      expect(report.firstBadSeq).toBe(index + 1);
      expect(report.problem).toEqual(expect.any(String));
    });
  });

  it.each([
    ['the first entry', 0, 1],
    ['a middle entry', 3, 4],
    ['the last entry (head left as it was)', 5, 6],
  ])('deleting %s is caught at its seq', (_label, index, expected) => {
    const entries = sample.entries.filter((_, i) => i !== index);
    const report = verify(entries, sample.head);
    expect(report).toMatchObject({ intact: false, firstBadSeq: expected });
  });

  it('deleting every entry while the head stays is caught at entry 1', () => {
    expect(verify([], sample.head)).toMatchObject({ intact: false, firstBadSeq: 1 });
  });

  it('deleting the last entry and moving the head back to it is caught at the head', () => {
    const entries = sample.entries.slice(0, 5);
    const report = verify(entries, { seq: 5, hash: sample.head.hash });
    expect(report).toMatchObject({ intact: false, firstBadSeq: 6 });
  });

  it.each([
    [0, 1],
    [1, 4],
    [2, 5],
  ])('swapping whole entries at %i and %i is caught at the earlier one', (i, j) => {
    const entries = [...sample.entries];
    const [a, b] = [at(entries, i), at(entries, j)];
    entries[i] = b;
    entries[j] = a;
    expect(verify(entries, sample.head)).toMatchObject({ intact: false, firstBadSeq: i + 1 });
  });

  it.each([
    [0, 1],
    [1, 4],
    [4, 5],
  ])(
    'swapping the contents of %i and %i while the seq numbers stay is caught at the earlier',
    (i, j) => {
      const entries = [...sample.entries];
      const [a, b] = [at(entries, i), at(entries, j)];
      entries[i] = { ...b, seq: a.seq };
      entries[j] = { ...a, seq: b.seq };
      expect(verify(entries, sample.head)).toMatchObject({ intact: false, firstBadSeq: i + 1 });
    },
  );

  it('a forged entry appended after the head is caught at its seq', () => {
    const last = at(sample.entries, 5);
    const fields: ChainedFields = { ...content(99, { action: 'case.delete' }), seq: 7 };
    const forged = { ...fields, prevHash: last.hash, hash: hashEntry(sha256, last.hash, fields) };
    const report = verify([...sample.entries, forged], sample.head);
    expect(report).toMatchObject({ intact: false, firstBadSeq: 7, entries: 7 });
  });

  it('a correctly linked forgery slipped into the middle is caught at its seq', () => {
    const previous = at(sample.entries, 2);
    const fields: ChainedFields = { ...content(99), seq: 4 };
    const forged = {
      ...fields,
      prevHash: previous.hash,
      hash: hashEntry(sha256, previous.hash, fields),
    };
    const entries = [...sample.entries.slice(0, 3), forged, ...sample.entries.slice(3)];
    expect(verify(entries, sample.head)).toMatchObject({ intact: false, firstBadSeq: 4 });
  });

  it('a forgery with a made-up hash is caught at its seq', () => {
    const previous = at(sample.entries, 2);
    const forged: ChainedEntry = {
      ...content(99),
      seq: 4,
      prevHash: previous.hash,
      hash: 'a'.repeat(64),
    };
    const entries = [...sample.entries.slice(0, 3), forged, ...sample.entries.slice(3)];
    expect(verify(entries, sample.head)).toMatchObject({ intact: false, firstBadSeq: 4 });
  });

  it('a forgery with later entries renumbered is caught at the first entry it cannot link to', () => {
    // The forgery itself chains to entry 3; the genuine entry after it (now numbered 5) still
    // names entry 3's hash as its predecessor, and that is where the chain stops verifying.
    const previous = at(sample.entries, 2);
    const fields: ChainedFields = { ...content(99), seq: 4 };
    const forged = {
      ...fields,
      prevHash: previous.hash,
      hash: hashEntry(sha256, previous.hash, fields),
    };
    const shifted = sample.entries.slice(3).map((entry) => ({ ...entry, seq: entry.seq + 1 }));
    const entries = [...sample.entries.slice(0, 3), forged, ...shifted];
    expect(verify(entries, { seq: 7, hash: sample.head.hash })).toMatchObject({
      intact: false,
      firstBadSeq: 5,
    });
  });

  it('a head that does not match the last hash is caught after the last entry', () => {
    const report = verify(sample.entries, { seq: 6, hash: 'b'.repeat(64) });
    expect(report).toMatchObject({ intact: false, firstBadSeq: 7 });
  });

  it('stops at the first failure and keeps reporting it', () => {
    const verifier = createChainVerifier(sha256);
    const entries = sample.entries.map((entry, i) => (i === 1 ? altered(entry, 'action') : entry));
    expect(verifier.push(at(entries, 0))).toBe(true);
    expect(verifier.push(at(entries, 1))).toBe(false);
    expect(verifier.push(at(entries, 2))).toBe(false);
    expect(verifier.finish(sample.head)).toMatchObject({
      intact: false,
      firstBadSeq: 2,
      entries: 2,
    });
  });
});

// Property tests: arbitrary entry contents, including empty strings, unicode and nulls.
