import { FAKE_IMS_CLIENT, startFakeIms } from "./fake-ims.js";
import { startPrismMock } from "./prism.js";
import { listSpecs, MOCK_PORTS } from "./specs.js";

// `pnpm mock`: every spec on a fixed, printed port, until Ctrl-C.
const host = process.env.MOCK_HOST ?? "127.0.0.1";
const specs = listSpecs();
let nextPort = Math.max(...Object.values(MOCK_PORTS)) + 1;
const FAKE_IMS_PORT = 4019;
const mocks = await Promise.all(
  specs.map(async (spec) => {
    const port = MOCK_PORTS[spec] ?? nextPort++;
    const mock = await startPrismMock({ spec, port, host });
    return { spec, mock };
  }),
);
const ims = await startFakeIms({ port: FAKE_IMS_PORT, host });
for (const { spec, mock } of mocks) console.log(`${spec.padEnd(10)} ${mock.url}   (specs/${spec}.yaml)`);
console.log(
  `${"ims".padEnd(10)} ${ims.url}   (fake IMS: imsHost, clientId ${FAKE_IMS_CLIENT.clientId}, clientSecret ${FAKE_IMS_CLIENT.clientSecret})`,
);
console.log(
  "Prism mocks are up. Send `Prefer: code=400` or `Prefer: example=<name>` to pick a response. Ctrl-C stops.",
);

async function stop() {
  await Promise.all([...mocks.map(({ mock }) => mock.close()), ims.close()]);
  process.exit(0);
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
