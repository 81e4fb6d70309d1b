// One on-device heap measurement (see suites/on-device-heap.mjs), in a fresh `node --expose-gc`: 100,000 on-device
// decisions (each with its background display notification) through one client from the 500-rule artifact. Prints
// JSON: the heap after GC after a 2,000-decision warm-up, then after every 10,000 decisions.
import { largeArtifact, onDeviceRequest, ourOnDeviceClient } from "./on-device.mjs";

const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
};

const client = await ourOnDeviceClient(largeArtifact());
const options = {
  request: onDeviceRequest(["gen-mbox-3", "gen-mbox-11", "gen-mbox-20", "gen-mbox-34", "gen-mbox-49"]),
  sessionId: "3c1e5b2a9d8f4e6c8b7a6f5e4d3c2b1a",
};
const TOTAL = Number(process.argv[2] ?? 100_000);
const decide = async (count) => {
  for (let i = 0; i < count; i++) {
    await client.getOffers(options);
    // Yield now and then, as a server between requests does, so the background notifications are sent.
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
};
await decide(2_000);
const samples = [await settle()];
for (let done = 0; done < TOTAL; done += 10_000) {
  await decide(10_000);
  samples.push(await settle());
}
client.close();
console.log(JSON.stringify(samples));
process.exit(0);
