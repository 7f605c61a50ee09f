/**
 * "Check once typing pauses": the wizard's full checks (schema, `checkProtocol`, the review) are too slow for every
 * keystroke of a large protocol, so they run on the value of a moment ago, once no change came for a while, and at
 * once when the school leaves a field, changes step or exports (issue 13), so that no export uses a stale review.
 */

/** Milliseconds without a change after which the wizard checks the work: about the pause between two words. */
export const CHECK_IDLE_MS = 300;

/** A value that follows another one after a pause (see {@link createIdleCheck}). */
export interface IdleCheck<T> {
  /** A change: the checked value follows `value` once no other change comes for the delay. */
  schedule(value: T): void;
  /** Brings the checked value up to date now (with the last scheduled value); nothing when it is up to date. */
  flush(): void;
  /** Whether a change is waiting for its check. */
  readonly pending: boolean;
}

/** Timer functions, replaceable in tests (default: the global `setTimeout` / `clearTimeout`). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const globalTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Makes an {@link IdleCheck}: each {@link IdleCheck.schedule} restarts the wait; when it ends (or on
 * {@link IdleCheck.flush}) `apply` gets the last scheduled value, once.
 *
 * @param apply what to do with the value to check (the wizard sets the signal its checks are computed from).
 * @param delayMs the pause, default {@link CHECK_IDLE_MS}.
 * @param timers the timer functions, default the global ones.
 */
export function createIdleCheck<T>(
  apply: (value: T) => void,
  delayMs = CHECK_IDLE_MS,
  timers: Timers = globalTimers,
): IdleCheck<T> {
  let handle: unknown;
  let waiting: { value: T } | undefined;
  const run = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
    const w = waiting;
    waiting = undefined;
    if (w) apply(w.value);
  };
  return {
    schedule(value) {
      waiting = { value };
      if (handle !== undefined) timers.clear(handle);
      handle = timers.set(run, delayMs);
    },
    flush: run,
    get pending() {
      return waiting !== undefined;
    },
  };
}
