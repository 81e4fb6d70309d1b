// What the browser page and the edge VM run: only Web APIs, against the mocks whose URLs the test passes in.
// Each scenario resolves to one line of text, which the test asserts; a failure is the error's name and message.
import { createDeliveryClient, unwrap } from "@offerkit/delivery";
import { createTargetClient } from "@offerkit/sdk/target";

export interface Mocks {
  /** Prism serving specs/delivery.yaml. */
  readonly delivery: string;
  /** A server that accepts the request and never answers. */
  readonly silent: string;
}

const request = {
  context: { channel: "web" as const, address: { url: "https://shop.example.com/" } },
  execute: { mboxes: [{ index: 0, name: "hero-banner" }] },
};

export type Scenario = (mocks: Mocks) => Promise<string>;

export const targetScenarios: Readonly<Record<string, Scenario>> = {
  async deliver({ delivery }) {
    const target = createDeliveryClient({ client: "acme", baseUrl: delivery, timeout: 10_000 });
    const response = await unwrap(target.deliver({ sessionId: "session-1", request }));
    const options = response.execute?.mboxes?.[0]?.options ?? [];
    return `deliver: ${options.length} options, the first of type ${options[0]?.type ?? "none"}`;
  },
  async getOffers({ delivery }) {
    const { host, protocol } = new URL(delivery);
    const target = createTargetClient({ client: "acme", serverDomain: host, secure: protocol === "https:" });
    const offers = await target.getOffers({ request, sessionId: "session-2" });
    return `getOffers: cookie ${offers.targetCookie.name}, ${offers.response.execute?.mboxes?.length ?? 0} mboxes`;
  },
  async timeout({ silent }) {
    const target = createDeliveryClient({ client: "acme", baseUrl: silent, timeout: 300 });
    return describeFailure(() => target.deliver({ sessionId: "session-3", request }));
  },
  async abort({ silent }) {
    const target = createDeliveryClient({ client: "acme", baseUrl: silent, timeout: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    return describeFailure(() => target.deliver({ sessionId: "session-4", request }, { signal: controller.signal }));
  },
};

/** `<ErrorName> after <n> ms`, rounded to tenths of a second so the test can bound it. */
export async function describeFailure(call: () => Promise<unknown>): Promise<string> {
  const started = Date.now();
  try {
    await call();
    return "no error";
  } catch (error) {
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    return `${error instanceof Error ? error.name : typeof error} after ${seconds} s`;
  }
}

export async function runAll(
  scenarios: Readonly<Record<string, Scenario>>,
  mocks: Mocks,
): Promise<Record<string, string>> {
  const results: Record<string, string> = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    results[name] = await scenario(mocks).catch(
      (error: unknown) => `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  return results;
}
