// Reading a body stream up to a byte limit: the part of the response limit each base fetch shares.
/**
 * Thrown by a body reader that stopped at its byte limit (and closed the body); the read step reports it. Known by
 * its `overLimit` mark rather than `instanceof`, since a base fetch may come from another copy of this module.
 */
export class BodyOverLimit extends Error {
  readonly overLimit = true;
}

export function isOverLimit(error: unknown): boolean {
  return (error as { overLimit?: unknown } | undefined)?.overLimit === true;
}

/** What a body read runs under: the call's signal, and its abort list (see `Call.onAbort`). */
export interface ReadScope {
  readonly signal: AbortSignal;
  onAbort(listener: () => void): void;
}

/**
 * The whole body of a Response, read from its web stream, stopping at `limit` bytes (the body is cancelled, which
 * closes the connection) and when the call aborts (likewise). A read that fails part-way throws an error whose
 * `partial` holds the bytes that did arrive and whose `cause` is why (the Node transport's direct read throws the
 * same shapes).
 */
export async function readBytes(response: Response, limit: number, call: ReadScope): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const { signal } = call;
  const reader = response.body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  // Cancelling a finished read is harmless, so the call's list needs no removal.
  call.onAbort(cancel);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // A cancelled stream reports done: the signal says whether that is the real end.
      if (signal.aborted) throw signal.reason;
      if (done) return concat(chunks, length);
      length += value.byteLength;
      if (length > limit) {
        cancel();
        throw new BodyOverLimit();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (isOverLimit(error) || signal.aborted) throw error;
    throw Object.assign(new Error("body read failed", { cause: error }), { partial: concat(chunks, length) });
  }
}

export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
