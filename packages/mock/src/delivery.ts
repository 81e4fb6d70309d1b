// Target Delivery answers shaped to the request they answer, as Target's are: one entry per mbox asked for (with its
// name and index), page load and views only when asked for, the request's own requestId and visitor's tntId, an
// acknowledgement per notification sent. The content comes from the spec's examples.
import { mockSpecDocument } from "./specs.js";
import type { ShapedAnswer } from "./workflows.js";

type Json = Record<string, unknown>;

interface Section {
  readonly pageLoad?: unknown;
  readonly views?: unknown;
  readonly mboxes?: unknown;
  readonly metrics?: unknown;
}

interface DeliveryRequest {
  readonly requestId?: unknown;
  readonly id?: unknown;
  readonly execute?: Section;
  readonly prefetch?: Section;
  readonly notifications?: unknown;
}

/**
 * How the mocks answer a Delivery request whose caller picked no example or status: undefined when the body is not a
 * JSON object (Prism answers that itself).
 */
export function deliveryAnswer(body: Buffer): ShapedAnswer | undefined {
  let request: DeliveryRequest;
  try {
    request = JSON.parse(body.toString("utf8")) as DeliveryRequest;
  } catch {
    return undefined;
  }
  if (!isObject(request)) return undefined;
  const { execute, prefetch, notifications } = request;
  const example = execute
    ? "executeOptions"
    : prefetch
      ? "prefetchViewsAndMboxes"
      : notifications
        ? "notificationsAck"
        : undefined;
  return {
    example,
    rewrite: (answer) => {
      const { execute: _e, prefetch: _p, notifications: _n, ...shaped } = answer;
      const examples = deliveryExamples();
      if (typeof request.requestId === "string") shaped.requestId = request.requestId;
      // A returning visitor keeps its profile id (its PC cookie), as it does with Target.
      const tntId = isObject(request.id) ? request.id.tntId : undefined;
      if (typeof tntId === "string" && isObject(shaped.id)) shaped.id = { ...shaped.id, tntId };
      if (isObject(execute)) shaped.execute = section(execute, examples.execute, false);
      if (isObject(prefetch)) shaped.prefetch = section(prefetch, examples.prefetch, true);
      if (Array.isArray(notifications)) {
        shaped.notifications = notifications.map((notification: unknown) => ({
          id: isObject(notification) ? notification.id : undefined,
        }));
      }
      return shaped;
    },
  };
}

/**
 * One answer section for one request section. Each mbox asked for gets the example mbox of the same name, else the
 * one at its position, else no options (what Target answers when no activity qualifies), under its own name and index.
 */
function section(asked: Section, example: Section, prefetch: boolean): Json {
  const answer: Json = {};
  if (asked.pageLoad && example.pageLoad) answer.pageLoad = example.pageLoad;
  if (prefetch && Array.isArray(asked.views) && Array.isArray(example.views)) {
    // A view asked for by name gets that view; one without a name asks for them all.
    const names = (asked.views as unknown[]).map((view) => (isObject(view) ? view.name : undefined));
    answer.views = names.includes(undefined)
      ? example.views
      : (example.views as unknown[]).filter((view) => isObject(view) && names.includes(view.name));
  }
  if (Array.isArray(asked.mboxes)) {
    const models = Array.isArray(example.mboxes) ? (example.mboxes as unknown[]).filter(isObject) : [];
    answer.mboxes = (asked.mboxes as unknown[]).map((mbox, position) => {
      const { index, name } = isObject(mbox) ? mbox : {};
      const model = models.find((candidate) => candidate.name === name) ?? models[position] ?? {};
      return { ...model, index, name };
    });
  }
  if (prefetch && example.metrics) answer.metrics = example.metrics;
  return answer;
}

let examples: { execute: Section; prefetch: Section } | undefined;

/** The execute and prefetch sections of the spec's 200 examples, read once. */
function deliveryExamples(): { execute: Section; prefetch: Section } {
  if (examples) return examples;
  const spec = mockSpecDocument("delivery") as {
    paths: Record<string, { post: { responses: Record<string, { content: Record<string, { examples: Json }> }> } }>;
  };
  const content = Object.values(spec.paths)[0]?.post.responses["200"]?.content ?? {};
  const named = Object.values(content)[0]?.examples ?? {};
  const value = (name: string) => {
    const example = named[name];
    return isObject(example) && isObject(example.value) ? example.value : {};
  };
  examples = {
    execute: (value("executeOptions").execute ?? {}) as Section,
    prefetch: (value("prefetchViewsAndMboxes").prefetch ?? {}) as Section,
  };
  return examples;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
