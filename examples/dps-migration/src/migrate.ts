// One whole Decisioning Migration through @offerkit/sdk: analyse what the Decision Management objects depend on,
// migrate them into Experience Decisioning with those dependencies mapped, roll the migration back, each step
// waited for with its progress printed.
import type { DpsCallOptions, MigrationDependency, RequestLevel, Workflow } from "@offerkit/dps";
import {
  type Offerkit,
  unwrap,
  WorkflowFailedError,
  type WorkflowProgress,
  type WorkflowWaiterOptions,
} from "@offerkit/sdk";

export interface MigrationPlan {
  readonly imsOrgId: string;
  readonly sourceSandbox: string;
  readonly targetSandbox: string;
  /** Where the migrated decisions' events go (a dataset of the target sandbox). */
  readonly datasetName: string;
  /** `sandbox` moves everything; `offer` and `decision` move the ids listed. Default `sandbox`. */
  readonly level?: RequestLevel | undefined;
  readonly offers?: readonly string[] | undefined;
  readonly decisions?: readonly string[] | undefined;
  /** How the waiters poll. Adobe gives no durations; the defaults back off to one check every 30 s. */
  readonly timing?: Omit<WorkflowWaiterOptions, "onProgress"> | undefined;
  /** Sent with the migration's start call (on the mocks, `x-mock-workflow: fail` makes it fail). */
  readonly startOptions?: DpsCallOptions | undefined;
  /** Roll the migration back once it completed (to try a migration out). Default true. */
  readonly rollBack?: boolean | undefined;
  readonly log: (line: string) => void;
}

export interface MigrationOutcome {
  readonly analysis: Workflow;
  /** The completed migration, or undefined when it failed (`failure` says why). */
  readonly migration: Workflow | undefined;
  readonly rollback: Workflow | undefined;
  readonly failure: WorkflowFailedError | undefined;
}

/**
 * Runs the three workflows in order. An organization runs one workflow at a time (a second start answers 409,
 * `ConflictError`), so each step waits for the one before. A failed migration is reported, not thrown: the
 * rollback is then skipped, since whether a failed migration can be rolled back is UNDOCUMENTED.
 */
export async function runMigration(kit: Offerkit, plan: MigrationPlan): Promise<MigrationOutcome> {
  const { log } = plan;
  const level = plan.level ?? "sandbox";
  const migration = kit.dps.migration;
  const scope = {
    imsOrgId: plan.imsOrgId,
    sourceSandboxDetails: { sandboxName: plan.sourceSandbox },
    targetSandboxDetails: { sandboxName: plan.targetSandbox },
    ...(plan.offers ? { offersList: [...plan.offers] } : {}),
    ...(plan.decisions ? { decisionsList: [...plan.decisions] } : {}),
  };
  const waiting = { ...plan.timing, onProgress: (progress: WorkflowProgress) => log(describe(progress)) };

  const analysisStarted = await unwrap(migration.startDependencyAnalysis(level, scope));
  log(
    `■ dependency analysis ${analysisStarted.id}: ${analysisStarted.status} (${level} level, ${plan.sourceSandbox} → ${plan.targetSandbox})`,
  );
  const analysis = await kit.waitUntilDependencyAnalysisComplete({ workflowId: analysisStarted.id }, waiting);
  const dependency = { ...mappingsFrom(analysis.result), datasetName: plan.datasetName };
  log(
    `  depends on ${Object.keys(dependency.profileAttributes).length} profile attributes, ${Object.keys(dependency.contextAttributes).length} context attributes, ${Object.keys(dependency.segments).length} audiences`,
  );

  const started = await unwrap(
    migration.startMigration(level, { ...scope, createDataStream: false, dependency }, plan.startOptions),
  );
  log(`■ migration ${started.id}: ${started.status}`);
  let migrated: Workflow;
  try {
    migrated = await kit.waitUntilMigrationComplete({ workflowId: started.id }, waiting);
  } catch (error) {
    if (!(error instanceof WorkflowFailedError)) throw error;
    log(`  failed: ${error.errors.map((detail) => JSON.stringify(detail)).join("; ") || "no errors listed"}`);
    log(`  request id ${error.requestId ?? "?"}; look for ExD_ objects it may have left in ${plan.targetSandbox}`);
    return { analysis, migration: undefined, rollback: undefined, failure: error };
  }
  const created = Object.entries(asRecord((migrated.result as { readonly mappings?: unknown } | undefined)?.mappings));
  log(`  migrated ${created.length} objects${created.map(([from, to]) => `\n    ${from} → ${String(to)}`).join("")}`);
  if (plan.rollBack === false) return { analysis, migration: migrated, rollback: undefined, failure: undefined };

  const rollbackStarted = await unwrap(migration.startRollback(migrated.id));
  log(`■ rollback ${rollbackStarted.id} of migration ${migrated.id}: ${rollbackStarted.status}`);
  const rollback = await kit.waitUntilRollbackComplete({ workflowId: rollbackStarted.id }, waiting);
  log(`  rolled back: ${rollback.status}`);
  return { analysis, migration: migrated, rollback, failure: undefined };
}

function describe({ attempt, status, elapsed, nextDelay }: WorkflowProgress): string {
  return `  check ${attempt} after ${elapsed} ms: ${status}${nextDelay === undefined ? "" : `, next in ${nextDelay} ms`}`;
}

/**
 * The migration's `dependency` mappings from a dependency analysis's `result`, each dependency mapped to itself,
 * which fits a migration within one sandbox or into a sandbox that has the same attributes and audiences. Adobe
 * does not document the result's shape: this reads lists of names under `profileAttributes`,
 * `contextAttributes` and `segments` (as the mocks answer) and ignores anything else. Map them yourself when the
 * target sandbox names them differently.
 */
export function mappingsFrom(result: Workflow["result"]): Required<Omit<MigrationDependency, "datasetName">> {
  const names = (key: string) => {
    const value = result?.[key];
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
  };
  const same = (key: string) => Object.fromEntries(names(key).map((name) => [name, name]));
  return {
    profileAttributes: same("profileAttributes"),
    contextAttributes: same("contextAttributes"),
    // `ups`: the Real-Time Customer Profile's audience namespace.
    segments: Object.fromEntries(names("segments").map((id) => [id, { namespace: "ups", id }])),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
