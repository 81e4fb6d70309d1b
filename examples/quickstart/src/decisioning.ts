// Offer Decisioning through @offerkit/sdk: one real-time decision with `decide` (propositions with parsed content,
// fallbacks marked), then a batch workload started and waited for with `waitUntilWorkloadComplete`, which polls
// with backoff and reports every status it sees.
import type { DecidedOption, Offerkit } from "@offerkit/sdk";

export async function runDecisioningDemo(kit: Offerkit): Promise<void> {
  const propositionRequests = [
    {
      "xdm:activityId": "xcore:offer-activity:ffed0123",
      "xdm:placementId": "xcore:offer-placement:ffed0456",
      "xdm:itemCount": 2,
    },
    { "xdm:activityId": "xcore:offer-activity:fffc0789", "xdm:placementId": "xcore:offer-placement:ffed0012" },
  ];
  const decision = await kit.decide(
    {
      "xdm:propositionRequests": propositionRequests,
      "xdm:profiles": [{ "xdm:identityMap": { Email: [{ "xdm:id": "visitor@example.com" }] } }],
      "xdm:responseFormat": { "xdm:includeContent": true, "xdm:includeMetadata": { "xdm:option": ["name"] } },
    },
    // The mock answers with the spec's examples; this picks Adobe's documented one. Real servers ignore it.
    { headers: { Prefer: "example=adobeDocumentation" } },
  );
  console.log(`■ real-time decision ${decision.propositionId ?? "?"} (request ${decision.requestId ?? "?"})`);
  for (const proposition of decision.propositions) {
    const where = `${proposition.activity.id} @ ${proposition.placement.id}`;
    for (const option of proposition.options) printOption(where, option);
  }

  const started = await kit.startWorkload({
    "xdm:segmentIds": ["609028e4-e66c-4776-b0d9-c782887e2273"],
    "xdm:dataSetId": "6196b4a1a63bd118dafe093c",
    "xdm:propositionRequests": propositionRequests,
    "xdm:includeContent": true,
  });
  console.log(`■ batch workload ${started["@id"]}: ${started["ode:status"]}, waiting for it`);
  // A real workload takes minutes and the defaults poll up to once a minute; the mock is done in four checks.
  const done = await kit.waitUntilWorkloadComplete(
    { workloadId: started["@id"] },
    {
      minDelay: 100,
      maxDelay: 400,
      maxWaitTime: 30_000,
      onProgress: ({ attempt, status, elapsed, nextDelay }) =>
        console.log(
          `  check ${attempt} after ${elapsed} ms: ${status}${nextDelay === undefined ? "" : `, next in ${nextDelay} ms`}`,
        ),
    },
  );
  console.log(`  done: ${done["ode:status"]}`);
}

function printOption(where: string, option: DecidedOption) {
  const content = option.content;
  const text =
    content === undefined
      ? (option.deliveryUrl ?? "")
      : content.kind === "image"
        ? (content.url ?? "")
        : typeof content.value === "string"
          ? content.value
          : JSON.stringify(content.value);
  const label = `${option.isFallback ? "fallback " : ""}${option.name ?? option.id}`;
  console.log(`  ${where}: ${label} [${content?.kind ?? "none"}] ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`);
}
