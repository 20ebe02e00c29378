/**
 * Types an attachment may have, each with the first bytes its files start with: the declared type must match
 * the content, so a renamed executable is not stored as a PDF.
 */
const SIGNATURES: Readonly<Record<string, readonly number[][]>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
  // Office Open XML and OpenDocument files are ZIP containers.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.oasis.opendocument.text': [[0x50, 0x4b, 0x03, 0x04]],
  'text/plain': [],
};

export const ALLOWED_CONTENT_TYPES = Object.keys(SIGNATURES);

/** The declared type without its parameters, lower case: `Text/Plain; charset=utf-8` → `text/plain`. */
export function baseContentType(declared: string): string {
  return (declared.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether the bytes are of an allowed type and look like what was declared. */
export function acceptsContent(contentType: string, bytes: Buffer): boolean {
  const signatures = SIGNATURES[contentType];
  if (!signatures) return false;
  if (contentType === 'text/plain') return !bytes.subarray(0, 8192).includes(0);
  return signatures.some((signature) => signature.every((byte, index) => bytes[index] === byte));
}
