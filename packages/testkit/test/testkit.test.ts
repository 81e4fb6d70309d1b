import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contractOperation,
  fakeFetch,
  listOperations,
  listSpecs,
  loadSpec,
  type PrismMock,
  recordingFetch,
  responseSchemaChecker,
  startPrismMock,
} from "../src/index.js";

describe("spec helpers", () => {
  it("find every spec and its operations with their documented statuses", () => {
    expect(listSpecs()).toContain("delivery");
    const [execute] = listOperations("delivery");
    expect(execute).toMatchObject({ operationId: "execute", method: "POST", path: "/rest/v1/delivery" });
    expect(execute?.successStatuses).toContain(200);
    expect(execute?.errorStatuses).toContain(400);
    expect(execute?.mediaTypes[400]).toEqual(["application/json"]);
  });

  it("read what a spec takes from specs/shared/ as part of the spec", () => {
    const externalRefs = (node: unknown): string[] =>
      !node || typeof node !== "object"
        ? []
        : Object.entries(node).flatMap(([key, value]) =>
            key === "$ref" && typeof value === "string" && !value.startsWith("#") ? [value] : externalRefs(value),
          );
    for (const spec of listSpecs()) expect(externalRefs(loadSpec(spec)), spec).toEqual([]);
    // ode.yaml's 401 answer is specs/shared/platform.yaml's Unauthorized, and its Problem schema the shared one.
    const start = contractOperation("ode", "startWorkload");
    expect(start.mediaTypes[401]).toEqual(["application/problem+json", "application/json"]);
    const check = responseSchemaChecker("ode");
    expect(check("startWorkload", 401, "application/json", { error_code: "401013", message: "no" }).valid).toBe(true);
    expect(check("startWorkload", 401, "application/json", { error_code: 401013 }).valid).toBe(false);
  });

  it("refuse an operationId the spec does not have", () => {
    expect(() => contractOperation("delivery", "nope")).toThrow('specs/delivery.yaml has no operation "nope"');
  });
});

describe("responseSchemaChecker", () => {
  const check = responseSchemaChecker("delivery");

  it("accepts a body of the declared shape and names what is wrong with one that is not", () => {
    expect(check("execute", 400, "application/json", { status: 400, message: "bad" }).valid).toBe(true);
    const wrong = check("execute", 400, "application/json", { status: "400" });
    expect(wrong.valid).toBe(false);
    expect(wrong.errors.join("\n")).toContain("message");
    expect(check("execute", 200, "application/json", { execute: { mboxes: "nope" } }).valid).toBe(false);
  });
});

describe("startPrismMock", () => {
  let mock: PrismMock;
  beforeAll(async () => {
    mock = await startPrismMock({ spec: "delivery" });
  });
  afterAll(() => mock.close());

  it("serves the spec on loopback, validating requests", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const fetch = recordingFetch();
    const ok = await fetch(
      new Request(`${mock.url}/rest/v1/delivery?sessionId=s&client=acme`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ context: { channel: "web" } }),
      }),
    );
    expect(ok.status).toBe(200);
    expect(fetch.last.body).toBe('{"context":{"channel":"web"}}');
    const bad = await fetch(new Request(`${mock.url}/rest/v1/delivery`, { method: "POST", body: "{}" }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("sl-violations")).toBeTruthy();
  });
});

describe("fakeFetch", () => {
  it("records requests without a network and says so when there are none", async () => {
    const fetch = fakeFetch();
    expect(() => fetch.last).toThrow("no request was sent");
    await fetch(new Request("https://example.invalid/x", { headers: { "X-A": "1" } }));
    expect(fetch.requests).toEqual([
      { method: "GET", url: "https://example.invalid/x", headers: { "x-a": "1" }, body: "" },
    ]);
  });
});
