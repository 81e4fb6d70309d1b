// Process hygiene: after a call settles, however it settled, nothing of ours keeps the process alive.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type FaultName, type FaultServer, startFaultServer } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSPORT_NAMES } from "./harness.js";

const SCRIPT = fileURLToPath(new URL("./hygiene/call.mjs", import.meta.url));
/**
 * The child checks itself that nothing keeps it alive 1.5 s after its call settled (HYGIENE_GRACE, see call.mjs);
 * this wall-clock bound only catches a child that hangs outright, however loaded the machine.
 */
const WALL_LIMIT = 6_000;
/** How long a process that made no call takes to exit after printing: measured once, in `beforeAll`. */
let baseline = 0;

let server: FaultServer;
beforeAll(async () => {
  // Idle connections are closed by the server after 300 ms: a caller's own fetch (Node's global one keeps idle
  // sockets referenced) then cannot be what holds the process, only what offerkit leaves behind can.
  server = await startFaultServer({ keepAliveTimeout: 300 });
  const idle = await runChild(["none", "node", server.url, server.url, "127.0.0.1:1"], {});
  expect(idle.settled).toBe("ok");
  baseline = idle.exitAfter;
});
afterAll(() => server?.close());

interface Case {
  readonly name: string;
  /** The API's fault and the IMS's. */
  readonly api: FaultName;
  readonly ims: FaultName;
  readonly apiParam?: string | number;
  readonly imsParam?: string | number;
  /** How the call must settle. */
  readonly settled: string;
  /** The call's timeout: short where the case waits for it, long (10 s) where it must not matter. */
  readonly timeout?: number;
  /** Abort the call after this many ms. */
  readonly abortAfter?: number;
  readonly entries: readonly string[];
}

// A client method, its /raw twin, the facade over IMS and a Platform client, the Target facade, the token provider.
const ALL = ["deliver", "raw", "decide", "getOffers", "token"];
const CASES: readonly Case[] = [
  { name: "success", api: "ok", ims: "ok", settled: "ok", entries: ALL },
  {
    name: "an API error",
    api: "5xx-html",
    ims: "5xx-html",
    apiParam: 500,
    imsParam: 500,
    settled: "ApiError|ImsAuthError",
    entries: ALL,
  },
  {
    name: "a timeout (stalled body)",
    api: "stall-after-headers",
    ims: "stall-after-headers",
    settled: "TimeoutError|ImsAuthError",
    timeout: 1_000,
    entries: ALL,
  },
  {
    name: "a timeout (no answer)",
    api: "hang",
    ims: "hang",
    settled: "TimeoutError|ImsAuthError",
    timeout: 1_000,
    entries: ALL,
  },
  {
    name: "an abort",
    api: "stall-after-headers",
    ims: "stall-after-headers",
    settled: "AbortError",
    abortAfter: 1_000,
    entries: ALL,
  },
  {
    name: "a reset",
    api: "reset-before-headers",
    ims: "reset-before-headers",
    settled: "NetworkError|ImsAuthError",
    entries: ALL,
  },
  // The token request hangs while the API call times out: defect 2.
  {
    name: "an IMS that never answers",
    api: "ok",
    ims: "hang",
    settled: "TimeoutError|ImsAuthError",
    timeout: 1_000,
    entries: ["ods", "decide"],
  },
  {
    name: "an IMS refusing the credentials",
    api: "ok",
    ims: "ims-echo",
    imsParam: "error.form.401",
    settled: "ImsAuthError",
    entries: ["ods", "decide", "token"],
  },
];

/** At most this many children at once: each is a whole Node process on a 2-core box. */
const PARALLEL = 3;
let running = 0;
const queue: (() => void)[] = [];
async function slot<T>(run: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await run();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/** Runs the child; resolves with how the call settled and how long the process lived after that. */
function runChild(args: string[], env: Record<string, string>) {
  return new Promise<{ settled: string; exitAfter: number; code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], {
        cwd: fileURLToPath(new URL("../..", import.meta.url)),
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let settledAt: number | undefined;
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (settledAt === undefined && stdout.includes("settled ")) settledAt = performance.now();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      // A child that never exits is killed well after the limit, and reported as living that long.
      const guard = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.on("exit", (code) => {
        clearTimeout(guard);
        const settled = /settled (\S+)/.exec(stdout)?.[1] ?? "never";
        resolve({ settled, exitAfter: performance.now() - (settledAt ?? performance.now()), code, stdout, stderr });
      });
    },
  );
}

let tags = 0;

describe.each(TRANSPORT_NAMES)("on the %s transport the process exits on its own after", (transport) => {
  for (const item of CASES) {
    describe.concurrent(item.name, () => {
      it.concurrent.each(item.entries)("%s", async (entry) => {
        const tag = `h${++tags}`;
        const base = server.base(item.api, item.apiParam, tag);
        const imsHost = server.base(item.ims, item.imsParam, `${tag}-ims`);
        const target = (await server.originFor(item.api, item.apiParam, tag)).replace("http://", "");
        const env: Record<string, string> = { HYGIENE_TIMEOUT: String(item.timeout ?? 10_000) };
        if (item.abortAfter) env.HYGIENE_ABORT = String(item.abortAfter);
        const result = await slot(() => runChild([entry, transport, base, imsHost, target], env));
        server.destroyTagged(tag);
        server.destroyTagged(`${tag}-ims`);
        expect(result.stderr).toBe("");
        expect(result.settled).toMatch(new RegExp(`^(${item.settled})$`));
        // The child's own unreferenced 1.5 s timer fired: something kept the process alive that long.
        expect(result.stdout).not.toContain("still alive");
        expect(result.code).toBe(0);
        // And by the wall clock, with what tearing a process down costs on this machine (a starved CPU is slow).
        expect(result.exitAfter, "the process stayed alive after the call settled").toBeLessThan(baseline + WALL_LIMIT);
      });
    });
  }
});
