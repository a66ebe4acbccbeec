import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genesisHash, hashEntry, type ChainedEntry, type ChainedFields } from './audit-chain.js';
import {
  allFields,
  at,
  buildChain,
  sha256,
  verify,
  type Fields,
} from '../test-support/audit-chain-kit.js';

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
