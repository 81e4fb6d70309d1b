// Waiters for the Decisioning Migration API's workflows (dependency analysis, migration, rollback), on the
// facade's shared status waiter: poll until Completed, fail typed on Failed.
import { type Acceptor, OfferkitError } from "@offerkit/core";
import type { DpsCallOptions, DpsClient, MigrationClient, Workflow, WorkflowStatus } from "@offerkit/dps";
import { type CheckTiming, clientWith, describeDetail, type WaiterOptions, waitForStatus } from "./status-waiter.js";

/**
 * What the migration waiters wait with when not told otherwise. Adobe gives no duration for any workflow
 * (UNDOCUMENTED): checks start 2 s apart and back off to one every 30 s; after an hour without a final status the
 * waiter gives up (a large sandbox may need a longer `maxWaitTime`).
 */
export const WORKFLOW_WAITER_DEFAULTS = { minDelay: 2_000, maxDelay: 30_000, maxWaitTime: 3_600_000 } as const; // one hour, a literal so bundlers can keep it out of a chunk

/** Which of the three workflows a waiter polls. */
export type WorkflowKind = "dependency analysis" | "migration" | "rollback";

/** Reported after every status check. */
export interface WorkflowProgress extends CheckTiming {
  readonly kind: WorkflowKind;
  readonly status: WorkflowStatus;
  readonly workflow: Workflow;
}

/** How to wait; every duration is in milliseconds. Defaults: `WORKFLOW_WAITER_DEFAULTS`. */
export interface WorkflowWaiterOptions extends WaiterOptions<WorkflowProgress> {}

export interface WorkflowWaiterConfig extends WorkflowWaiterOptions {
  /** The Decisioning client (`createDpsClient`, or `offerkit.dps`): its `migration` calls are used. */
  readonly client: Pick<DpsClient, "migration">;
}

/** Which workflow to wait for, and what each status call sends besides the client's defaults. */
export interface WorkflowWaiterInput extends Pick<DpsCallOptions, "headers" | "timeout"> {
  /** The `id` of the workflow its start call answered with. */
  readonly workflowId: string;
}

/**
 * The workflow reached `Failed`. `errors` is what the server listed (`errors`, else `result.error`); its shape is
 * UNDOCUMENTED, so it is kept as sent.
 */
export class WorkflowFailedError extends OfferkitError {
  override name = "WorkflowFailedError";
  readonly kind: WorkflowKind;
  readonly workflowId: string;
  readonly status: WorkflowStatus;
  readonly errors: readonly Readonly<Record<string, unknown>>[];
  readonly workflow: Workflow;
  /** The request id of the status call that reported the failure, for Adobe support. */
  readonly requestId: string | undefined;

  constructor(kind: WorkflowKind, workflow: Workflow, requestId: string | undefined) {
    const errors = errorsOf(workflow);
    const detail = describeDetail(errors[0]);
    super(
      `Decisioning ${kind} workflow ${workflow.id} ended with status ${workflow.status}${detail ? `: ${detail}` : ""}${requestId ? ` (request id ${requestId})` : ""}. ${ADVICE[kind]}`,
    );
    this.kind = kind;
    this.workflowId = workflow.id;
    this.status = workflow.status;
    this.errors = errors;
    this.workflow = workflow;
    this.requestId = requestId;
  }
}

// Whether a failed migration or rollback left objects behind is UNDOCUMENTED: say where to look.
const ADVICE: Readonly<Record<WorkflowKind, string>> = {
  "dependency analysis": "Check the org and the source and target sandboxes, then start a new analysis.",
  migration:
    "Check the dependency mappings (every profile and context attribute, segment and the dataset), then start a new migration; objects it may have created are named ExD_… in the target sandbox.",
  rollback: "Check that the id is a completed migration's, then start the rollback again.",
};

function errorsOf(workflow: Workflow): readonly Readonly<Record<string, unknown>>[] {
  if (Array.isArray(workflow.errors) && workflow.errors.length > 0) return workflow.errors;
  const error = (workflow.result as { readonly error?: unknown } | undefined)?.error;
  if (error && typeof error === "object") return [error as Record<string, unknown>];
  return typeof error === "string" ? [{ message: error }] : [];
}

/** `Completed` ends waiting, `Failed` fails it, every other status (`New`, `Running`, any new one) means not yet. */
export const workflowCompleteAcceptor: Acceptor<Workflow> = ({ status }) =>
  status === "Completed" ? "success" : status === "Failed" ? "failure" : "retry";

const STATUS_CALLS = {
  "dependency analysis": "getDependencyAnalysis",
  migration: "getMigration",
  rollback: "getRollback",
} as const satisfies Record<WorkflowKind, keyof MigrationClient>;

async function waitForWorkflow(
  kind: WorkflowKind,
  config: WorkflowWaiterConfig,
  input: WorkflowWaiterInput,
): Promise<Workflow> {
  const method = STATUS_CALLS[kind];
  const { workflowId, ...callOptions } = input;
  const outcome = await waitForStatus(config, {
    checkClient: (client, field) =>
      clientWith(method, "a Decisioning client from createDpsClient (or offerkit.dps)")(
        (client as Partial<WorkflowWaiterConfig["client"]> | undefined)?.migration,
        field,
      ),
    defaults: WORKFLOW_WAITER_DEFAULTS,
    call: (client, signal) => client.migration[method](workflowId, { ...callOptions, signal }),
    hasStatus: (workflow) => typeof workflow.status === "string",
    missingStatus: `a ${kind} workflow without a status`,
    acceptor: workflowCompleteAcceptor,
    progress: ({ result, ...check }): WorkflowProgress => ({ kind, status: result.status, workflow: result, ...check }),
  });
  if (outcome.state === "failure") throw new WorkflowFailedError(kind, outcome.result, outcome.requestId);
  return outcome.result;
}

/**
 * Polls a dependency analysis (`migration.startDependencyAnalysis`) until it is `Completed` and resolves with it:
 * its `result` is what the migration's `dependency` mappings are built from. Throws `WorkflowFailedError` as soon as
 * it reports `Failed`, `TimeoutError` when the next check would fall after `maxWaitTime` (without sending it),
 * `AbortError` when `signal` fires, and the status call's own error (`ApiError` with status and request id, ...)
 * when the call fails: network errors, 429 and 5xx have then already been retried by the client.
 */
export function waitUntilDependencyAnalysisComplete(
  config: WorkflowWaiterConfig,
  input: WorkflowWaiterInput,
): Promise<Workflow> {
  return waitForWorkflow("dependency analysis", config, input);
}

/**
 * Polls a migration (`migration.startMigration`) until it is `Completed`; otherwise as
 * `waitUntilDependencyAnalysisComplete`. A completed migration can be undone with `migration.startRollback(id)`.
 */
export function waitUntilMigrationComplete(
  config: WorkflowWaiterConfig,
  input: WorkflowWaiterInput,
): Promise<Workflow> {
  return waitForWorkflow("migration", config, input);
}

/**
 * Polls a rollback (`migration.startRollback`) until it is `Completed`; `workflowId` is the rollback's own id (the
 * start call's answer), not the migration's. Otherwise as `waitUntilDependencyAnalysisComplete`.
 */
export function waitUntilRollbackComplete(config: WorkflowWaiterConfig, input: WorkflowWaiterInput): Promise<Workflow> {
  return waitForWorkflow("rollback", config, input);
}
