import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Calls `onLine` for each line of a file (without its newline) until it answers false; streamed, 1 MiB at a time. */
export async function forEachLine(path: string, onLine: (line: string) => boolean): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (!onLine(text.slice(start, end))) return;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest);
}
