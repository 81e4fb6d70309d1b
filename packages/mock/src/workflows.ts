// Decisioning Migration workflows that progress on the mocks: each one started gets its own id and goes New →
// Running → Completed (or Failed, when the start asked for it), one status check at a time, as ODE workloads do.
import { randomUUID } from "node:crypto";

/**
 * Request header on a workflow start (`POST /workflows/…`) that makes that workflow fail: `x-mock-workflow: fail`.
 * Its status checks then answer `Running`, then `Failed` with the spec's example errors.
 */
export const MOCK_WORKFLOW_HEADER = "x-mock-workflow";

/** The states a started workflow's status checks answer, in order (the last one repeats). */
const PROGRESS = ["running", "running", "completed"] as const;
const FAILING = ["running", "failed"] as const;

const WORKFLOW_PATH = /^\/workflows\/(generate-dependencies|migration|rollback)(?:\/([^/]+))?$/;

/**
 * How the router answers a request it shapes (a migration workflow's, a Delivery call's): with the spec's example
 * `example`, its body passed through `rewrite`.
 */
export interface ShapedAnswer {
  readonly example: string | undefined;
  /** Applied to a 2xx JSON answer before it is sent. */
  readonly rewrite: (body: Record<string, unknown>) => Record<string, unknown>;
}

export interface Workflows {
  /**
   * The answer to a request on the migration API's paths: a start (which gets a fresh id and is remembered once its
   * answer is 2xx) or a status check of a workflow these mocks started. Undefined for anything else, which Prism
   * answers with the spec's examples as usual.
   */
  answer(method: string, path: string, fail: boolean): ShapedAnswer | undefined;
}

export function createWorkflows(): Workflows {
  /** Status checks made so far and whether it fails, by `<kind>/<id>`. */
  const started = new Map<string, { checks: number; readonly fails: boolean }>();
  return {
    answer(method, path, fail) {
      const [, kind, id] = WORKFLOW_PATH.exec(path) ?? [];
      if (kind === undefined) return undefined;
      if (method === "POST" && id === undefined) {
        return {
          example: undefined,
          rewrite: (body) => {
            const fresh = randomUUID();
            started.set(`${kind}/${fresh}`, { checks: 0, fails: fail });
            return withId(body, kind, fresh);
          },
        };
      }
      const workflow = method === "GET" && id !== undefined ? started.get(`${kind}/${id}`) : undefined;
      if (!workflow) return undefined;
      const states = workflow.fails ? FAILING : PROGRESS;
      const state = states[Math.min(workflow.checks++, states.length - 1)];
      // The spec has no failed rollback example: a running one, marked failed.
      const synthetic = state === "failed" && kind === "rollback";
      return {
        example: synthetic ? "running" : state,
        rewrite: (body) => {
          const answer = withId(body, kind, id as string);
          if (!synthetic) return answer;
          const message = "answered by @offerkit/mock: x-mock-workflow asked this rollback to fail";
          return { ...answer, status: "Failed", result: { error: message }, errors: [{ message }] };
        },
      };
    },
  };
}

function withId(body: Record<string, unknown>, kind: string, id: string): Record<string, unknown> {
  return { ...body, id, _links: { self: { href: `/workflows/${kind}/${id}` } } };
}
