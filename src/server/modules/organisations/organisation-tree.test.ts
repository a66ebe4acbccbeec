import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestOrganisation, servicesWorld } from '../../../test-support/test-services.js';

// Changes to the organisation tree at the same time. PostgreSQL runs them side by side; each
// test holds the audit chain's head (which every write takes last) while they start, so both
// have read the tree before either commits: the moment where paths read earlier go stale.

const system = { actor: { kind: 'system' } as const, requestId: null };

describe.each(databaseKinds)('organisation tree on %s', (kind) => {
  const world = servicesWorld(kind);

  /** Runs `start` while another transaction holds the audit head, then lets it go. */
  const whileWritesWait = async <T>(
    start: () => Promise<T>[],
  ): Promise<PromiseSettledResult<T>[]> => {
    if (kind === 'sqlite') return Promise.allSettled(start());
    let started: Promise<T>[] = [];
    await world.database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
      started = start();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    return Promise.allSettled(started);
  };

  const pathOf = async (id: string) => (await world.services.organisations.get(system, id)).path;

  it('two moves that together would make a cycle: one is made, the other refused', async () => {
    const { services } = world;
    const a = await createTestOrganisation(services, 'tree-a');
    const b = await createTestOrganisation(services, 'tree-b');
    const outcomes = await whileWritesWait(() => [
      services.organisations.update(system, a, { parentId: b }),
      services.organisations.update(system, b, { parentId: a }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'org.parent_cycle' });
    for (const id of [a, b]) {
      const path = await pathOf(id);
      // No organisation above itself; each path ends with the organisation.
      expect(path.indexOf(id)).toBe(path.length - 1);
    }
    // The one made: a under b, or b under a.
    const made = [await pathOf(a), await pathOf(b)];
    expect([
      [[b, a], [b]],
      [[a], [a, b]],
    ]).toContainEqual(made);
  });

  it('a child created while its parent moves gets the parent’s new path', async () => {
    const { services } = world;
    const q = await createTestOrganisation(services, 'tree-q');
    const x = await createTestOrganisation(services, 'tree-x');
    const outcomes = await whileWritesWait(() => [
      services.organisations.update(system, x, { parentId: q }).then((org) => org.id),
      createTestOrganisation(services, 'tree-c', x),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    const child = outcomes[1]?.status === 'fulfilled' ? outcomes[1].value : '';
    expect(await pathOf(x)).toEqual([q, x]);
    expect(await pathOf(child)).toEqual([q, x, child]);
  });
});
