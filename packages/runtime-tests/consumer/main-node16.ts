// CommonJS with `module: node16` (or TypeScript before 5.8): a static import of an ESM-only package is TS1479 there,
// so the README's Delivery example loads the package with `await import(...)`, which works in every CommonJS setup.
async function main(): Promise<string[]> {
  const { createDeliveryClient, unwrap } = await import("@offerkit/delivery");
  const delivery = process.env.MOCK_DELIVERY;
  if (!delivery) throw new Error("MOCK_DELIVERY is not set");
  const target = createDeliveryClient({ client: "acme", baseUrl: delivery, timeout: 3000 });
  const response = await unwrap(
    target.deliver({
      sessionId: "3f1d0c7e-6b9a-4c2e-9d5f-0a1b2c3d4e5f",
      request: {
        context: { channel: "web", address: { url: "https://shop.example.com/" } },
        execute: { mboxes: [{ index: 0, name: "hero-banner" }] },
      },
    }),
  );
  return [`deliver: ${(response.execute?.mboxes?.[0]?.options ?? []).length} options`];
}

main().then(
  (seen) => console.log(JSON.stringify(seen)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
