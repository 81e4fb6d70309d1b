// The Offer Library through @offerkit/xcore: find the decisioning container, create a personalized offer, read it,
// approve it with a JSON Patch guarded by If-Match, and search the approved offers page by page. Prism serves
// specs/xcore.yaml and a fake IMS hands out tokens, so it runs without an Adobe account; the mock answers with the
// spec's examples, which is why the ids it returns are not the ones just created.

import { FAKE_IMS_CLIENT, startFakeIms, startPrismMock } from "@offerkit/testkit";
import {
  ConflictError,
  createImsTokenProvider,
  createXcoreClient,
  type Envelope,
  nextPageOf,
  PERSONALIZED_OFFER_SCHEMA,
  RECEIPT_MEDIA_TYPE,
  type ResultsPage,
  unwrap,
} from "@offerkit/xcore";

const IMS_ORG_ID = "0123456789ABCDEF01234567@AdobeOrg";
type Offer = typeof PERSONALIZED_OFFER_SCHEMA;

export async function runOfferLibraryDemo(): Promise<void> {
  const [ims, mock] = await Promise.all([startFakeIms(), startPrismMock({ spec: "xcore" })]);
  try {
    const tokens = createImsTokenProvider({ ...FAKE_IMS_CLIENT, imsHost: ims.url });
    const xcore = createXcoreClient({
      auth: { tokenProvider: tokens, apiKey: tokens.clientId },
      imsOrgId: IMS_ORG_ID,
      sandboxName: "prod",
      baseUrl: mock.url,
      timeout: 5_000,
    });
    console.log(`\noffer library (xcore) → embedded Prism mock (${mock.url}), local IMS ${ims.url}`);

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
      console.log(
        `■ a stale revision is refused: ${error.name} ${error.status}, nothing written; read again and retry`,
      );
    }

    let page: ResultsPage<Offer> | undefined = await unwrap(
      xcore.search({
        containerId,
        schema: PERSONALIZED_OFFER_SCHEMA,
        q: "checking",
        property: ["_instance.xdm:status==draft"],
        orderby: "-repo:createdDate",
        limit: 1,
      }),
    );
    for (let number = 1; page && number <= 2; number++) {
      console.log(`■ search page ${number}: ${page._embedded.count ?? 0} of ${page._embedded.total ?? "?"} offers`);
      for (const found of page._embedded.results) printOffer("found", found);
      const next = nextPageOf(page);
      console.log(`  next: ${next ? `start=${next.start}` : "none (last page)"}`);
      page = next
        ? await unwrap(xcore.search({ containerId, schema: PERSONALIZED_OFFER_SCHEMA, href: next.href }))
        : undefined;
    }
  } finally {
    await Promise.all([ims.close(), mock.close()]);
  }
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
