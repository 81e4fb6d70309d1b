// Fake timers from 0 and a jitter pinned to its ceiling, for the waiters' tests: every wait is then exact.
import { afterEach, beforeEach, vi } from "vitest";

/** Registers, for the suite it is called in, fake timers starting at 0 and `Math.random()` answering 1. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, "random").mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
