// The fault server itself, driven with Node's own fetch and raw sockets: each fault answers as documented.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultServer, startFaultServer } from "../src/index.js";

let server: FaultServer;
let cross: FaultServer;
beforeAll(async () => {
  cross = await startFaultServer();
  server = await startFaultServer({ crossOrigin: cross });
});
afterAll(async () => {
  await server?.close();
  await cross?.close();
});

describe("startFaultServer", () => {
  it("routes by path: fault, param, tag and the API path, and records the request", async () => {
    const response = await fetch(`${server.base("ok", undefined, "t1")}/rest/v1/delivery?client=acme`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 200, execute: expect.any(Object) });
    const [request] = server.requestsTagged("t1");
    expect(request).toMatchObject({
      method: "POST",
      fault: "ok",
      tag: "t1",
      rest: "/rest/v1/delivery?client=acme",
      body: "{}",
    });
  });

  it("answers 429 with Retry-After once per tag, then succeeds", async () => {
    const url = `${server.base("429-seconds", 7, "t2")}/data/core/ods/decisions`;
    const first = await fetch(url);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect((await fetch(url)).status).toBe(200);
    const date = await fetch(`${server.base("503-date", 60, "t2")}/x`);
    expect(Date.parse(date.headers.get("retry-after") ?? "")).toBeGreaterThan(Date.now() + 55_000);
  });

  it("passes a malformed Retry-After through verbatim", async () => {
    const answer = await fetch(`${server.base("503-malformed", "-5", "t3")}/x`);
    expect(answer.headers.get("retry-after")).toBe("-5");
  });

  it("sends empty, truncated, non-JSON and oversized bodies as named", async () => {
    expect((await fetch(`${server.base("empty-204")}/x`)).status).toBe(204);
    const empty = await fetch(`${server.base("empty-length-0")}/x`);
    expect(empty.headers.get("content-length")).toBe("0");
    expect(await (await fetch(`${server.base("non-json")}/x`)).text()).toContain("<html>");
    const wrong = await fetch(`${server.base("wrong-content-type")}/rest/v1/delivery`);
    expect(wrong.headers.get("content-type")).toBe("text/plain");
    const big = await fetch(`${server.base("oversized", 200_000)}/x`);
    expect((await big.arrayBuffer()).byteLength).toBe(200_000);
    await expect((await fetch(`${server.base("truncated")}/rest/v1/delivery`)).text()).rejects.toThrow();
  });

  it("redirects same-origin and cross-origin to the ok fault, keeping the tag", async () => {
    const same = await fetch(`${server.base("redirect-same", undefined, "t4")}/x`);
    expect(same.status).toBe(200);
    expect(server.requestsTagged("t4").map((request) => request.fault)).toEqual(["redirect-same", "ok"]);
    const other = await fetch(`${server.base("redirect-cross", undefined, "t5")}/x`);
    expect(other.status).toBe(200);
    expect(cross.requestsTagged("t5")).toHaveLength(1);
  });

  it("echoes the submitted IMS form in the field and spelling asked for", async () => {
    const form = new URLSearchParams({ client_id: "id", client_secret: "a b/c" }).toString();
    const answer = await fetch(`${server.base("ims-echo", "error_description.decoded.401")}/ims/token/v3`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error_description: "client_id=id&client_secret=a b/c" });
  });

  it("resets a connection before headers, and tracks and destroys sockets", async () => {
    await expect(fetch(`${server.base("reset-before-headers")}/x`)).rejects.toThrow();
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    socket.write("GET /fault/hang/@t6/x HTTP/1.1\r\nhost: x\r\n\r\n");
    await expect.poll(() => server.requestsTagged("t6").length).toBe(1);
    const [hung] = server.requestsTagged("t6");
    expect(server.isSocketOpen(hung?.socket ?? -1)).toBe(true);
    server.destroyTagged("t6");
    expect(await server.waitForClosed([hung?.socket ?? -1], 2_000)).toBe(true);
    socket.destroy();
  });

  it("serves a fixed fault on an extra listener, for clients that take a host", async () => {
    const origin = await server.originFor("5xx-html", 502, "t7");
    const answer = await fetch(`${origin}/rest/v1/delivery`);
    expect(answer.status).toBe(502);
    expect(server.requestsTagged("t7")).toHaveLength(1);
  });
});
