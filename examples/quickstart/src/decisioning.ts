// Offer Decisioning through @offerkit/ods and @offerkit/ode: one real-time decision, then a batch workload
// followed until it completes. Everything runs locally: Prism serves specs/ods.yaml and specs/ode.yaml, and a
// fake IMS hands out OAuth Server-to-Server tokens, so the full authentication path is exercised.
import { createOdeClient, isTerminalStatus, type Workload, type WorkloadStatus } from "@offerkit/ode";
import {
  createImsTokenProvider,
  createOdsClient,
  type DecisionRequest,
  etagOf,
  type Option,
  propositionIdOf,
  unwrap,
} from "@offerkit/ods";
import { FAKE_IMS_CLIENT, startFakeIms, startPrismMock } from "@offerkit/testkit";

const IMS_ORG_ID = "0123456789ABCDEF01234567@AdobeOrg";

export async function runDecisioningDemo(): Promise<void> {
  const [ims, odsMock, odeMock] = await Promise.all([
    startFakeIms(),
    startPrismMock({ spec: "ods" }),
    startPrismMock({ spec: "ode" }),
  ]);
  try {
    // One token provider for both clients: one IMS token, cached and refreshed for all of them.
    const tokens = createImsTokenProvider({ ...FAKE_IMS_CLIENT, imsHost: ims.url });
    const auth = { tokenProvider: tokens, apiKey: tokens.clientId };
    const identity = { auth, imsOrgId: IMS_ORG_ID, sandboxName: "prod", timeout: 5_000 };
    console.log(`\noffer decisioning → embedded Prism mocks (${odsMock.url}, ${odeMock.url}), local IMS ${ims.url}`);

    const ods = createOdsClient({ ...identity, baseUrl: odsMock.url });
    const request: DecisionRequest = {
      "xdm:propositionRequests": [
        {
          "xdm:activityId": "xcore:offer-activity:ffed0123",
          "xdm:placementId": "xcore:offer-placement:ffed0456",
          "xdm:itemCount": 2,
        },
        { "xdm:activityId": "xcore:offer-activity:fffc0789", "xdm:placementId": "xcore:offer-placement:ffed0012" },
      ],
      "xdm:profiles": [{ "xdm:identityMap": { Email: [{ "xdm:id": "visitor@example.com" }] } }],
      "xdm:responseFormat": { "xdm:includeContent": true, "xdm:includeMetadata": { "xdm:option": ["name"] } },
    };
    const decision = await unwrap(ods.makeDecisions(request, { headers: { Prefer: "example=adobeDocumentation" } }));
    // Servers have spelled the id `xdm:propositionId` and `xdm:propositionID`; the helper reads either.
    console.log(`■ real-time decision ${propositionIdOf(decision)}`);
    for (const proposition of decision["xdm:propositions"]) {
      const where = `${proposition["xdm:activity"]["xdm:id"]} @ ${proposition["xdm:placement"]["xdm:id"]}`;
      if (proposition["xdm:fallback"]) printOption(`${where} (fallback)`, proposition["xdm:fallback"]);
      for (const option of proposition["xdm:options"] ?? []) printOption(where, option);
    }

    const ode = createOdeClient({ ...identity, baseUrl: odeMock.url });
    const started = await unwrap(
      ode.startWorkload({
        "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
        "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
        "xdm:propositionRequests": request["xdm:propositionRequests"],
        "xdm:includeContent": true,
      }),
    );
    console.log(`■ batch workload ${started["@id"]} (${ode.endpoint} endpoint)`);
    printStatus(started);
    // A real workload takes minutes; the mock walks through the documented states, one per poll.
    const states: readonly Lowercase<WorkloadStatus>[] = ["processing", "ingesting", "completed"];
    let workload = started;
    for (const state of states) {
      if (isTerminalStatus(workload["ode:status"])) break;
      workload = await unwrap(ode.getWorkload(started["@id"], { headers: { Prefer: `example=${state}` } }));
      printStatus(workload);
    }
    console.log(`  IMS token requests for all of the above: ${ims.requests.length}`);
  } finally {
    await Promise.all([ims.close(), odsMock.close(), odeMock.close()]);
  }
}

function printOption(where: string, option: Option) {
  const content = option["xdm:content"] ?? option["xdm:deliveryURL"] ?? "";
  const score = option["xdm:score"] === undefined ? "" : ` score ${option["xdm:score"]}`;
  console.log(
    `  ${where}: ${option["xdm:id"]} rev ${etagOf(option)}${score} ${content.length > 60 ? `${content.slice(0, 59)}…` : content}`,
  );
}

function printStatus(workload: Workload) {
  const detail = workload["ode:statusDetail"];
  console.log(`  ${workload["ode:status"].padEnd(10)}${detail ? ` ${JSON.stringify(detail)}` : ""}`);
}
