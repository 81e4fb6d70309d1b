// An Offer Library (xcore) stand-in on 127.0.0.1 for the paging suites: answers every listing page after `latency`
// ms with `pageSize` realistic personalized offers and Adobe's next link, `pages` pages in all.
import { once } from "node:events";
import { createServer } from "node:http";
import { createXcoreClient, PERSONALIZED_OFFER_SCHEMA, RESULTS_MEDIA_TYPE } from "@offerkit/xcore";
import { offerLibraryPage } from "./payloads.mjs";

export { PERSONALIZED_OFFER_SCHEMA };
export const CONTAINER_ID = "0948b1c5-fff8-3b76-ba17-909c6b93b5a2";
const LISTING = new RegExp(`^/data/core/xcore/${CONTAINER_ID}/instances\\?`);

export async function startRepository({ pages, pageSize, latency }) {
  const seen = { count: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      seen.count++;
      if (!LISTING.test(req.url ?? "")) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"title":"not a listing"}');
        return;
      }
      const page = Number(new URL(req.url, "http://127.0.0.1").searchParams.get("start") ?? 0);
      const body = offerLibraryPage({
        containerId: CONTAINER_ID,
        schema: PERSONALIZED_OFFER_SCHEMA,
        page,
        pageSize,
        pages,
      });
      const answer = () => res.writeHead(200, { "content-type": RESULTS_MEDIA_TYPE }).end(body);
      if (latency > 0) setTimeout(answer, latency);
      else answer();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    seen,
    /** The real xcore client, with a fixed token, calling this server. */
    client: createXcoreClient({
      auth: { accessToken: "bench-token", apiKey: "bench-api-key" },
      imsOrgId: "0123456789ABCDEF01234567@AdobeOrg",
      sandboxName: "prod",
      baseUrl: origin,
    }),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
