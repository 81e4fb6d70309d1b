/**
 * The whole body of a Response, read from its web stream. A read that fails part-way throws an error whose `partial`
 * holds the bytes that did arrive and whose `cause` is why (the Node transport's direct read throws the same shape).
 */
export async function readBytes(response: Response): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return concat(chunks);
      chunks.push(value);
    }
  } catch (error) {
    throw Object.assign(new Error("body read failed", { cause: error }), { partial: concat(chunks) });
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
