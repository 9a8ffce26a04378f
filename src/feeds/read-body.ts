/** The body was larger than allowed; the stream has been cancelled. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  /** `seen`: how many bytes had arrived, or null when a decoder stopped at the limit without counting. */
  constructor(readonly limit: number, readonly seen: number | null) {
    super(`feeds/read-body: body exceeds ${limit} bytes${seen === null ? '' : ` (read ${seen})`}`);
  }
}

/**
 * Reads a response body (a Node or web stream, as it came off the wire) into one byte array,
 * cancelling the stream and throwing BodyTooLargeError as soon as more than `maxBytes` arrive,
 * so a huge or endless body never fills memory. `expectedBytes` (the Content-Length of an
 * uncompressed body) lets it copy each chunk once into one array of that size and let the
 * chunk go; a body that turns out longer or shorter is still read whole and correctly.
 */
export async function readBodyLimited(body: AsyncIterable<Uint8Array> | null, maxBytes: number, expectedBytes: number | null = null): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const sized = expectedBytes !== null && Number.isSafeInteger(expectedBytes) && expectedBytes > 0 && expectedBytes <= maxBytes;
  let buffer = sized ? new Uint8Array(expectedBytes) : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early (the throw below, or an error) cancels the stream.
  for await (const value of body) {
    if (total + value.byteLength > maxBytes) throw new BodyTooLargeError(maxBytes, total + value.byteLength);
    if (buffer !== null && total + value.byteLength <= buffer.byteLength) {
      buffer.set(value, total);
    } else {
      // More than declared: keep what was copied as the first chunk and collect the rest.
      if (buffer !== null) chunks.push(buffer.subarray(0, total));
      buffer = null;
      chunks.push(value);
    }
    total += value.byteLength;
  }
  if (buffer !== null) return total === buffer.byteLength ? buffer : buffer.subarray(0, total);
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
