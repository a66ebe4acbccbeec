import { AppError } from '../../../shared/app-error.js';

// Imports share the one database writer and, when large, hold their file in memory and a
// worker thread each: run side by side they only slow each other down while multiplying what
// the server holds. So a process runs a few imports at a time and lets a few more wait, in the
// order they came; past that an import is refused at once (import.busy) instead of being held.

/** A place in the queue, taken when an import is asked for. */
export interface ImportSlot {
  /** Runs `work` when this slot's turn comes; the slot is given back once `work` settles. */
  run: <T>(work: () => Promise<T>) => Promise<T>;
  /** Gives the slot back unused (the import was refused, or the file was imported before). */
  release: () => void;
}

export interface ImportQueue {
  /** Takes a slot now, or throws `import.busy` when every running and waiting place is taken. */
  reserve: () => ImportSlot;
  /** Slots taken: imports running and waiting. */
  taken: () => number;
}

export interface ImportQueueLimits {
  /** Imports run at once. */
  running: number;
  /** Imports waiting for their turn, at most. */
  waiting: number;
}

export function createImportQueue(limits: ImportQueueLimits): ImportQueue {
  if (limits.running < 1 || limits.waiting < 0) {
    throw new Error(`import queue limits out of range: ${JSON.stringify(limits)}`);
  }
  let taken = 0;
  let active = 0;
  const turns: (() => void)[] = [];
  const admit = () => {
    while (active < limits.running) {
      const go = turns.shift();
      if (go === undefined) return;
      active += 1;
      go();
    }
  };
  return {
    taken: () => taken,
    reserve() {
      if (taken >= limits.running + limits.waiting) {
        throw new AppError('import.busy', { running: limits.running, waiting: limits.waiting });
      }
      taken += 1;
      let given = false;
      let used = false;
      const giveBack = () => {
        if (given) return;
        given = true;
        taken -= 1;
      };
      return {
        release: () => {
          if (!used) giveBack();
        },
        async run(work) {
          if (used || given) throw new Error('an import slot runs one import');
          used = true;
          await new Promise<void>((resolve) => {
            turns.push(resolve);
            admit();
          });
          try {
            return await work();
          } finally {
            active -= 1;
            giveBack();
            admit();
          }
        },
      };
    },
  };
}
