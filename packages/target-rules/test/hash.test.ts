import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocation, murmur3Utf16 } from "../src/index.js";

/** Textbook MurmurHash3_x86_32 over bytes, written independently of the engine's code-unit version. */
function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  let h = seed >>> 0;
  const blocks = bytes.length - (bytes.length % 4);
  const mix = (k: number) => Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  for (let i = 0; i < blocks; i += 4) {
    const k = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24);
    h ^= mix(k);
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = bytes.length & 3;
  if (rest > 0) {
    let tail = 0;
    for (let i = rest - 1; i >= 0; i--) tail = (tail << 8) | (bytes[blocks + i] ?? 0);
    h ^= mix(tail);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >>> 8;
  }
  return bytes;
};

describe("murmur3Utf16", () => {
  it("matches the vectors of Adobe's engines", () => {
    expect(murmur3Utf16("someClientId.123456.tntId123.salty")).toBe(-1846592194);
  });

  it("is not the UTF-8 hash common npm packages compute", () => {
    const text = "someClientId.123456.tntId123.salty";
    expect(murmur3Bytes(new TextEncoder().encode(text))).toBe(-785716448);
    expect(murmur3Utf16(text)).not.toBe(-785716448);
  });

  it("equals MurmurHash3_x86_32 over the UTF-16LE bytes, for any string (odd lengths, surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(murmur3Utf16(text)).toBe(murmur3Bytes(utf16le(text)));
      }),
      { seed: 7, numRuns: 500 },
    );
    expect(murmur3Utf16("")).toBe(0);
  });
});

describe("allocation", () => {
  it("buckets a visitor as Target does (two decimals, 0 to 99.99)", () => {
    // The TRACE suite's expectation for this visitor (a thirdPartyId, used whole) in activity 125873.
    expect(allocation("someClientId", 125873, "338e3c1e51f7416a8e1ccba4f81acea0.28_0")).toBe(48.44);
    const bucket = Math.abs(murmur3Utf16("someClientId.125871.338e3c1e51f7416a8e1ccba4f81acea0.28_0.0")) % 10000;
    expect(bucket / 100).toBe(87.67);
  });

  it("stays within [0, 99.99]", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.uuid(), (client, activity, visitor) => {
        const value = allocation(client, activity, visitor);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(99.99);
        expect(Math.round(value * 100)).toBeCloseTo(value * 100, 6);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
