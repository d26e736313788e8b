import type { Submission } from '@creator-ops/grading';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Not a table at all (an image, a binary): refused rather than graded as an empty answer. */
export function looksBinary(bytes: Buffer): boolean {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return false;
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}

/** A header row and nothing else (or nothing at all): no answer to grade, and no key to fish for. */
export function isEmptyAnswer(submission: Submission): boolean {
  const filled = submission.grid.filter((row) => row.some((cell) => String(cell ?? '').trim() !== ''));
  return filled.length <= 1;
}
