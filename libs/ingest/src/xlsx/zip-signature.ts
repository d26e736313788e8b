const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** A ZIP archive (an xlsx is one) by its first local-file-header signature. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && ZIP_LOCAL_HEADER.every((b, i) => head[i] === b);
}
