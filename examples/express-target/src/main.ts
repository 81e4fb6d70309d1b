// Server-side Target in an Express app. With TARGET_CLIENT_CODE set it calls your real Target edge; without it,
// @offerkit/mock answers locally (no Adobe account needed). Open http://127.0.0.1:3000/ twice: the second visit
// reuses the session from the mbox cookie and goes to the edge cluster the first one named.
import { startMocks } from "@offerkit/mock";
import { createTargetClient } from "@offerkit/sdk";
import { createApp } from "./app.js";

const clientCode = process.env.TARGET_CLIENT_CODE;
const organizationId = process.env.TARGET_ORG_ID || undefined;
// The mocks keep every Target host local, the visitor's edge host (mboxedge28.tt.omtrdc.net) included.
const mocks = clientCode ? undefined : await startMocks();
const send = mocks?.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));

const target = createTargetClient({
  client: clientCode ?? "demo",
  organizationId,
  serverDomain: process.env.TARGET_SERVER_DOMAIN || undefined,
  propertyToken: process.env.TARGET_PROPERTY_TOKEN || undefined,
  // Called as the global fetch is: forward both arguments.
  fetch: (url, init) => {
    console.log(`  Target call to ${new URL(url).host}`);
    return send(url, init);
  },
  logger: console,
});

const app = createApp({ target, mbox: process.env.TARGET_MBOX ?? "thank-you-hero", organizationId });
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, "127.0.0.1", () => {
  console.log(
    `Listening on http://127.0.0.1:${port}/ (${mocks ? `Target mocked at ${mocks.url}` : `client ${clientCode}`})`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void mocks?.stop();
  });
}
