import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';

/**
 * Sends over SMTP when `SMTP_HOST` is set. Without it, outside production, each message is written as an .eml
 * file to the mail folder (open it with any mail client); in production without SMTP, e-mail is off.
 */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter | null;
  private readonly toFolder: boolean;
  private folder: Promise<void> | null = null;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {
    const { smtp } = config;
    this.toFolder = !smtp.host && config.nodeEnv !== 'production';
    if (smtp.host) {
      this.transporter = createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      });
    } else {
      this.transporter = this.toFolder ? createTransport({ streamTransport: true, buffer: true }) : null;
      if (!this.toFolder) this.logger.warn('SMTP_HOST is not set: e-mail notifications are off');
    }
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  async send(message: SendMailOptions & { id: string }): Promise<void> {
    if (!this.transporter) return;
    const info = await this.transporter.sendMail({ from: this.config.smtp.from, ...message });
    if (this.toFolder) await this.writeEml(message.id, (info as { message: Buffer }).message);
  }

  private async writeEml(id: string, content: Buffer): Promise<void> {
    this.folder ??= mkdir(this.config.mailDirectory, { recursive: true }).then(() => undefined);
    await this.folder.catch(() => (this.folder = null)); // created once; tried again if that failed
    // open + write + close: fs/promises' writeFile costs more CPU (abort checks, chunking; test/bench/transitions)
    const file = await open(
      join(this.config.mailDirectory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`),
      'w',
    );
    try {
      for (let written = 0; written < content.length;) {
        written += (await file.write(content, written)).bytesWritten;
      }
    } finally {
      await file.close();
    }
  }
}
