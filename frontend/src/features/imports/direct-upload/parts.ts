/** How a file is cut into the numbered parts of a multipart upload (S3 numbers from 1). */

/** The number of parts of a file of `size` bytes cut into `partSize`-byte parts (an empty file is one part). */
export function partCount(size: number, partSize: number): number {
  return Math.max(1, Math.ceil(size / partSize));
}

/** The byte range `[start, end)` of part `partNumber`. */
export function partRange(partNumber: number, size: number, partSize: number): { start: number; end: number } {
  const start = (partNumber - 1) * partSize;
  return { start, end: Math.min(size, start + partSize) };
}

/** The size in bytes of part `partNumber`. */
export function partBytes(partNumber: number, size: number, partSize: number): number {
  const { start, end } = partRange(partNumber, size, partSize);
  return end - start;
}
