// MurmurHash3 x86 32-bit over UTF-16 code units (two code units per 32-bit block), as Target's edge and Adobe's
// engines hash allocation keys. Common npm murmurhash packages hash UTF-8 bytes and give different buckets.

/** Signed 32-bit MurmurHash3_x86_32 of the string's UTF-16LE code units. */
export function murmur3Utf16(text: string, seed = 0): number {
  const length = text.length;
  let h = seed | 0;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    h ^= mixK(text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < length) h ^= mixK(text.charCodeAt(i));
  h ^= length * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function mixK(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

/** Target's allocation for a visitor in an activity: a bucket 0–9999 of the hash, as a percentage with two decimals. */
export function allocation(clientCode: string, activityId: unknown, visitorId: string): number {
  const bucket = Math.abs(murmur3Utf16(`${clientCode}.${activityId}.${visitorId}.0`)) % 10000;
  return Math.round((bucket / 10000) * 100 * 100) / 100;
}
