// Known secrets driven through every error path: no spelling of them may reach an error, its cause chain or a log.
import { createImsTokenProvider, unwrap } from "@offerkit/core";
import { createOdeClient } from "@offerkit/ode";
import { createOdsClient } from "@offerkit/ods";
import { type FaultName, type FaultServer, startFaultServer } from "@offerkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfferkit, createTargetClient } from "../../src/index.js";
import {
  CREDENTIALS,
  DECISION_BODY,
  DELIVERY_BODY,
  describeError,
  fetchOption,
  ORG,
  renderings,
  settle,
  TRANSPORT_NAMES,
  type TransportName,
} from "./harness.js";

/** Secrets with every character that form- and percent-encoding change. */
const SECRETS = ["Zq/8+kL=ab&cd ef", "p@ss w0rd+/==&x=y"] as const;

/** How a secret can appear: as is, form-encoded (`+` for space) and percent-encoded. */
function spellings(secret: string): string[] {
  return [secret, new URLSearchParams({ s: secret }).toString().slice(2), encodeURIComponent(secret)];
}

function expectNoSecret(what: unknown, secret: string) {
  const texts = Array.isArray(what) ? what.map((part) => String(part)) : renderings(what);
  for (const text of texts) {
    for (const spelling of spellings(secret)) {
      expect(text.includes(spelling), `${spelling} found in: ${text.slice(0, 300)}`).toBe(false);
    }
  }
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server?.close());

let tags = 0;
const tag = () => `s${++tags}`;

const IMS_ECHOES = [
  "error.form",
  "error.decoded",
  "error.percent",
  "error.json",
  "error_description.form",
  "error_description.decoded",
  "error_description.percent",
  "error_description.json",
  "all.form.401",
  "all.decoded.400",
  "all.json.500",
  "all.percent.200",
  "all.form.200",
  "header.form.400",
];

describe.each(SECRETS)("the client secret %j", (secret) => {
  describe.each(TRANSPORT_NAMES)("on the %s transport", (transport: TransportName) => {
    it.each(IMS_ECHOES)("IMS echoing the form as %s: the token request's error", async (echo) => {
      const provider = createImsTokenProvider({
        ...CREDENTIALS,
        clientSecret: secret,
        imsHost: server.base("ims-echo", echo, tag()),
        retry: false,
        ...fetchOption(transport),
      });
      const outcome = await settle(() => provider.getToken());
      expect(outcome.error, describeError(outcome.error)).toBeDefined();
      expectNoSecret(outcome.error, secret);
    });

    it.each(IMS_ECHOES)("IMS echoing the form as %s: the error of an ODS call and of decide", async (echo) => {
      const t = tag();
      const platform = {
        auth: {
          ...CREDENTIALS,
          clientSecret: secret,
          imsHost: server.base("ims-echo", echo, t),
          retry: false as const,
        },
        imsOrgId: ORG,
        sandboxName: "prod",
        baseUrl: server.base("ok", undefined, t),
        retry: false as const,
        ...fetchOption(transport),
      };
      const call = await settle(() => unwrap(createOdsClient(platform).makeDecisions(DECISION_BODY)));
      expect(call.error).toBeDefined();
      expectNoSecret(call.error, secret);
      const decided = await settle(() => createOfferkit(platform).decide(DECISION_BODY));
      expect(decided.error).toBeDefined();
      expectNoSecret(decided.error, secret);
    });

    const unreachable: [string, FaultName][] = [
      ["a reset", "reset-before-headers"],
      ["a hang past the timeout", "hang"],
      ["a 503", "5xx-html"],
      ["a non-JSON answer", "non-json"],
      ["an oversized answer", "oversized"],
    ];
    it.each(unreachable)("IMS failing with %s", async (_, fault) => {
      const provider = createImsTokenProvider({
        ...CREDENTIALS,
        clientSecret: secret,
        imsHost: server.base(fault, fault === "oversized" ? 4 * 1024 * 1024 : undefined, tag()),
        timeout: 800,
        retry: false,
        ...fetchOption(transport),
        maxResponseBytes: 1024 * 1024,
      } as Parameters<typeof createImsTokenProvider>[0]);
      const outcome = await settle(() => provider.getToken());
      expect(outcome.error, describeError(outcome.error)).toBeDefined();
      expectNoSecret(outcome.error, secret);
    });
  });

  it("an access token the API echoes back in its error body", async () => {
    const t = tag();
    const client = createOdeClient({
      auth: { accessToken: secret.replaceAll(" ", "_"), apiKey: "key" },
      imsOrgId: ORG,
      sandboxName: "prod",
      baseUrl: server.base("echo-request", 401, t),
      retry: false,
    });
    const outcome = await settle(() => unwrap(client.getWorkload("47efef25-4bcf-404f-96e2-67c4f784a1f5")));
    expect(outcome.error).toBeDefined();
    expectNoSecret(outcome.error, secret.replaceAll(" ", "_"));
  });

  // Every host is the fault server (a hang), so a check that lets something through still ends in an error, locally.
  const badAuth: [string, (imsHost: string) => object][] = [
    ["an access token with a line break", () => ({ accessToken: `${secret}\n`, apiKey: "key" })],
    ["an access token that is not a string", () => ({ accessToken: [secret], apiKey: "key" })],
    ["an api key with a line break", () => ({ accessToken: "token", apiKey: `${secret}\r\n` })],
    ["a client secret with a NUL", (imsHost) => ({ ...CREDENTIALS, imsHost, clientSecret: `${secret}\0` })],
    ["a client secret in an array", (imsHost) => ({ ...CREDENTIALS, imsHost, clientSecret: [secret] })],
    ["a client id with a line break", (imsHost) => ({ ...CREDENTIALS, imsHost, clientId: `${secret}\n` })],
    [
      "scopes containing the secret",
      (imsHost) => ({ ...CREDENTIALS, imsHost, clientSecret: secret, scopes: [secret] }),
    ],
    [
      "an IMS host with the secret as a password",
      (imsHost) => ({
        ...CREDENTIALS,
        imsHost: imsHost.replace("http://", `http://user:${encodeURIComponent(secret)}@`),
      }),
    ],
    ["an unknown auth key holding it", (imsHost) => ({ ...CREDENTIALS, imsHost, password: secret })],
  ];
  it.each(badAuth)("a validation error of the auth options: %s", async (_, auth) => {
    const t = tag();
    const options = {
      auth: auth(server.base("hang", undefined, t)),
      imsOrgId: ORG,
      sandboxName: "prod",
      baseUrl: server.base("hang", undefined, t),
      timeout: 300,
      retry: false,
    };
    const attempts = [
      () => createOdsClient(options as never).makeDecisions(DECISION_BODY),
      () => createOfferkit(options as never).decide(DECISION_BODY),
    ];
    for (const attempt of attempts) {
      const outcome = await settle(async () => attempt());
      expect(outcome.error).toBeDefined();
      expectNoSecret(outcome.error, secret);
    }
  });

  it("the Target client's logger and errors, with the secret in the visitor's cookies and hint", async () => {
    const logged: unknown[][] = [];
    const record =
      (level: string) =>
      (...messages: unknown[]) =>
        logged.push([level, ...messages]);
    const t = tag();
    for (const fault of ["echo-request", "hang", "reset-before-headers", "non-json"] as const) {
      const origin = await server.originFor(fault, fault === "echo-request" ? 500 : undefined, `${t}-${fault}`);
      const target = createTargetClient({
        client: "acme",
        serverDomain: origin.replace("http://", ""),
        secure: false,
        timeout: 800,
        logger: { debug: record("debug"), warn: record("warn"), error: record("error") },
      });
      const outcome = await settle(() =>
        target.getOffers({
          request: DELIVERY_BODY,
          targetCookie: `session#${encodeURIComponent(secret)}#9999999999|PC#${secret}#9999999999`,
          targetLocationHint: secret,
          visitorCookie: secret,
        }),
      );
      expect(outcome.error, `getOffers against ${fault}`).toBeDefined();
      expectNoSecret(outcome.error, secret);
    }
    expect(logged.length).toBeGreaterThan(0);
    for (const entry of logged) expectNoSecret(entry, secret);
  });
});
