import type { DeliveryResponse } from "@offerkit/delivery";
import type { TargetDeliveryRequest } from "./request.js";

/** JSON offer attributes per mbox, from a `getAttributes` call. */
export interface Attributes<Result = unknown> {
  /** One attribute of one mbox; `undefined` when the mbox or key is absent (Adobe's SDK returns an `Error`). */
  getValue(mbox: string, key: string): unknown;
  /** Every attribute of one mbox (`{}` when it has none), or of every mbox when no name is given. */
  asObject(mbox?: string): Record<string, unknown>;
  /** Every attribute of every mbox: `{ [mbox]: { [key]: value } }`. */
  toJSON(): Record<string, Record<string, unknown>>;
  /** The whole `getOffers` result, with the cookies to set. */
  getResponse(): Result;
}

const own = (object: object, key: string) => Object.hasOwn(object, key);

/** Merges the `json` options of every execute and prefetch mbox, later ones winning, as Adobe's SDK does. */
export function createAttributes<Result>(response: DeliveryResponse, result: Result): Attributes<Result> {
  const byMbox: Record<string, Record<string, unknown>> = {};
  for (const mboxes of [response.prefetch?.mboxes, response.execute?.mboxes]) {
    for (const mbox of mboxes ?? []) {
      if (mbox.name === undefined) continue;
      for (const option of mbox.options ?? []) {
        if (option.type === "json" && option.content !== null && typeof option.content === "object") {
          byMbox[mbox.name] = { ...byMbox[mbox.name], ...(option.content as Record<string, unknown>) };
        }
      }
    }
  }
  const all = () => Object.fromEntries(Object.entries(byMbox).map(([name, values]) => [name, { ...values }]));
  return {
    getValue: (mbox, key) => (own(byMbox, mbox) && own(byMbox[mbox] as object, key) ? byMbox[mbox]?.[key] : undefined),
    asObject: (mbox) => (mbox === undefined ? all() : { ...(own(byMbox, mbox) ? byMbox[mbox] : {}) }),
    toJSON: all,
    getResponse: () => result,
  };
}

/**
 * The request with an `execute` entry for every named mbox it does not already ask for (in execute or
 * prefetch), numbered after the highest index given.
 */
export function withMboxes(mboxNames: readonly string[], request: TargetDeliveryRequest): TargetDeliveryRequest {
  const requested = new Set<string>();
  for (const list of [request.execute?.mboxes, request.prefetch?.mboxes]) {
    for (const mbox of list ?? []) if (mbox?.name) requested.add(mbox.name);
  }
  const mboxes = [...(request.execute?.mboxes ?? [])];
  let next = mboxes.reduce((highest, mbox) => Math.max(highest, mbox?.index ?? 0), 0) + 1;
  for (const name of mboxNames) {
    if (requested.has(name)) continue;
    requested.add(name);
    mboxes.push({ name, index: next++ });
  }
  return { ...request, execute: { ...request.execute, mboxes } };
}
