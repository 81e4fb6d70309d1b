import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, type PollProgress, type PollState, TimeoutError, ValidationError } from "../src/index.js";
import { poll } from "../src/internal.js";

const defaults = { minDelay: 1000, maxDelay: 8000, maxWaitTime: 60_000 };

/** A fake status source: answers the given states in order (the last one repeats) and counts the checks. */
function states(...sequence: PollState[]) {
  const checks: number[] = [];
  return {
    checks,
    check: async ({ attempt }: { attempt: number }) => {
      checks.push(Date.now());
      return { attempt, state: sequence[Math.min(attempt, sequence.length) - 1] as PollState };
    },
    acceptor: (result: { state: PollState }) => result.state,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("poll", () => {
  it("checks at once and resolves on success without waiting", async () => {
    const source = states("success");
    await expect(poll({ ...source, defaults })).resolves.toEqual({
      state: "success",
      result: { attempt: 1, state: "success" },
      attempts: 1,
    });
    expect(source.checks).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("resolves with failure when the acceptor says so, so that the waiter can throw its own error", async () => {
    const source = states("retry", "failure");
    const outcome = poll({ ...source, defaults });
    await vi.runAllTimersAsync();
    await expect(outcome).resolves.toMatchObject({ state: "failure", attempts: 2 });
  });

  it("waits with exponential backoff capped at maxDelay, and reports every check", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const source = states("retry", "retry", "retry", "retry", "retry", "success");
    const progress: PollProgress<unknown>[] = [];
    const outcome = poll({ ...source, defaults, onProgress: (p) => progress.push(p) });
    await vi.runAllTimersAsync();
    await expect(outcome).resolves.toMatchObject({ state: "success", attempts: 6 });
    // The longest waits the jitter allows: 2 s, 4 s, 8 s, then the 8 s cap.
    expect(progress.map((p) => p.nextDelay)).toEqual([2000, 4000, 8000, 8000, 8000, undefined]);
    expect(source.checks).toEqual([0, 2000, 6000, 14_000, 22_000, 30_000]);
    expect(progress.map((p) => [p.attempt, p.state, p.elapsed])).toEqual([
      [1, "retry", 0],
      [2, "retry", 2000],
      [3, "retry", 6000],
      [4, "retry", 14_000],
      [5, "retry", 22_000],
      [6, "success", 30_000],
    ]);
  });

  it("draws each wait between minDelay and the backoff ceiling", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const low: PollProgress<unknown>[] = [];
    const first = poll({ ...states("retry", "retry", "success"), defaults, onProgress: (p) => low.push(p) });
    await vi.runAllTimersAsync();
    await first;
    expect(low.map((p) => p.nextDelay)).toEqual([1000, 1000, undefined]);

    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const mid: PollProgress<unknown>[] = [];
    const second = poll({ ...states("retry", "retry", "success"), defaults, onProgress: (p) => mid.push(p) });
    await vi.runAllTimersAsync();
    await second;
    expect(mid.map((p) => p.nextDelay)).toEqual([1500, 2500, undefined]);
  });

  it("throws TimeoutError at once, without another check, when the next check would pass maxWaitTime", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const source = states("retry");
    const outcome = poll({ ...source, defaults, maxWaitTime: 10_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(6000);
    // Checks at 0, 2 s and 6 s; the next would be at 14 s, after the 10 s deadline.
    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 10_000 });
    expect((error as Error).message).toContain("maxWaitTime (10000 ms)");
    expect(source.checks).toEqual([0, 2000, 6000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(source.checks).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("throws AbortError as soon as the signal fires during a wait, and checks no more", async () => {
    const controller = new AbortController();
    const source = states("retry");
    const outcome = poll({ ...source, defaults, signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(source.checks).toHaveLength(1);
    controller.abort(new Error("shutting down"));
    const error = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("shutting down"));
    expect(vi.getTimerCount()).toBe(0);
    expect(source.checks).toHaveLength(1);
  });

  it("does not wait when the signal fired during a check that ignored it", async () => {
    const controller = new AbortController();
    const check = vi.fn(async () => {
      controller.abort();
      return "running";
    });
    const outcome = poll({ check, acceptor: () => "retry", defaults, signal: controller.signal });
    await expect(outcome).rejects.toBeInstanceOf(AbortError);
    expect(check).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("checks nothing when the signal has already fired, and hands the signal to each check", async () => {
    const source = states("success");
    await expect(poll({ ...source, defaults, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(source.checks).toEqual([]);
    const signal = new AbortController().signal;
    const check = vi.fn(async () => "done");
    await poll({ check, acceptor: () => "success", defaults, signal });
    expect(check).toHaveBeenCalledWith({ signal, attempt: 1 });
  });

  it("ends with the error a check throws, without checking again", async () => {
    const check = vi.fn(async () => {
      throw new Error("503 after the transport's retries");
    });
    await expect(poll({ check, acceptor: () => "retry", defaults })).rejects.toThrow("503");
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("takes the caller's timing over the defaults, and waits forever with maxWaitTime Infinity", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const progress: PollProgress<unknown>[] = [];
    const source = states(...Array<PollState>(40).fill("retry"), "success");
    const outcome = poll({
      ...source,
      defaults,
      minDelay: 10,
      maxDelay: 20,
      maxWaitTime: Number.POSITIVE_INFINITY,
      onProgress: (p) => progress.push(p),
    });
    await vi.runAllTimersAsync();
    await expect(outcome).resolves.toMatchObject({ attempts: 41 });
    expect(progress.slice(0, 3).map((p) => p.nextDelay)).toEqual([20, 20, 20]);
  });

  it.each([
    [{ minDelay: 0 }, "minDelay"],
    [{ minDelay: Number.NaN }, "minDelay"],
    [{ minDelay: 5000, maxDelay: 1000 }, "maxDelay"],
    [{ maxWaitTime: 0 }, "maxWaitTime"],
    [{ maxWaitTime: -1 }, "maxWaitTime"],
  ])("refuses timing %o before the first check", async (timing, field) => {
    const source = states("success");
    await expect(poll({ ...source, defaults, ...timing })).rejects.toMatchObject({
      name: "ValidationError",
      field,
    });
    expect(source.checks).toEqual([]);
  });

  it("raises the default maxDelay to a larger minDelay instead of refusing it", async () => {
    const source = states("success");
    await expect(poll({ ...source, defaults, minDelay: 20_000 })).resolves.toMatchObject({ state: "success" });
    await expect(poll({ check: source.check, defaults } as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
