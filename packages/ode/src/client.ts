import {
  type PlatformCallOptions,
  type PlatformClientOptions,
  ValidationError,
  type WithMetadata,
} from "@offerkit/core";
import {
  checkedLater,
  createRunner,
  type OptionCheck,
  PLATFORM_CALL_OPTION_CHECKS,
  setUpPlatformClient,
  withChecks,
  withConnection,
} from "@offerkit/core/internal";
import type { FetchResponse } from "openapi-fetch";
import { requestRules } from "./generated/request-rules.js";
import type { operations, paths } from "./generated/schema.js";
import type { WorkloadRequest, WorkloadStatus } from "./types.js";
import { VERSION } from "./version.js";

type WorkloadPath = keyof paths;
type StartBodyMediaType = keyof NonNullable<operations["startWorkload"]["requestBody"]>["content"];

/** Batch Decisioning speaks plain JSON; Adobe's examples send it as Content-Type on every request, GETs included. */
export const WORKLOAD_MEDIA_TYPE = "application/json" as const satisfies StartBodyMediaType;

/** The two documented generations of the API. */
export const WORKLOAD_PATHS = {
  container: {
    start: "/data/core/ode/{containerId}/workloads/decisions",
    get: "/data/core/ode/{containerId}/workloads/decisions/{workloadId}",
  },
  dwm: {
    start: "/data/core/dwm/workloads/decisions",
    get: "/data/core/dwm/workloads/decisions/{workloadId}",
  },
} as const satisfies Record<string, Record<"start" | "get", WorkloadPath>>;

/**
 * `"container"`: `/data/core/ode/{containerId}/workloads/decisions` (2022 docs, needs the Offer Library container id).
 * `"dwm"`: `/data/core/dwm/workloads/decisions` (the newest docs, no container).
 */
export type OdeEndpoint = keyof typeof WORKLOAD_PATHS;

/** The operation ids of `specs/ode.yaml`. */
export type OdeOperationId = keyof operations;

/**
 * Options of `createOdeClient`: credentials, org, sandbox, which endpoint generation to call, and how calls are sent.
 */
export interface OdeClientOptions extends PlatformClientOptions<OdeOperationId> {
  /**
   * Which generation of the API to call. Default: `"container"` when `containerId` is given, else `"dwm"`.
   * Choosing `"container"` makes a container id mandatory, here or per call.
   */
  readonly endpoint?: OdeEndpoint | undefined;
  /** The Offer Library (xcore) container that holds the decisions, a UUID. */
  readonly containerId?: string | undefined;
}

/** Per-call options of `startWorkload` and `getWorkload`: cancellation, timeout, retries, sandbox, container. */
export interface OdeCallOptions extends PlatformCallOptions {
  /** Container for this call only (`"container"` endpoint). */
  readonly containerId?: string | undefined;
}

/** What `startWorkload` resolves to: openapi-fetch's `{ data, error, response }`, typed by the spec, and `metadata`. */
export type StartWorkloadResult = WithMetadata<
  FetchResponse<operations["startWorkload"], { body: WorkloadRequest }, typeof WORKLOAD_MEDIA_TYPE>
>;
/** What `getWorkload` resolves to. */
export type GetWorkloadResult = WithMetadata<
  FetchResponse<operations["getWorkload"], object, typeof WORKLOAD_MEDIA_TYPE>
>;

/** A Batch Decisioning (workloads) client, from `createOdeClient`. */
export interface OdeClient {
  /**
   * Starts a batch decision workload: the best options for every profile of one audience, written to a dataset.
   * Resolves with the workload (status `QUEUED`) as `data`; poll `getWorkload` until it is `COMPLETED` or `ERROR`.
   * Not retried unless `retry: { retryNonIdempotent: true }`: a repeated POST starts a second workload.
   */
  startWorkload(request: WorkloadRequest, options?: OdeCallOptions): Promise<StartWorkloadResult>;
  /** Reads a workload's status. Retried on network errors, 429 and 5xx. */
  getWorkload(workloadId: string, options?: OdeCallOptions): Promise<GetWorkloadResult>;
  /** The generation of the API this client calls. */
  readonly endpoint: OdeEndpoint;
  readonly baseUrl: string;
}

const TERMINAL: ReadonlySet<WorkloadStatus> = new Set<WorkloadStatus>(["COMPLETED", "ERROR"]);

/** Whether a workload has stopped changing: `COMPLETED` or `ERROR`. */
export function isTerminalStatus(status: WorkloadStatus): boolean {
  return TERMINAL.has(status);
}

const CALL_CHECKS = /* @__PURE__ */ withChecks(PLATFORM_CALL_OPTION_CHECKS, { containerId: checkedLater }) as Record<
  keyof OdeCallOptions,
  OptionCheck
>;

/**
 * A client for Adobe's Batch Decisioning API. Authenticates with IMS (or the token you give), sends the org,
 * sandbox and a fresh `x-request-id` with every call, and refuses bad input before the network.
 */
export function createOdeClient(options: OdeClientOptions): OdeClient {
  const connection = setUpPlatformClient(options, {
    packageName: "ode",
    version: VERSION,
    rules: requestRules,
    headerRulesOf: "startWorkload",
    // Checked below with their own wording.
    optionChecks: { endpoint: checkedLater, containerId: checkedLater },
  });
  const endpoint = options.endpoint ?? (options.containerId === undefined ? "dwm" : "container");
  if (endpoint !== "container" && endpoint !== "dwm") {
    throw new ValidationError("endpoint", '"container" or "dwm"');
  }
  if (options.containerId !== undefined) checkPathId(options.containerId, "containerId");

  /** The container of one call, checked; undefined on the dwm endpoint. */
  function containerFor(call: OdeCallOptions | undefined): string | undefined {
    if (endpoint === "dwm") {
      if (call?.containerId !== undefined) {
        throw new ValidationError("options.containerId", 'left out: the "dwm" endpoint has no container');
      }
      return undefined;
    }
    if (call?.containerId !== undefined) return checkPathId(call.containerId, "options.containerId");
    if (options.containerId === undefined) {
      throw new ValidationError(
        "containerId",
        'the Offer Library container id (a UUID) for the "container" endpoint, given to createOdeClient or per call',
      );
    }
    return options.containerId;
  }

  const run = createRunner({ ...connection, callChecks: CALL_CHECKS });
  const mediaTypes = { accept: WORKLOAD_MEDIA_TYPE, contentType: WORKLOAD_MEDIA_TYPE };
  return withConnection(
    {
      endpoint,
      baseUrl: connection.baseUrl,
      startWorkload: (request, call) =>
        run(call, "startWorkload", () => {
          const containerId = containerFor(call);
          return {
            method: "POST",
            path: containerId === undefined ? WORKLOAD_PATHS.dwm.start : WORKLOAD_PATHS.container.start,
            pathParams: containerId === undefined ? undefined : { containerId },
            body: request,
            ...mediaTypes,
          };
        }),
      getWorkload: (workloadId, call) =>
        run(call, "getWorkload", () => {
          checkPathId(workloadId, "workloadId");
          const containerId = containerFor(call);
          const pathParams: Record<string, string> =
            containerId === undefined ? { workloadId } : { containerId, workloadId };
          return {
            method: "GET",
            path: containerId === undefined ? WORKLOAD_PATHS.dwm.get : WORKLOAD_PATHS.container.get,
            pathParams,
            ...mediaTypes,
          };
        }),
    } satisfies OdeClient,
    connection,
  );
}

/**
 * Ids go into the path percent-encoded, so `/` or `?` stay inside their segment; the spec's rule
 * refuses the empty id and `.`/`..`, which URL parsers would collapse into another endpoint.
 */
function checkPathId(value: unknown, field: string): string {
  requestRules.getContainerWorkload.path[field === "workloadId" ? "workloadId" : "containerId"](value, field);
  return value as string;
}
