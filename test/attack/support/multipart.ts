import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  field?: string;
  /** Put in the part header as it is (quotes and backslashes escaped the way browsers do). */
  fileName: string;
  contentType: string;
  content: Buffer | string;
}

/** A multipart/form-data body built by hand, so that file names reach the server exactly as an attacker writes them. */
export function multipart(files: MultipartFile[], fields: Record<string, string> = {}) {
  const boundary = `attack${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    const name = file.fileName.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${name}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
