import { describe, expect, it } from "vitest";
import { type DecisionResponse, etagOf, type Option, propositionIdOf } from "../src/index.js";

const answer = (fields: Omit<DecisionResponse, "xdm:propositions">): DecisionResponse => ({
  ...fields,
  "xdm:propositions": [],
});

describe("propositionIdOf", () => {
  it("reads the current spelling", () => {
    expect(propositionIdOf(answer({ "xdm:propositionId": "id-1" }))).toBe("id-1");
  });

  it("reads the 2020 spelling", () => {
    expect(propositionIdOf(answer({ "xdm:propositionID": "id-2" }))).toBe("id-2");
  });

  it("prefers the current spelling when an answer carries both", () => {
    expect(propositionIdOf({ "xdm:propositionId": "current", "xdm:propositionID": "legacy" })).toBe("current");
  });

  it("keeps an empty id rather than falling through to the other spelling", () => {
    expect(propositionIdOf({ "xdm:propositionId": "", "xdm:propositionID": "legacy" })).toBe("");
  });

  it("is undefined when the answer has neither", () => {
    expect(propositionIdOf(answer({}))).toBeUndefined();
  });
});

describe("etagOf", () => {
  it.each([
    [4, "4"],
    ["4", "4"],
    [0, "0"],
    ["", ""],
    ['W/"a1"', 'W/"a1"'],
  ])("gives %o as %o", (etag, text) => {
    expect(etagOf({ "repo:etag": etag })).toBe(text);
  });

  it("makes an integer etag and its text form equal", () => {
    const current: Option = { "xdm:id": "o", "repo:etag": 7 };
    const legacy: Option = { "xdm:id": "o", "repo:etag": "7" };
    expect(etagOf(current)).toBe(etagOf(legacy));
  });

  it("is undefined for an entity without an etag (an Offer Library receipt may have none)", () => {
    expect(etagOf({})).toBeUndefined();
    expect(etagOf({ "repo:etag": undefined })).toBeUndefined();
  });
});
