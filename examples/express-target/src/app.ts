import type { IncomingMessage, ServerResponse } from "node:http";
import { OfferkitError } from "@offerkit/core";
import {
  LOCATION_HINT_COOKIE,
  TARGET_COOKIE,
  type TargetClient,
  type TargetCookie,
  type TargetDeliveryResponse,
} from "@offerkit/sdk";
import express, { type Express } from "express";

type MboxResponse = NonNullable<NonNullable<TargetDeliveryResponse["response"]["execute"]>["mboxes"]>[number];

export interface TargetAppOptions {
  readonly target: TargetClient;
  /** The mbox whose offer the page shows. */
  readonly mbox: string;
  /** Your Experience Cloud org id: the ECID service's cookie is `AMCV_<organizationId>`. */
  readonly organizationId?: string;
}

/** An Express app whose every page is personalised by Target through `createTargetHandler`. */
export function createApp(options: TargetAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  const handler = createTargetHandler(options);
  app.get("/{*page}", (request, response) => void handler(request, response));
  return app;
}

/**
 * A page handler for Express (`app.get(path, handler)`), or plain node:http, which Express's request and
 * response extend. Per request: read the visitor's Target cookies, ask Target for the offer, hand the renewed
 * cookies back to the browser, render the offer.
 */
export function createTargetHandler(options: TargetAppOptions) {
  const { target, mbox, organizationId } = options;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const cookies = readCookies(request.headers.cookie);
    const url = `http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`;
    try {
      const offers = await target.getOffers({
        request: {
          context: { channel: "web", address: { url }, userAgent: request.headers["user-agent"] ?? null },
          execute: { mboxes: [{ name: mbox }] },
        },
        targetCookie: cookies[TARGET_COOKIE],
        targetLocationHint: cookies[LOCATION_HINT_COOKIE],
        visitorCookie: organizationId ? cookies[`AMCV_${organizationId}`] : undefined,
      });
      const setCookies = [offers.targetCookie, offers.targetLocationHintCookie].filter(
        (cookie): cookie is TargetCookie => cookie !== undefined,
      );
      response.setHeader("Set-Cookie", setCookies.map(toSetCookie));
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(
        renderPage(
          mbox,
          offers.response.execute?.mboxes?.find((entry) => entry.name === mbox),
        ),
      );
    } catch (error) {
      // Typed errors say what went wrong (ApiError: Target's status and message; TimeoutError; ...).
      const message = error instanceof OfferkitError ? `${error.name}: ${error.message}` : "unexpected error";
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Target is unavailable (${message})`);
    }
  };
}

/** `Set-Cookie` for a Target cookie. Not HttpOnly: at.js on the page reads and renews the same cookies. */
export function toSetCookie(cookie: TargetCookie): string {
  return `${cookie.name}=${encodeURIComponent(cookie.value)}; Max-Age=${cookie.maxAge}; Path=/; SameSite=Lax`;
}

/** The request's cookies by name (the first of duplicates), values URI-decoded where they decode. */
export function readCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of header?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    const name = pair.slice(0, separator).trim();
    if (name in cookies) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

function renderPage(mbox: string, decided: MboxResponse | undefined): string {
  const offer = decided?.options?.[0];
  const body =
    offer === undefined
      ? "<p>No offer for you today.</p>"
      : offer.type === "html" && typeof offer.content === "string"
        ? // Offer HTML is authored in Target by your own team; render it as the page's content.
          offer.content
        : `<pre>${escapeHtml(JSON.stringify(offer.content, null, 2))}</pre>`;
  return `<!doctype html><html><head><title>${escapeHtml(mbox)}</title></head><body><main data-mbox="${escapeHtml(mbox)}">${body}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
