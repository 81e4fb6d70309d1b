// Decisioning (/data/core/dps, the Offer Library's successors) through the facade: create a Decision Management
// personalized offer, read it, approve it with a JSON Patch guarded by `test` operations (the API documents no
// If-Match), then page through Experience Decisioning offer items. The mock answers with the spec's examples,
// which is why the ids it returns are not the ones just created.
import type { PersonalizedOffer } from "@offerkit/dps";
import { type Offerkit, unwrap, updateWith } from "@offerkit/sdk";

export async function runDecisioningObjectsDemo(kit: Offerkit): Promise<void> {
  const dps = kit.dps;
  const receipt = await unwrap(
    dps.personalizedOffers.create({
      name: "Free shipping",
      status: "draft",
      representations: [
        {
          placement: "offerPlacement1234",
          channel: "https://ns.adobe.com/xdm/channel-types/web",
          components: [{ type: "html", format: "text/html", content: "<p>Free shipping today</p>" }],
        },
      ],
      selectionConstraint: { profileConstraintType: "none" },
      rank: { priority: 10 },
    }),
  );
  console.log(`■ created personalized offer ${receipt.id}, revision ${receipt.etag ?? "?"}`);

  const offer = await unwrap(dps.personalizedOffers.get(receipt.id));
  printOffer("read", offer);

  const approved = await updateWith(dps.personalizedOffers, offer.id, (draft) => {
    draft.status = "approved";
  });
  const sent = approved.operations.map(
    (op) => `${op.op} ${op.path}${"value" in op ? ` ${JSON.stringify(op.value)}` : ""}`,
  );
  console.log(`■ approved with one JSON Patch [${sent.join(", ")}] → revision ${approved.receipt?.etag ?? "?"}`);

  // Every offer item, page by page: the paginator follows `_links.next` as the server wrote it (relative to
  // /data/core/dps). The mock answers every page alike, so its next link repeats and paging ends on the second.
  let number = 0;
  let items = 0;
  for await (const page of kit.paginateDps("offerItems", { orderby: "-modified", limit: 2 }, { prefetch: true })) {
    console.log(`■ offer items page ${++number}: ${page.count ?? page.results.length} of ${page.total ?? "?"}`);
    for (const item of page.results) {
      const { itemName, itemPriority } = item._experience.decisioning.decisionitem;
      console.log(`  item ${++items} ${item.id}: "${itemName}" priority ${itemPriority ?? "-"}`);
    }
  }
}

function printOffer(label: string, offer: PersonalizedOffer) {
  const placements = (offer.representations ?? []).map((representation) => representation.placement).join(", ");
  console.log(
    `  ${label} ${offer.id}: "${offer.name}" ${offer.status ?? "?"}, revision ${offer.etag ?? "?"}, priority ${offer.rank?.priority ?? "-"}, placements ${placements || "none"}`,
  );
}
