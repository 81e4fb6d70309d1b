// Waits for a batch decision workload (ODE) until it is COMPLETED, on the facade's shared status waiter.
import { type Acceptor, OfferkitError } from "@offerkit/core";
import {
  isTerminalStatus,
  type OdeCallOptions,
  type OdeClient,
  type Workload,
  type WorkloadStatus,
  type WorkloadStatusDetail,
} from "@offerkit/ode";
import { type CheckTiming, clientWith, describeDetail, type WaiterOptions, waitForStatus } from "./status-waiter.js";

/**
 * What `waitUntilWorkloadComplete` waits with when not told otherwise. Adobe reports runs of 6 to 75 minutes and
 * suggests polling about once a minute: checks start 2 s apart and back off to one a minute; after two hours
 * without a final status the waiter gives up.
 */
export const WORKLOAD_WAITER_DEFAULTS = { minDelay: 2_000, maxDelay: 60_000, maxWaitTime: 7_200_000 } as const; // two hours, written as a literal so bundlers can keep it out of a chunk

/** Reported after every status check. */
export interface WorkloadProgress extends CheckTiming {
  readonly status: WorkloadStatus;
  readonly workload: Workload;
}

/** How to wait; every duration is in milliseconds. Defaults: `WORKLOAD_WAITER_DEFAULTS`. */
export interface WorkloadWaiterOptions extends WaiterOptions<WorkloadProgress> {}

export interface WorkloadWaiterConfig extends WorkloadWaiterOptions {
  /** The Batch Decisioning client (`createOdeClient`, or `offerkit.ode`). */
  readonly client: Pick<OdeClient, "getWorkload">;
}

/** Which workload to wait for, and what each status call sends besides the client's defaults. */
export interface WorkloadWaiterInput
  extends Pick<OdeCallOptions, "containerId" | "sandboxName" | "headers" | "timeout"> {
  /** The `@id` that `startWorkload` answered with. */
  readonly workloadId: string;
}

/** The workload reached `ERROR`. `statusDetail` is what the server said about it (its shape is undocumented). */
export class WorkloadFailedError extends OfferkitError {
  override name = "WorkloadFailedError";
  readonly workloadId: string;
  readonly status: WorkloadStatus;
  readonly statusDetail: WorkloadStatusDetail | undefined;
  readonly workload: Workload;
  /** The request id of the status call that reported the failure, for Adobe support. */
  readonly requestId: string | undefined;

  constructor(workload: Workload, requestId: string | undefined) {
    const detail = describeDetail(workload["ode:statusDetail"]);
    super(
      `Batch decision workload ${workload["@id"]} ended with status ${workload["ode:status"]}${detail ? `: ${detail}` : ""}${requestId ? ` (request id ${requestId})` : ""}. Check the audience, the output dataset and the decision scopes, then start a new workload.`,
    );
    this.workloadId = workload["@id"];
    this.status = workload["ode:status"];
    this.statusDetail = workload["ode:statusDetail"];
    this.workload = workload;
    this.requestId = requestId;
  }
}

/**
 * `COMPLETED` ends waiting, the other terminal status (`ERROR`, as the ODE client knows them) fails it, every other
 * status (known or not yet known) means not yet.
 */
export const workloadCompleteAcceptor: Acceptor<Workload> = ({ "ode:status": status }) =>
  status === "COMPLETED" ? "success" : isTerminalStatus(status) ? "failure" : "retry";

const checkClient = /* @__PURE__ */ clientWith(
  "getWorkload",
  "a Batch Decisioning client from createOdeClient (or offerkit.ode)",
);

/**
 * Polls a batch decision workload until it is `COMPLETED` and resolves with it. Throws `WorkloadFailedError` as
 * soon as it reports `ERROR`, `TimeoutError` when the next check would fall after `maxWaitTime` (without sending
 * it), `AbortError` when `signal` fires, and the status call's own error (`ApiError` with status and request id,
 * `NetworkError`, ...) when the call fails: network errors, 429 and 5xx have then already been retried by the
 * client, and every other failure (404 for an unknown id, 401/403) will not get better by asking again.
 */
export async function waitUntilWorkloadComplete(
  config: WorkloadWaiterConfig,
  input: WorkloadWaiterInput,
): Promise<Workload> {
  const { workloadId, ...callOptions } = input;
  const outcome = await waitForStatus(config, {
    checkClient,
    defaults: WORKLOAD_WAITER_DEFAULTS,
    call: (client, signal) => client.getWorkload(workloadId, { ...callOptions, signal }),
    hasStatus: (workload) => typeof workload["ode:status"] === "string",
    missingStatus: "a workload without ode:status",
    acceptor: workloadCompleteAcceptor,
    progress: ({ result, ...check }): WorkloadProgress => ({
      status: result["ode:status"],
      workload: result,
      ...check,
    }),
  });
  if (outcome.state === "failure") throw new WorkloadFailedError(outcome.result, outcome.requestId);
  return outcome.result;
}
