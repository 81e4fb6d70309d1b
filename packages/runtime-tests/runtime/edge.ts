// The edge bundle: the scenarios of the browser page, plus the Platform clients and the facade's fetch-only parts,
// authenticating against a fake IMS with the IMS token client (core's `edge-light`/`worker` build of `#ims`).
import { createImsTokenProvider, unwrap } from "@offerkit/core";
import { createDpsClient } from "@offerkit/dps";
import { createOdeClient } from "@offerkit/ode";
import { createOdsClient } from "@offerkit/ods";
import { createOfferkit } from "@offerkit/sdk";
import { createXcoreClient } from "@offerkit/xcore";
import { type Mocks, runAll, type Scenario, targetScenarios } from "./scenarios.js";

export interface PlatformMocks extends Mocks {
  readonly ims: string;
  readonly ods: string;
  readonly ode: string;
  readonly xcore: string;
  readonly dps: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const IDENTITY = { imsOrgId: "0123456789ABCDEF01234567@AdobeOrg", sandboxName: "prod" } as const;
const SCOPES = ["openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext", "session"];
const DECISION_REQUEST = {
  "xdm:propositionRequests": [
    { "xdm:activityId": "xcore:offer-activity:ffed0123", "xdm:placementId": "xcore:offer-placement:ffed0456" },
  ],
  "xdm:profiles": [{ "xdm:identityMap": { Email: [{ "xdm:id": "visitor@example.com" }] } }],
};

function platformScenarios(mocks: PlatformMocks): Record<string, Scenario> {
  // One token provider for every Platform client, as createOfferkit shares one.
  const tokenProvider = createImsTokenProvider({
    clientId: mocks.clientId,
    clientSecret: mocks.clientSecret,
    scopes: SCOPES,
    imsHost: mocks.ims,
  });
  const auth = { tokenProvider, apiKey: mocks.clientId };
  return {
    async makeDecisions() {
      const ods = createOdsClient({ auth, ...IDENTITY, baseUrl: mocks.ods });
      const decision = await unwrap(ods.makeDecisions(DECISION_REQUEST));
      return `makeDecisions: ${decision["xdm:propositions"]?.length ?? 0} propositions`;
    },
    async startWorkload() {
      const ode = createOdeClient({ auth, ...IDENTITY, baseUrl: mocks.ode });
      const started = await unwrap(
        ode.startWorkload({
          "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
          "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
          "xdm:propositionRequests": DECISION_REQUEST["xdm:propositionRequests"],
        }),
      );
      return `startWorkload: ${started["ode:status"]}`;
    },
    async listContainers() {
      const xcore = createXcoreClient({ auth, ...IDENTITY, baseUrl: mocks.xcore });
      const home = await unwrap(xcore.listContainers());
      return `listContainers: ${home._embedded["https://ns.adobe.com/experience/xcore/container"]?.length ?? 0} containers`;
    },
    async dps() {
      // Both of its origins on the one mock: the resources under /data/core/dps, the migration API at the root.
      const dps = createDpsClient({ auth, ...IDENTITY, baseUrl: mocks.dps, migrationBaseUrl: mocks.dps });
      const tags = await unwrap(dps.tags.list({ limit: 2 }));
      const workflow = await unwrap(dps.migration.getMigration("0b7e6d2c-9f7e-4a53-9d0e-2f1b6a3c4d5e"));
      return `dps: ${tags.results.length} tags, migration ${workflow.status}`;
    },
    async decide() {
      // The facade with its own IMS credentials: the token request goes through the same edge build.
      const offerkit = createOfferkit({
        auth: { clientId: mocks.clientId, clientSecret: mocks.clientSecret, scopes: SCOPES, imsHost: mocks.ims },
        ...IDENTITY,
        baseUrl: mocks.ods,
      });
      const decision = await offerkit.decide(DECISION_REQUEST);
      return `decide: ${decision.propositions.length} propositions`;
    },
  };
}

export function runEdge(mocks: PlatformMocks): Promise<Record<string, string>> {
  return runAll({ ...targetScenarios, ...platformScenarios(mocks) }, mocks);
}
