import { createHash } from 'node:crypto';
import {
  createChainVerifier,
  genesisHash,
  hashEntry,
  type ChainHead,
  type ChainReport,
  type ChainedEntry,
  type ChainedFields,
} from '../core/audit-chain.js';

// What the audit chain tests share: genuine chains built as the audit service builds them, a
// verifier run over a list, and ways to alter an entry.

export const sha256 = (input: string): string =>
  createHash('sha256').update(input, 'utf8').digest('hex');

export type Fields = Omit<ChainedFields, 'seq'>;

/** Builds a genuine chain from entry contents, numbering from 1 as the audit service does. */
export function buildChain(contents: readonly Fields[]): {
  entries: ChainedEntry[];
  head: ChainHead;
} {
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

export function verify(entries: readonly ChainedEntry[], head: ChainHead): ChainReport {
  const verifier = createChainVerifier(sha256);
  for (const entry of entries) {
    if (!verifier.push(entry)) break;
  }
  return verifier.finish(head);
}

export function content(index: number, overrides: Partial<Fields> = {}): Fields {
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

export const sample = buildChain(Array.from({ length: 6 }, (_, i) => content(i)));

export function at(entries: readonly ChainedEntry[], index: number): ChainedEntry {
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no entry at ${String(index)}`);
  return entry;
}

/** A new value for one field of an entry, always different from the current one. */
export function altered(entry: ChainedEntry, field: keyof ChainedEntry): ChainedEntry {
  const current = entry[field];
  if (field === 'seq') return { ...entry, seq: entry.seq + 100 };
  if (typeof current === 'string') return { ...entry, [field]: `${current}x` };
  return { ...entry, [field]: 'was-null' };
}

export const allFields: (keyof ChainedEntry)[] = [
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
