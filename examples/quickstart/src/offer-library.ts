// The Offer Library through the facade's xcore client (@offerkit/xcore): find the decisioning container, create a
// personalized offer, read it, approve it with a JSON Patch guarded by If-Match, then page through search results
// and through every offer with the facade's paginators. The mock answers with the spec's examples, which is why
// the ids it returns are not the ones just created.

import { ConflictError, type Offerkit } from "@offerkit/sdk";
import { type Envelope, PERSONALIZED_OFFER_SCHEMA, RECEIPT_MEDIA_TYPE, unwrap } from "@offerkit/xcore";

type Offer = typeof PERSONALIZED_OFFER_SCHEMA;

export async function runOfferLibraryDemo(kit: Offerkit): Promise<void> {
  const xcore = kit.xcore;
  const home = await unwrap(xcore.listContainers({ property: ["_instance.containerType==decisioning"] }));
  const containers = home._embedded["https://ns.adobe.com/experience/xcore/container"] ?? [];
  console.log("■ containers");
  for (const { instanceId, _instance: c } of containers) {
    console.log(`  ${instanceId}  ${c.containerType} in sandbox ${c.parentName ?? "?"} (${c.dataCenter ?? "?"})`);
  }
  const containerId = containers[0]?.instanceId ?? "";

  const receipt = await unwrap(
    xcore.create(
      {
        containerId,
        schema: PERSONALIZED_OFFER_SCHEMA,
        instance: {
          "xdm:name": "Free shipping",
          "xdm:status": "draft",
          "xdm:representations": [
            {
              "xdm:placement": "xcore:offer-placement:124e0be5699743d3",
              "xdm:channel": "https://ns.adobe.com/xdm/channel-types/web",
              "xdm:components": [
                {
                  "@type": "https://ns.adobe.com/experience/offer-management/content-component-html",
                  "dc:format": "text/html",
                  "xdm:content": "<p>Free shipping today</p>",
                },
              ],
            },
          ],
          "xdm:rank": { "xdm:priority": 10 },
        },
      },
      mockExample("personalizedOfferCreated"),
    ),
  );
  console.log(`■ created ${receipt.instanceId} (${receipt["@id"]}), revision ${receipt["repo:etag"]}`);

  const ref = { containerId, schema: PERSONALIZED_OFFER_SCHEMA, instanceId: receipt.instanceId ?? "" };
  const offer = await unwrap(xcore.get(ref));
  printOffer("read", offer);

  const patched = await unwrap(
    xcore.patch(
      {
        ...ref,
        ifMatch: offer["repo:etag"],
        operations: [{ op: "replace", path: "/_instance/xdm:status", value: "approved" }],
      },
      mockExample("personalizedOfferUpdated"),
    ),
  );
  console.log(`■ approved with If-Match: "${offer["repo:etag"]}" → revision ${patched["repo:etag"]}`);

  // The same patch losing a race against another writer: the mock plays the server's 409.
  try {
    await unwrap(
      xcore.patch(
        {
          ...ref,
          ifMatch: offer["repo:etag"],
          operations: [{ op: "replace", path: "/_instance/xdm:status", value: "archived" }],
        },
        // Prism plays a status only when Accept admits its media type.
        { headers: { Accept: `${RECEIPT_MEDIA_TYPE}, application/problem+json`, Prefer: "code=409" } },
      ),
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    console.log(`■ a stale revision is refused: ${error.name} ${error.status}, nothing written; read again and retry`);
  }

  // A search, page by page: the paginator follows each page's `_links.next` as the server wrote it.
  const search = kit.paginateSearchPersonalizedOffers({
    containerId,
    q: "checking",
    property: ["_instance.xdm:status==draft"],
    orderby: "-repo:createdDate",
    limit: 1,
  });
  let number = 0;
  for await (const page of search) {
    console.log(`■ search page ${++number}: ${page._embedded.count ?? 0} of ${page._embedded.total ?? "?"} offers`);
    for (const found of page._embedded.results) printOffer("found", found);
  }

  // Every offer in the library, one at a time, the next page fetched while this one is printed. Paging ends on
  // the last page, or (as here: the mock answers every page with the same example) on a next link seen before.
  let count = 0;
  for await (const offer of kit.paginatePersonalizedOffers({ containerId }, { prefetch: true }).items()) {
    printOffer(`offer ${++count}`, offer);
  }
  console.log(`■ paged through all ${count} offers (the mock answers every page alike, so its next link repeats)`);
}
/** The mock answers with the spec's named examples; pick the one matching the call. */
function mockExample(name: string) {
  return { headers: { Prefer: `example=${name}` } };
}

function printOffer(label: string, { instanceId, _instance: offer, ...meta }: Envelope<Offer>) {
  const placements = (offer["xdm:representations"] ?? []).map((r) => r["xdm:placement"]).join(", ");
  console.log(
    `  ${label} ${instanceId}: "${offer["xdm:name"]}" ${offer["xdm:status"] ?? "?"}, revision ${meta["repo:etag"]}, priority ${offer["xdm:rank"]?.["xdm:priority"] ?? "-"}, placements ${placements || "none"}`,
  );
}
