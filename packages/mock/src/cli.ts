// offerkit-mock: the mocks on one origin until Ctrl-C, SIGTERM, or the process that started it goes away.
import { parseArgs } from "node:util";
import { MOCK_EXAMPLE_HEADER, MOCK_STATUS_HEADER } from "./router.js";
import { VERSION } from "./version.js";

// Read before any await: a parent killed while the mocks start must still be noticed (see the watch below).
const parent = process.ppid;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.MOCK_PORT ?? "4010" },
    host: { type: "string", default: process.env.MOCK_HOST ?? "127.0.0.1" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`offerkit-mock ${VERSION}: Adobe's Target, Offer Decisioning, Batch Decisioning, Offer Library and IMS, mocked

  --port <n>   port of the one origin (default 4010, or MOCK_PORT; 0 picks a free one)
  --host <h>   interface (default 127.0.0.1, or MOCK_HOST)`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`offerkit-mock: --port must be a port number, got ${values.port}`);
  process.exit(2);
}

// Loaded after the arguments are checked: Prism takes a second or more to import.
const { startMocks } = await import("./mocks.js");
const mocks = await startMocks({ port, host: values.host });
const { credentials } = mocks;
console.log(`offerkit-mock listening on ${mocks.url}
  Target:    createTargetClient({ client: "demo", fetch: mockFetch({ url: "${mocks.url}" }) })   (mockFetch from @offerkit/mock)
  Platform:  createOfferkit({ baseUrl: "${mocks.url}", imsOrgId: "${credentials.imsOrgId}", sandboxName: "${credentials.sandboxName}",
               auth: { clientId: "${credentials.clientId}", clientSecret: "${credentials.clientSecret}", scopes: [${credentials.scopes.map((s) => `"${s}"`).join(", ")}], imsHost: "${mocks.url}" } })
  Errors:    send "${MOCK_STATUS_HEADER}: 503" (any status) or "${MOCK_EXAMPLE_HEADER}: <name>" with a request.
  Behind it: ${Object.entries(mocks.specs)
    .map(([spec, url]) => `${spec} ${url}`)
    .join(", ")}
Ctrl-C stops.`);

let stopping = false;
async function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(watch);
  await mocks.stop();
  console.log(`offerkit-mock stopped (${reason})`);
  process.exit(0);
}
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGHUP", () => void stop("SIGHUP"));
// A wrapper (pnpm, a test runner) killed by its process id does not pass the signal on: when the parent goes,
// this process is handed to another one, and stops too instead of keeping the ports.
const watch = setInterval(() => {
  if (process.ppid !== parent) void stop("parent process exited");
}, 500);
