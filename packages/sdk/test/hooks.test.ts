// The facade hands `hooks` and `logger` to the clients it creates: every call is observable from one place.
import { describe, expect, it } from "vitest";
import { type CallHooks, createOfferkit, createTargetClient, TimeoutError } from "../src/index.js";

function recorder() {
  const events: string[] = [];
  const hooks: CallHooks = {
    onRequest: (event) => events.push(`request ${event.call} ${event.request.method} ${event.attempt}`),
    onResponse: (event) => events.push(`response ${event.call} ${event.status}`),
    onError: (event) => events.push(`error ${event.call} ${event.error.name}`),
  };
  return { events, hooks };
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

describe("hooks and logger through the facade", () => {
  it("reach the Target client's calls, and its logger sees each attempt without the query string", async () => {
    const { events, hooks } = recorder();
    const lines: string[] = [];
    const target = createTargetClient({
      client: "acme",
      hooks,
      logger: { debug: (line: unknown) => lines.push(String(line)) },
      fetch: () => json({ status: 200, requestId: "r-1", client: "acme", id: { tntId: "t.28_0" } }),
    });
    await target.getOffers({
      request: { context: { channel: "web" }, execute: { mboxes: [{ index: 0, name: "a" }] } },
    });
    expect(events).toEqual([
      expect.stringMatching(/^request \d+ POST 1$/),
      expect.stringMatching(/^response \d+ 200$/),
    ]);
    expect(lines.some((line) => line.includes("answered 200"))).toBe(true);
    expect(lines.join("\n")).not.toContain("sessionId=");
  });

  it("reach every Platform client createOfferkit makes, with one call number per call", async () => {
    const { events, hooks } = recorder();
    const offerkit = createOfferkit({
      auth: { accessToken: "token-abc", apiKey: "key" },
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sandboxName: "prod",
      hooks,
      timeout: 200,
      fetch: (url) => (url.includes("/ods/") ? json({ "xdm:propositions": [] }) : new Promise<Response>(() => {})),
    });
    await offerkit.ods.makeDecisions({
      "xdm:propositionRequests": [
        { "xdm:activityId": "xcore:offer-activity:1", "xdm:placementId": "xcore:offer-placement:1" },
      ],
      "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "1" }] } }],
    });
    await expect(offerkit.ode.getWorkload("w-1")).rejects.toBeInstanceOf(TimeoutError);
    const calls = new Set(events.map((event) => event.split(" ")[1]));
    expect(calls.size).toBe(2);
    expect(events.at(-1)).toMatch(/^error \d+ TimeoutError$/);
    expect(events.join("\n")).not.toContain("token-abc");
  });
});
