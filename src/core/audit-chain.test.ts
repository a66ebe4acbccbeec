import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createChainVerifier,
  genesisHash,
  hashEntry,
  type ChainHead,
  type ChainReport,
  type ChainedEntry,
  type ChainedFields,
} from './audit-chain.js';

const sha256 = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

type Fields = Omit<ChainedFields, 'seq'>;

/** Builds a genuine chain from entry contents, numbering from 1 as the audit service does. */
function buildChain(contents: readonly Fields[]): { entries: ChainedEntry[]; head: ChainHead } {
  const entries: ChainedEntry[] = [];
  let prevHash = genesisHash;
  contents.forEach((content, index) => {
    const fields: ChainedFields = { ...content, seq: index + 1 };
    const hash = hashEntry(sha256, prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  });
  return { entries, head: { seq: entries.length, hash: prevHash } };
}

function verify(entries: readonly ChainedEntry[], head: ChainHead): ChainReport {
  const verifier = createChainVerifier(sha256);
  for (const entry of entries) {
    if (!verifier.push(entry)) break;
  }
  return verifier.finish(head);
}

function content(index: number, overrides: Partial<Fields> = {}): Fields {
  return {
    at: new Date(Date.UTC(2026, 5, 1, 9, 0, index)).toISOString(),
    actorType: 'user',
    actorId: `user-${String(index % 3)}`,
    action: index % 2 === 0 ? 'org.create' : 'user.update',
    targetType: 'organisation',
    targetId: `target-${String(index)}`,
    organisationId: index % 4 === 0 ? null : 'org-1',
    requestId: `req-${String(index)}`,
    outcome: 'success',
    ...overrides,
  };
}

const sample = buildChain(Array.from({ length: 6 }, (_, i) => content(i)));

function at(entries: readonly ChainedEntry[], index: number): ChainedEntry {
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no entry at ${String(index)}`);
  return entry;
}

/** A new value for one field of an entry, always different from the current one. */
function altered(entry: ChainedEntry, field: keyof ChainedEntry): ChainedEntry {
  const current = entry[field];
  if (field === 'seq') return { ...entry, seq: entry.seq + 100 };
  if (typeof current === 'string') return { ...entry, [field]: `${current}x` };
  return { ...entry, [field]: 'was-null' };
}

const allFields: (keyof ChainedEntry)[] = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'organisationId',
  'requestId',
  'outcome',
  'prevHash',
  'hash',
];

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
const nullableText = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const fieldsArb: fc.Arbitrary<Fields> = fc.record({
  at: fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2040-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  actorType: fc.constantFrom('user', 'token', 'system', 'anonymous'),
  actorId: nullableText,
  action: fc.string({ minLength: 1, maxLength: 16 }),
  targetType: nullableText,
  targetId: nullableText,
  organisationId: nullableText,
  requestId: nullableText,
  outcome: fc.constantFrom('success', 'failure', 'denied'),
});
const chainArb = fc.array(fieldsArb, { minLength: 1, maxLength: 25 }).map(buildChain);

/** A chain with a chosen entry index. */
const chainWithIndex = chainArb.chain((chain) =>
  fc.record({
    chain: fc.constant(chain),
    index: fc.nat({ max: chain.entries.length - 1 }),
  }),
);

describe('audit hash chain properties', () => {
  it('every genuine chain verifies', () => {
    fc.assert(
      fc.property(chainArb, ({ entries, head }) => {
        expect(verify(entries, head)).toEqual({
          intact: true,
          entries: entries.length,
          firstBadSeq: null,
          problem: null,
        });
      }),
    );
  });

  it('changing any field of any entry is caught at that entry', () => {
    const contentFields = allFields.filter((field) => field !== 'seq');
    fc.assert(
      fc.property(
        chainWithIndex,
        fc.constantFrom(...contentFields),
        fc.option(fc.string({ maxLength: 12 }), { nil: null }),
        ({ chain, index }, field, value) => {
          const original = at(chain.entries, index);
          fc.pre(original[field] !== value);
          // prevHash and hash are NOT NULL columns; a null there is not a representable tamper.
          fc.pre(value !== null || (field !== 'prevHash' && field !== 'hash'));
          const entries = chain.entries.map((entry, i) =>
            i === index ? { ...entry, [field]: value } : entry,
          );
          expect(verify(entries, chain.head)).toMatchObject({
            intact: false,
            firstBadSeq: index + 1,
          });
        },
      ),
    );
  });

  it('renumbering an entry is caught at the gap or at the out-of-place entry', () => {
    fc.assert(
      fc.property(chainWithIndex, fc.integer({ min: -5, max: 60 }), ({ chain, index }, seq) => {
        const original = at(chain.entries, index);
        fc.pre(seq !== original.seq);
        const entries = chain.entries.map((entry, i) => (i === index ? { ...entry, seq } : entry));
        // A higher number leaves a gap where the entry was; a lower one is reported as stored,
        // so the operator can find the row that is out of place.
        expect(verify(entries, chain.head)).toMatchObject({
          intact: false,
          firstBadSeq: Math.min(seq, original.seq),
        });
      }),
    );
  });

  it('deleting any entry (the head left as it was) is caught at its seq', () => {
    fc.assert(
      fc.property(chainWithIndex, ({ chain, index }) => {
        const entries = chain.entries.filter((_, i) => i !== index);
        expect(verify(entries, chain.head)).toMatchObject({
          intact: false,
          firstBadSeq: index + 1,
        });
      }),
    );
  });

  it('deleting any run of newest entries (the head left as it was) is caught after the kept ones', () => {
    fc.assert(
      fc.property(chainWithIndex, ({ chain, index }) => {
        const entries = chain.entries.slice(0, index);
        expect(verify(entries, chain.head)).toMatchObject({
          intact: false,
          firstBadSeq: index + 1,
        });
      }),
    );
  });

  it('swapping any two entries is caught at the earlier position', () => {
    fc.assert(
      fc.property(
        chainArb.filter((chain) => chain.entries.length >= 2),
        fc.nat(),
        fc.nat(),
        (chain, x, y) => {
          const n = chain.entries.length;
          const i = x % n;
          const j = y % n;
          fc.pre(i !== j);
          const [lo, hi] = i < j ? [i, j] : [j, i];
          const entries = [...chain.entries];
          entries[lo] = at(chain.entries, hi);
          entries[hi] = at(chain.entries, lo);
          expect(verify(entries, chain.head)).toMatchObject({
            intact: false,
            firstBadSeq: lo + 1,
          });
        },
      ),
    );
  });

  it('inserting a forged entry anywhere is caught at its seq', () => {
    fc.assert(
      fc.property(
        chainArb,
        fieldsArb,
        fc.nat(),
        fc.boolean(),
        (chain, forgedContent, x, linked) => {
          const n = chain.entries.length;
          const position = x % (n + 1); // 0..n: before entry position+1, or appended
          const previousHash = position === 0 ? genesisHash : at(chain.entries, position - 1).hash;
          const fields: ChainedFields = { ...forgedContent, seq: position + 1 };
          const forged: ChainedEntry = {
            ...fields,
            prevHash: previousHash,
            // A forger either links the entry properly (the hash is public) or makes one up.
            hash: linked ? hashEntry(sha256, previousHash, fields) : 'c'.repeat(64),
          };
          const entries = [
            ...chain.entries.slice(0, position),
            forged,
            ...chain.entries.slice(position),
          ];
          expect(verify(entries, chain.head)).toMatchObject({
            intact: false,
            firstBadSeq: position + 1,
          });
        },
      ),
    );
  });

  it('the hash changes when any hashed field changes', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, fc.nat({ max: 1000 }), (a, b, seq) => {
        const differs = (Object.keys(a) as (keyof Fields)[]).some((key) => a[key] !== b[key]);
        fc.pre(differs);
        expect(hashEntry(sha256, genesisHash, { ...a, seq })).not.toBe(
          hashEntry(sha256, genesisHash, { ...b, seq }),
        );
      }),
    );
  });
});
