import {
  protectReturn,
  type EarlierPublication,
  type ProtectedReturn,
  type PublishableReturn,
} from '../../../core/publication/index.js';
import type { ReturnService } from '../returns/index.js';

/** Where published returns come from: the returns module's export reader. */
export type PublishedReader = Pick<ReturnService, 'listReturnsForExport' | 'earlierPublished'>;

/**
 * The protected form of every published return, cached. Protection is deterministic for a
 * given return version, so each version is protected once and kept; the list of published
 * returns itself is re-read after `ttlMs`, so a newly published return appears within it.
 * Only returns whose status is `published` and whose reporting entity has a country are read:
 * a draft, a submitted or an accepted return never reaches this cache.
 *
 * A return that disclosure control cannot protect (it throws on a table it cannot make safe)
 * is withheld, failing closed: it never reaches the public, and the other returns still do.
 * `withheld()` names such returns for the operators.
 */
export function createPublishedReturns(
  reader: PublishedReader,
  clock: () => Date,
  ttlMs = 15_000,
): {
  list: () => Promise<readonly ProtectedReturn[]>;
  withheld: () => readonly string[];
  forget: () => void;
} {
  const protectedByVersion = new Map<string, ProtectedReturn>();
  // Earlier published versions as they were protected (sealed, so never changing).
  const earlierByVersion = new Map<string, EarlierPublication | null>();

  /**
   * The publication of the version before `version`, protected as it was (with its own earlier
   * one), so that the new version keeps hidden what it hid and has not changed.
   */
  async function earlierOf(
    input: Omit<PublishableReturn, 'cells' | 'version'>,
    version: number,
  ): Promise<EarlierPublication | undefined> {
    const id = `${input.returnId}@<${String(version)}`;
    const cached = earlierByVersion.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const found = await reader.earlierPublished(input.returnId, version);
    if (found === undefined) {
      earlierByVersion.set(id, null);
      return undefined;
    }
    const cells = found.cells.map((cell) => ({ key: cell.key, value: cell.value }));
    const before = await earlierOf(input, found.version);
    const published = protectReturn({ ...input, version: found.version, cells }, undefined, before);
    const earlier = { cells, published };
    earlierByVersion.set(id, earlier);
    return earlier;
  }

  const unprotectable = new Map<string, string>();
  let cached: { at: number; returns: readonly ProtectedReturn[] } | null = null;

  async function load(): Promise<readonly ProtectedReturn[]> {
    const rows = await reader.listReturnsForExport({ statuses: ['published'] });
    const seen = new Set<string>();
    const result: ProtectedReturn[] = [];
    for (const { ret, cells } of rows) {
      if (ret.status !== 'published' || ret.country === null) continue;
      const id = `${ret.id}@${ret.version}@${ret.updatedAt}`;
      seen.add(id);
      // The publisher, public once it publishes; a published return is locked, so its last
      // change is its publication. Named as it is now (the entity may have been renamed since
      // this version was protected).
      const reporter = {
        organisationName: ret.organisationName,
        organisationType: ret.organisationType,
        publishedAt: ret.updatedAt,
      };
      if (unprotectable.has(id)) continue;
      let protectedReturn = protectedByVersion.get(id);
      if (protectedReturn === undefined) {
        const input = {
          returnId: ret.id,
          version: ret.version,
          country: ret.country,
          year: ret.year,
          source: ret.source,
          synthetic: ret.synthetic || ret.source === 'synthetic',
          reporter,
          cells: cells.map((cell) => ({ key: cell.key, value: cell.value })),
        };
        try {
          protectedReturn = protectReturn(input, undefined, await earlierOf(input, ret.version));
        } catch {
          unprotectable.set(id, ret.id);
          continue;
        }
        protectedByVersion.set(id, protectedReturn);
      }
      result.push({ ...protectedReturn, reporter });
    }
    for (const id of protectedByVersion.keys()) if (!seen.has(id)) protectedByVersion.delete(id);
    for (const id of unprotectable.keys()) if (!seen.has(id)) unprotectable.delete(id);
    return result;
  }

  return {
    list: async () => {
      const now = clock().getTime();
      if (cached === null || now - cached.at >= ttlMs) {
        cached = { at: now, returns: await load() };
      }
      return cached.returns;
    },
    withheld: () => [...unprotectable.values()].sort(),
    forget: () => {
      cached = null;
    },
  };
}
