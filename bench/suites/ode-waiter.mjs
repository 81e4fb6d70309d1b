// waitUntilWorkloadComplete (the sdk's batch-workload waiter, over the real ODE client) against a loopback server
// whose workloads complete a known time after they start: how many status requests each waiter sends, and how
// long after completion it resolves (overshoot), against one poll interval (maxDelay, the longest wait between two
// checks; budget: at most one interval). Five waiters run at once, so the jittered backoff is sampled five times.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { createOdeClient, WORKLOAD_MEDIA_TYPE } from "@offerkit/ode";
import { waitUntilWorkloadComplete } from "@offerkit/sdk";
import { result } from "../lib/harness.mjs";

const COMPLETES_AFTER = 3_000;
const TIMING = { minDelay: 100, maxDelay: 400 };
const WAITERS = 5;
const ORG = "0123456789ABCDEF01234567@AdobeOrg";
const CONTAINER_ID = "0948b1c5-fff8-3b76-ba17-909c6b93b5a2";
const STATUS_PATH = new RegExp(`^/data/core/ode/${CONTAINER_ID}/workloads/decisions/([0-9a-f-]{36})$`);

/** Workloads by id: when each completes (performance.now() time) and how many status requests it has had. */
async function startOde() {
  const workloads = new Map();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const workload = workloads.get(STATUS_PATH.exec(req.url ?? "")?.[1]);
      if (req.method !== "GET" || !workload) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"title":"Not Found"}');
        return;
      }
      workload.requests++;
      const now = performance.now();
      const status =
        now >= workload.completesAt
          ? "COMPLETED"
          : now < workload.completesAt - COMPLETES_AFTER + 500
            ? "QUEUED"
            : "PROCESSING";
      res.writeHead(200, { "content-type": WORKLOAD_MEDIA_TYPE, "x-request-id": randomUUID() }).end(
        JSON.stringify({
          "@id": workload.id,
          "xdm:imsOrgId": ORG,
          "ode:createDate": 1_764_532_800_000,
          "ode:status": status,
        }),
      );
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** A new workload that completes COMPLETES_AFTER ms from now. */
    start() {
      const workload = { id: randomUUID(), completesAt: performance.now() + COMPLETES_AFTER, requests: 0 };
      workloads.set(workload.id, workload);
      return workload;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export async function run() {
  const ode = await startOde();
  try {
    const client = createOdeClient({
      auth: { accessToken: "bench-token", apiKey: "bench-api-key" },
      imsOrgId: ORG,
      sandboxName: "prod",
      containerId: CONTAINER_ID,
      baseUrl: ode.origin,
    });
    const outcomes = await Promise.all(
      Array.from({ length: WAITERS }, async () => {
        const workload = ode.start();
        const done = await waitUntilWorkloadComplete({ client, ...TIMING }, { workloadId: workload.id });
        const overshoot = performance.now() - workload.completesAt;
        if (done["ode:status"] !== "COMPLETED" || overshoot < 0)
          throw new Error("ode-waiter: resolved before completion");
        return { overshoot, requests: workload.requests };
      }),
    );
    const overshoots = outcomes.map((outcome) => outcome.overshoot);
    const requests = outcomes.map((outcome) => outcome.requests);
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    // A poller checking every maxDelay from the start: the same worst-case overshoot, as few requests as that allows.
    const fixedInterval = Math.floor(COMPLETES_AFTER / TIMING.maxDelay) + 2;
    return [
      result(
        "ode-waiter overshoot past completion (worst of 5)",
        Math.max(...overshoots),
        TIMING.maxDelay,
        "ms (baseline: one poll interval)",
      ),
      result(
        "ode-waiter overshoot past completion (mean of 5)",
        mean(overshoots),
        TIMING.maxDelay,
        "ms (baseline: one poll interval)",
      ),
      result(
        "ode-waiter requests per workload (mean of 5)",
        mean(requests),
        fixedInterval,
        "requests (baseline: fixed maxDelay polling)",
      ),
    ];
  } finally {
    ode.close();
  }
}
