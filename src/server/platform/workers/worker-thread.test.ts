import { describe, expect, it } from 'vitest';
import { createKeyring, keyringForWorker, keyringFromWorkerData } from '../crypto/index.js';
import { startWorker, workerEntry } from './worker-thread.js';

const echo = workerEntry(
  new URL('../../../test-support/x.ts', import.meta.url).href,
  'echo-worker',
);

describe('worker threads', () => {
  it('finds a .ts entry beside a .ts caller and a .js entry beside a .js caller', () => {
    expect(workerEntry('file:///app/src/a/b.ts', 'w').href).toBe('file:///app/src/a/w.ts');
    expect(workerEntry('file:///app/dist/a/b.js', 'w').href).toBe('file:///app/dist/a/w.js');
  });

  it('answers each request with its own answer, with the data it was started with', async () => {
    const worker = startWorker<number, number>(echo, 1);
    try {
      const answers = await Promise.all([1, 2, 3, 50].map((n) => worker.request(n)));
      expect(answers).toEqual([3, 5, 7, 101]);
    } finally {
      await worker.close();
    }
  });

  it('passes on an error thrown by the handler, and goes on answering', async () => {
    const worker = startWorker<number, number>(echo, 0);
    try {
      await expect(worker.request(-4)).rejects.toThrow('worker: negative: -4');
      expect(await worker.request(4)).toBe(8);
    } finally {
      await worker.close();
    }
  });

  it('fails every waiting request when the worker dies, and every later one', async () => {
    const worker = startWorker<number, number>(echo, 0);
    const dying = worker.request(0);
    const waiting = worker.request(5);
    await expect(dying).rejects.toThrow(/exit code 3/);
    await expect(waiting).rejects.toThrow(/exit code 3/);
    await expect(worker.request(1)).rejects.toThrow(/exit code 3/);
    await worker.close();
  });

  it('hands a keyring over: what one side seals, the other opens', () => {
    const keyring = createKeyring(Buffer.alloc(32, 9).toString('base64'));
    const copy = keyringFromWorkerData(structuredClone(keyringForWorker(keyring)));
    expect(copy.keyId).toBe(keyring.keyId);
    const { wrapped, cipher } = copy.newDataKey();
    const sealed = cipher.seal('Amina', 'case/1/identity');
    expect(keyring.openDataKey(wrapped).open(sealed, 'case/1/identity')).toBe('Amina');
    expect(() => keyringFromWorkerData({ kind: 'other', masterKey: 'x' })).toThrow(/keyring/);
    expect(() => keyringFromWorkerData(null)).toThrow(/keyring/);
  });
});
