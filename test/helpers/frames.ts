/** A length-prefixed frame as the service and control protocols carry it; `claimed` may lie about the length. */
export function frame(bytes: Uint8Array, claimed = bytes.length): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(claimed);
  return Buffer.concat([head, bytes]);
}
