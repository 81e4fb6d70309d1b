// The one origin in front of the Prism servers and the fake IMS: routes by path, translates the mock's
// choice headers into Prism's `Prefer`, and picks examples that fit the request.
import { once } from "node:events";
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { deliveryAnswer } from "./delivery.js";
import type { Route } from "./specs.js";
import { createWorkflows, MOCK_WORKFLOW_HEADER, type ShapedAnswer } from "./workflows.js";

/** Request header that picks the status of the mock's answer, e.g. `x-mock-status: 503`. */
export const MOCK_STATUS_HEADER = "x-mock-status";
/** Request header that picks a named example of the spec for the mock's answer, e.g. `x-mock-example: completed`. */
export const MOCK_EXAMPLE_HEADER = "x-mock-example";

/** A batch workload's states, one per status check, so that waiting for one ends in a few polls. */
const WORKLOAD_STATES = ["queued", "processing", "ingesting", "completed"];
const WORKLOAD_PATH = /\/workloads\/decisions\/[^/]+$/;

export interface Router {
  readonly url: string;
  close(): Promise<void>;
}

export async function startRouter(options: {
  readonly routes: readonly Route[];
  /** Origin of each spec's Prism server, by spec name. */
  readonly upstreams: Readonly<Record<string, string>>;
  readonly ims: string;
  readonly port: number;
  readonly host: string;
}): Promise<Router> {
  const agent = new Agent({ keepAlive: false });
  const statusChecks = new Map<string, number>();
  const workflows = createWorkflows();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? "/", "http://mock.invalid").pathname;
      const method = req.method ?? "GET";
      const problem = (status: number, detail: string) => {
        res.writeHead(status, { "content-type": "application/problem+json" });
        res.end(JSON.stringify({ type: "about:blank", title: STATUS_CODES[status] ?? "Error", status, detail }));
      };

      if (path.startsWith("/ims/")) {
        const failure = header(req.headers, MOCK_STATUS_HEADER);
        if (failure !== undefined && /^[45]\d\d$/.test(failure)) {
          res.writeHead(Number(failure), { "content-type": "application/json;charset=utf-8" });
          return res.end(JSON.stringify({ error: "server_error", error_description: "x-mock-status asked for it" }));
        }
        return forward(options.ims, req.headers, body);
      }
      const route = options.routes.find((candidate) => candidate.pattern.test(path));
      const upstream = route && options.upstreams[route.spec];
      if (!route || !upstream) return problem(404, `no mocked API serves ${path}`);

      const headers: IncomingHttpHeaders = { ...req.headers };
      const prefer = new Map<string, string>();
      for (const part of header(headers, "prefer")?.split(",") ?? []) {
        const [key, value] = part.split("=").map((piece) => piece.trim());
        if (key && value) prefer.set(key, value);
      }
      const status = header(headers, MOCK_STATUS_HEADER);
      const example = header(headers, MOCK_EXAMPLE_HEADER);
      const workflowFate = header(headers, MOCK_WORKFLOW_HEADER);
      delete headers[MOCK_STATUS_HEADER];
      delete headers[MOCK_EXAMPLE_HEADER];
      delete headers[MOCK_WORKFLOW_HEADER];
      if (status !== undefined) {
        if (!/^[1-5]\d\d$/.test(status)) return problem(400, `${MOCK_STATUS_HEADER} must be an HTTP status`);
        prefer.set("code", status);
      }
      if (workflowFate !== undefined && workflowFate !== "fail") {
        return problem(400, `${MOCK_WORKFLOW_HEADER} must be "fail"`);
      }
      if (example !== undefined) prefer.set("example", example);
      let shaped: ShapedAnswer | undefined;
      if (!prefer.has("example") && !prefer.has("code")) {
        shaped =
          route.spec === "dps"
            ? workflows.answer(method, path, workflowFate === "fail")
            : route.spec === "delivery" && method === "POST"
              ? deliveryAnswer(body)
              : undefined;
        const fitting = shaped ? shaped.example : fittingExample(route.spec, method, path);
        if (fitting) prefer.set("example", fitting);
      }
      const code = prefer.get("code");
      if (code !== undefined) {
        const declared = route.methods.get(method);
        // Prism would answer 500 for a status the spec leaves out; answer it here, in the Platform's problem shape.
        if (declared && !declared.hasDefault && !declared.statuses.has(Number(code))) {
          return problem(Number(code), `answered by @offerkit/mock: ${route.spec} declares no ${code} for ${method}`);
        }
        // Prism ignores `code` unless Accept lists the answer's media type; `*/*` always does.
        headers.accept = headers.accept ? `${headers.accept}, */*` : "*/*";
      }
      if (prefer.size > 0) headers.prefer = [...prefer].map(([key, value]) => `${key}=${value}`).join(", ");
      else delete headers.prefer;
      forward(upstream, headers, body, shaped?.rewrite);
    });

    /** Sends the request on, and its answer back; a 2xx JSON answer through `rewrite` when one is given. */
    function forward(
      origin: string,
      headers: IncomingHttpHeaders,
      body: Buffer,
      rewrite?: (body: Record<string, unknown>) => Record<string, unknown>,
    ) {
      const target = new URL(req.url ?? "/", origin);
      const upstream = httpRequest(
        target,
        { method: req.method, headers: { ...headers, host: target.host }, agent },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (!rewrite || status < 200 || status > 299) {
            res.writeHead(status, answer.headers);
            return answer.pipe(res);
          }
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            let text = Buffer.concat(chunks).toString("utf8");
            try {
              text = JSON.stringify(rewrite(JSON.parse(text) as Record<string, unknown>));
            } catch {} // not JSON: sent as Prism wrote it
            // Its length changed: the new one replaces whatever framing Prism chose.
            const { "transfer-encoding": _, ...answerHeaders } = answer.headers;
            res.writeHead(status, { ...answerHeaders, "content-length": Buffer.byteLength(text) });
            res.end(text);
          });
        },
      );
      upstream.on("error", (error) => {
        if (res.headersSent) return res.destroy();
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`@offerkit/mock: ${error.message}`);
      });
      upstream.end(body);
    }
  });

  /** The example that fits a request whose caller chose none. */
  function fittingExample(spec: string, method: string, path: string): string | undefined {
    if (spec === "ode" && method === "GET" && WORKLOAD_PATH.test(path)) {
      const checks = statusChecks.get(path) ?? 0;
      statusChecks.set(path, checks + 1);
      return WORKLOAD_STATES[Math.min(checks, WORKLOAD_STATES.length - 1)];
    }
    return undefined;
  }

  server.listen(options.port, options.host);
  await once(server, "listening");
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    async close() {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value?.trim();
}
