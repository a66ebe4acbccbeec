// A process says its imports are alive by stamping their jobs every few seconds while they
// wait or run. A job nobody stamps any more belongs to a process that stopped (a crash, a
// restart, a machine gone): it is shown as interrupted instead of running for ever, and the
// next start records it so (import-interrupted.ts).

export interface JobHeartbeat {
  /** Starts stamping the job (queued or running in this process). */
  hold: (id: string) => void;
  /** Stops stamping it (it ended, one way or another). */
  drop: (id: string) => void;
  /** Whether this process runs the job or has it waiting. */
  holds: (id: string) => boolean;
}

/**
 * Calls `beat` with the held jobs every `everyMs` while any is held. A failed beat is not
 * retried before the next one: the stamp only has to come more often than the staleness bound.
 */
export function createJobHeartbeat(
  beat: (ids: readonly string[]) => Promise<void>,
  everyMs: number,
): JobHeartbeat {
  const held = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    beat([...held]).catch(() => undefined);
  };
  return {
    hold(id) {
      held.add(id);
      if (timer === null) {
        timer = setInterval(tick, everyMs);
        // A held job must not keep a process that is otherwise done from exiting.
        timer.unref();
      }
    },
    drop(id) {
      held.delete(id);
      if (held.size === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    },
    holds: (id) => held.has(id),
  };
}
