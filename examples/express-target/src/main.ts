// Server-side Target on node:http. With TARGET_CLIENT_CODE set it calls your real Target edge; without it, an
// embedded Prism mock of specs/delivery.yaml answers (no Adobe account needed). Open http://127.0.0.1:3000/ twice:
// the second visit reuses the session from the mbox cookie and goes to the edge cluster the first one named.
import { createServer } from "node:http";
import { createTargetClient } from "@offerkit/sdk";
import { startPrismMock } from "@offerkit/testkit";
import { createTargetHandler } from "./app.js";
import { localEdgesFetch } from "./local-edges.js";

const clientCode = process.env.TARGET_CLIENT_CODE;
const organizationId = process.env.TARGET_ORG_ID || undefined;
const mock = clientCode ? undefined : await startPrismMock({ spec: "delivery" });

const target = createTargetClient({
  client: clientCode ?? "demo",
  organizationId,
  ...(mock
    ? {
        serverDomain: new URL(mock.url).host,
        secure: false,
        fetch: localEdgesFetch(mock.url, (url) => console.log(`  Target call to ${url.host}`)),
      }
    : { serverDomain: process.env.TARGET_SERVER_DOMAIN || undefined }),
  propertyToken: process.env.TARGET_PROPERTY_TOKEN || undefined,
  logger: console,
});

const handler = createTargetHandler({ target, mbox: process.env.TARGET_MBOX ?? "thank-you-hero", organizationId });
const port = Number(process.env.PORT ?? 3000);
const server = createServer((request, response) => void handler(request, response));
server.listen(port, "127.0.0.1", () => {
  console.log(
    `Listening on http://127.0.0.1:${port}/ (${mock ? `Target mock at ${mock.url}` : `client ${clientCode}`})`,
  );
});
process.once("SIGINT", () => {
  server.close();
  void mock?.close();
});
