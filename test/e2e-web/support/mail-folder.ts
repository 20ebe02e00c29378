import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@liaison/testing';

/** The `.eml` files of the mail folder sent to `to` with `X-Liaison-Event: <event>`, decoded, oldest first. */
function mailsTo(mailDir: string, to: string, event: string): string[] {
  return readdirSync(mailDir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => readFileSync(join(mailDir, file), 'utf8'))
    .filter((raw) => new RegExp(`^To: ${to}\\s*$`, 'im').test(raw) && raw.includes(`X-Liaison-Event: ${event}`))
    .map((raw) =>
      raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
}

/** The console path (with its `#token=` fragment) of the `count`-th account link e-mailed to `to` for `event`. */
export async function accountLinkPathIn(mailDir: string, to: string, event: string, count = 1): Promise<string> {
  const mail = await eventually(
    () => {
      const found = mailsTo(mailDir, to, event);
      expect(found.length).toBeGreaterThanOrEqual(count);
      return found[count - 1];
    },
    30_000,
    250,
  );
  const link = /https?:\/\/\S+#token=\S+/.exec(mail)?.[0] ?? '';
  return new URL(link).pathname + new URL(link).hash;
}
