import type { CapturedMail, SmtpCapture } from './smtp-capture';
import { eventually } from '@liaison/testing';

/** The message body without its quoted-printable encoding (soft breaks joined, =XX decoded). */
export function mailText(mail: CapturedMail): string {
  const body = mail.raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The account link e-mailed to `to` for `event` (`account.invitation`, `account.reset`, `account.admin_reset`). */
export async function accountLinkMail(
  smtp: SmtpCapture,
  to: string,
  event: string,
  count = 1,
): Promise<{ mail: CapturedMail; link: string; token: string }> {
  const mails = await eventually(() => {
    const found = smtp.messages.filter((mail) => mail.to.includes(to) && mail.header('X-Liaison-Event') === event);
    expect(found.length).toBeGreaterThanOrEqual(count);
    return found;
  });
  const mail = mails[count - 1];
  const link = /(https?:\/\/\S+#token=\S+)/.exec(mailText(mail))?.[1] ?? '';
  return { mail, link, token: decodeURIComponent(link.split('#token=')[1] ?? '') };
}
