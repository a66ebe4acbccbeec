/**
 * The audit log's hash chain. Each entry's hash covers its own fields and the previous entry's
 * hash, so altering, deleting, reordering or inserting an entry breaks every later link.
 * Pure: the SHA-256 function is passed in, so this file has no I/O and no crypto import.
 */

/** The fields an audit entry's hash covers, in a fixed order. */
export interface ChainedFields {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  organisationId: string | null;
  requestId: string | null;
  outcome: string;
}

/** A stored entry: its fields plus the link to its predecessor and its own hash. */
export interface ChainedEntry extends ChainedFields {
  prevHash: string;
  hash: string;
}

/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256Hex = (input: string) => string;

/** The hash every chain starts from (there is no entry 0). */
export const genesisHash = '0'.repeat(64);

/**
 * Hashes an entry. The encoding is a JSON array in a fixed field order: unambiguous (no field
 * can bleed into the next) and independent of object key order.
 */
export function hashEntry(sha256: Sha256Hex, prevHash: string, fields: ChainedFields): string {
  const encoded = JSON.stringify([
    prevHash,
    fields.seq,
    fields.at,
    fields.actorType,
    fields.actorId,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.organisationId,
    fields.requestId,
    fields.outcome,
  ]);
  return sha256(encoded);
}

/** Outcome of a chain verification. */
export interface ChainReport {
  intact: boolean;
  entries: number;
  firstBadSeq: number | null;
  problem: string | null;
}

/** The chain's recorded end, kept in a separate row updated with every append. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Verifies a chain fed in order of `seq`, one entry at a time, so that a log of any length can
 * be streamed through it. Returns a verifier whose `finish` compares the last entry with the
 * recorded head, which catches deletion of the newest entries.
 */
export function createChainVerifier(sha256: Sha256Hex): {
  push: (entry: ChainedEntry) => boolean;
  finish: (head: ChainHead) => ChainReport;
} {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  let failure: { seq: number; problem: string } | null = null;

  const fail = (seq: number, problem: string): boolean => {
    failure = { seq, problem };
    return false;
  };

  return {
    push(entry) {
      if (failure) return false;
      count += 1;
      if (entry.seq !== expectedSeq) {
        return fail(
          Math.min(entry.seq, expectedSeq),
          `sequence gap: expected entry ${expectedSeq}, found ${entry.seq} (deleted or inserted)`,
        );
      }
      if (entry.prevHash !== prevHash) {
        return fail(entry.seq, 'link broken: previous-hash does not match the entry before');
      }
      if (hashEntry(sha256, prevHash, entry) !== entry.hash) {
        return fail(entry.seq, 'content altered: hash does not match the entry');
      }
      prevHash = entry.hash;
      expectedSeq += 1;
      return true;
    },
    finish(head) {
      if (!failure) {
        const lastSeq = expectedSeq - 1;
        if (head.seq !== lastSeq || head.hash !== prevHash) {
          failure = {
            seq: Math.min(head.seq, lastSeq) + 1,
            problem: `head mismatch: head records entry ${head.seq}, log ends at ${lastSeq}`,
          };
        }
      }
      const bad: { seq: number; problem: string } | null = failure;
      return {
        intact: bad === null,
        entries: count,
        firstBadSeq: bad?.seq ?? null,
        problem: bad?.problem ?? null,
      };
    },
  };
}
