// Realistic canned payloads: the size and shape of real Target and Offer Decisioning answers.
export const deliveryResponse = JSON.stringify({
  status: 200,
  requestId: "0b7f6a3c-2f1e-4a55-9d1b-5e6c7d8e9f00",
  client: "acme",
  id: { tntId: "6f1c0d2e9b8a4f57a1c3d9e4b2a7c801.28_0" },
  edgeHost: "mboxedge28.tt.omtrdc.net",
  prefetch: {
    mboxes: Array.from({ length: 5 }, (_, index) => ({
      index,
      name: `mbox-${index}`,
      state: "opaque-state-token",
      options: [{ type: "json", content: { headline: "Hi", sku: index }, eventToken: "opaque-event-token" }],
      metrics: [{ type: "click", selector: "#cta", eventToken: "opaque-click-token" }],
    })),
  },
});

export const deliveryRequest = {
  context: { channel: "web", address: { url: "https://shop.example.com/" }, userAgent: "Mozilla/5.0" },
  property: { token: "00000000-0000-0000-0000-000000000000" },
  prefetch: { mboxes: Array.from({ length: 5 }, (_, index) => ({ index, name: `mbox-${index}` })) },
};

const option = (n) => ({
  "xdm:id": `xcore:personalized-offer:${n}`,
  "repo:etag": n,
  "@type": "https://ns.adobe.com/experience/offer-management/content-component-html",
  "xdm:content": `<p>offer ${n}</p>`,
  "xdm:score": n / 10,
});

export const odsResponse = JSON.stringify({
  "xdm:propositionId": "5d0ffb5e-dfc6-4280-99b6-0bf3131cb8b8",
  "xdm:propositions": Array.from({ length: 3 }, (_, i) => ({
    "xdm:activity": { "xdm:id": `xcore:offer-activity:${i}`, "repo:etag": 1 },
    "xdm:placement": { "xdm:id": `xcore:offer-placement:${i}`, "repo:etag": 1 },
    "xdm:options": [option(1), option(2), option(3)],
  })),
  "ode:createDate": 1566497582038,
});

export const odsRequest = {
  "xdm:propositionRequests": Array.from({ length: 3 }, (_, i) => ({
    "xdm:activityId": `xcore:offer-activity:${i}`,
    "xdm:placementId": `xcore:offer-placement:${i}`,
    "xdm:itemCount": 3,
  })),
  "xdm:profiles": [{ "xdm:identityMap": { ECID: [{ "xdm:id": "12345678901234567890", primary: true }] } }],
  "xdm:responseFormat": { "xdm:includeContent": true },
};

/** A Target getOffers request as Adobe's SDK users write it: five prefetched mboxes on a product page. */
export const targetRequest = {
  context: {
    channel: "web",
    address: { url: "https://shop.example.com/product/123", referringUrl: "https://shop.example.com/" },
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5",
  },
  property: { token: "00000000-0000-0000-0000-000000000000" },
  prefetch: { mboxes: Array.from({ length: 5 }, (_, index) => ({ index, name: `mbox-${index}` })) },
};

/**
 * A returning visitor's `mbox` cookie as at.js and Adobe's SDKs write it: a `session` entry and a `PC` (tnt id)
 * entry, `name#value#expiry` joined by `|`, expiries in Unix seconds from `now`. `cluster` adds the edge-cluster
 * suffix Target gives tnt ids (`….28_0`); without it the visitor carries no edge cluster.
 */
export function mboxCookie(now = Date.now(), { cluster } = {}) {
  const seconds = Math.ceil(now / 1000);
  const tntId = `9f2c4a7e1b3d4c5e8f6a7b8c9d0e1f2a${cluster === undefined ? "" : `.${cluster}_0`}`;
  return `session#3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a#${seconds + 1860}|PC#${tntId}#${seconds + 63_244_800}`;
}

/** One Offer Library personalized offer as a results page lists it (`_instance` plus repository metadata). */
function personalizedOffer(page, index) {
  const id = `xcore:personalized-offer:${(page * 1000 + index).toString(16).padStart(16, "0")}`;
  return {
    instanceId: `${page}-${index}-0f6c5b7e-6d1a-4c2b-9a8e-7f6d5c4b3a29`,
    schemas: ["https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5"],
    "repo:etag": 3,
    "repo:createdDate": "2026-10-01T09:12:44.118274Z",
    "repo:lastModifiedDate": "2026-11-20T16:03:12.551031Z",
    "repo:createdBy": "{service}@AdobeID",
    "repo:lastModifiedBy": "A1B2C3D4E5F6071829384756@AdobeID",
    "repo:createdByClientId": "acp_ui_platform",
    "repo:lastModifiedByClientId": "acp_ui_platform",
    _instance: {
      "xdm:name": `Winter sale offer ${page}-${index}`,
      "xdm:status": "approved",
      "xdm:representations": [
        {
          "xdm:channel": "https://ns.adobe.com/xdm/channel-types/web",
          "xdm:placement": "xcore:offer-placement:1175009612b0100c",
          "xdm:components": [
            {
              "@type": "https://ns.adobe.com/experience/offer-management/content-component-html",
              "dc:format": "text/html",
              "dc:language": ["en-us"],
              "xdm:content": `<div class="offer"><h2>Winter sale</h2><p>Up to 30% off item ${index}</p></div>`,
            },
          ],
        },
      ],
      "xdm:selectionConstraint": {
        "xdm:startDate": "2026-11-01T00:00:00.000Z",
        "xdm:endDate": "2027-01-31T23:59:59.000Z",
        "xdm:profileConstraintType": "none",
      },
      "xdm:rank": { "xdm:priority": index % 10 },
      "xdm:cappingConstraint": { "xdm:globalCap": 10_000 },
      "xdm:tags": ["xcore:tag:124e8f7d5c4b3a21"],
      "@id": id,
    },
    _links: {
      self: {
        name: `https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5#${id}`,
        href: `/c-1/instances/${page}-${index}`,
        "@type": "https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5",
      },
    },
  };
}

/**
 * Page `page` (0-based) of an Offer Library listing of `pageSize` personalized offers, `pages` pages in all, with
 * the `next` link Adobe writes (relative to `/data/core/xcore`).
 */
export function offerLibraryPage({ containerId, schema, page, pageSize, pages }) {
  const next = page + 1 < pages;
  return JSON.stringify({
    containerId,
    schemaNames: [schema],
    requestTime: "2026-11-30T20:00:00.000Z",
    _embedded: { results: Array.from({ length: pageSize }, (_, index) => personalizedOffer(page, index)) },
    _page: { orderby: "-repo:lastModifiedDate", property: [], count: pageSize, next: next ? String(page + 1) : "" },
    _links: next
      ? {
          next: {
            href: `/${containerId}/instances?schema=${encodeURIComponent(schema)}&limit=${pageSize}&start=${page + 1}`,
          },
        }
      : {},
  });
}
