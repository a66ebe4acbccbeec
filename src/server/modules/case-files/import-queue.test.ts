import { describe, expect, it } from 'vitest';
import { gate } from '../../../test-support/gate.js';
import { createImportQueue } from './import-queue.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('import queue', () => {
  it('runs one import at a time, the others in the order they came', async () => {
    const queue = createImportQueue({ running: 1, waiting: 3 });
    const started: string[] = [];
    const gates = new Map(['a', 'b', 'c'].map((name) => [name, gate()]));
    const runs = ['a', 'b', 'c'].map((name) =>
      queue.reserve().run(async () => {
        started.push(name);
        await gates.get(name)?.opened;
        return name;
      }),
    );
    await settle();
    expect(started).toEqual(['a']);
    gates.get('b')?.open();
    await settle();
    // b may end when it runs, but it does not start before a ends.
    expect(started).toEqual(['a']);
    gates.get('a')?.open();
    gates.get('c')?.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(queue.taken()).toBe(0);
  });

  it('runs up to `running` imports side by side', async () => {
    const queue = createImportQueue({ running: 2, waiting: 1 });
    let atOnce = 0;
    let most = 0;
    const held = gate();
    const runs = [1, 2, 3].map(() =>
      queue.reserve().run(async () => {
        atOnce += 1;
        most = Math.max(most, atOnce);
        await held.opened;
        atOnce -= 1;
      }),
    );
    await settle();
    expect(atOnce).toBe(2);
    held.open();
    await Promise.all(runs);
    expect(most).toBe(2);
  });

  it('refuses an import past the running and waiting places, and takes one again once freed', async () => {
    const queue = createImportQueue({ running: 1, waiting: 1 });
    const held = gate();
    const first = queue.reserve();
    const second = queue.reserve();
    expect(() => queue.reserve()).toThrow(expect.objectContaining({ code: 'import.busy' }));
    // A slot given back unused (a refused or already imported file) frees its place.
    second.release();
    const third = queue.reserve();
    const running = first.run(() => held.opened);
    expect(() => queue.reserve()).toThrow(expect.objectContaining({ code: 'import.busy' }));
    held.open();
    await running;
    // An import that ended frees its place too, and the next in line runs.
    expect(queue.taken()).toBe(1);
    await expect(third.run(() => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(queue.taken()).toBe(0);
  });

  it('frees the place of an import that failed, and lets the next one run', async () => {
    const queue = createImportQueue({ running: 1, waiting: 1 });
    const failing = queue.reserve().run(() => Promise.reject(new Error('disk full')));
    const next = queue.reserve().run(() => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('next');
    expect(queue.taken()).toBe(0);
  });

  it('a slot runs one import; releasing a used slot changes nothing', async () => {
    const queue = createImportQueue({ running: 1, waiting: 0 });
    const slot = queue.reserve();
    await slot.run(() => Promise.resolve());
    await expect(slot.run(() => Promise.resolve())).rejects.toThrow('one import');
    slot.release();
    expect(queue.taken()).toBe(0);
    expect(() => createImportQueue({ running: 0, waiting: 1 })).toThrow('out of range');
  });
});
