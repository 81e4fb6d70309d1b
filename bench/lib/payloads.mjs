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
