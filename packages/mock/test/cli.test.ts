import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { allClosed, idleConnection } from "./connections.js";

// The tests run the built CLI (turbo builds before testing), as `npx offerkit-mock` would.
const BIN = fileURLToPath(new URL("../bin/offerkit-mock.js", import.meta.url));

/** Reads the CLI's banner: the one origin and every server behind it. */
async function origins(child: ChildProcess): Promise<string[]> {
  let out = "";
  for await (const chunk of child.stdout ?? []) {
    out += String(chunk);
    if (out.includes("Ctrl-C stops.")) break;
  }
  const main = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const behind = [...(/Behind it: (.*)/.exec(out)?.[1] ?? "").matchAll(/http:\/\/127\.0\.0\.1:\d+/g)].map((m) => m[0]);
  if (!main || behind.length < 4) throw new Error(`unexpected banner:\n${out}`);
  return [main, ...behind];
}

function start(args: string[] = []) {
  return spawn(process.execPath, [BIN, "--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
}

// Concurrent: each case starts its own CLI, and loading Prism is most of each case's time.
describe.concurrent("offerkit-mock", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`stops every server on ${signal} and exits 0`, async ({ expect }) => {
      const child = start();
      const urls = await origins(child);
      const held = await Promise.all(urls.map(idleConnection));
      expect((await fetch(`${urls[0]}/data/core/nope`)).status).toBe(404);
      const exited = once(child, "exit");
      child.kill(signal);
      expect(await exited).toEqual([0, null]);
      await allClosed(held, urls);
    });
  }

  it("stops when the process that started it is killed by its id (as `pnpm mock` is)", async ({ expect }) => {
    // A wrapper that starts the CLI and passes nothing on: killing it hard must not leave the ports taken.
    const wrapper = spawn(
      process.execPath,
      [
        "-e",
        `const c = require("node:child_process").spawn(process.execPath, [${JSON.stringify(BIN)}, "--port", "0"], { stdio: ["ignore", "inherit", "inherit"] });
         console.error("child " + c.pid);`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const childPid = new Promise<number>((resolve) => {
      wrapper.stderr?.on("data", (chunk) => {
        const pid = /child (\d+)/.exec(String(chunk))?.[1];
        if (pid) resolve(Number(pid));
      });
    });
    const urls = await origins(wrapper);
    const held = await Promise.all(urls.map(idleConnection));
    const pid = await childPid;
    wrapper.kill("SIGKILL");
    await once(wrapper, "exit");
    const deadline = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(pid)).toBe(false);
    await allClosed(held, urls);
  });

  it("refuses a port that is not a number", async ({ expect }) => {
    const child = spawn(process.execPath, [BIN, "--port", "nope"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr?.on("data", (chunk) => {
      err += String(chunk);
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(err).toContain("--port must be a port number");
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
