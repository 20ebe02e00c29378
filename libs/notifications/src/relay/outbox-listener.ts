import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { LISTEN_OUTBOX_SQL } from '../outbox/outbox.sql';
import { OutboxRelay } from './outbox-relay';

const RECONNECT_MS = 1000;

/**
 * Wakes the relay right after each commit (LISTEN/NOTIFY) and on a timer as a safety net: a notification lost
 * while the listening connection was down, or rows left by a replica that died, are picked up by the poll.
 */
@Injectable()
export class OutboxListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxListener.name);
  private client: Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;
  private reconnect: NodeJS.Timeout | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    @Inject(NOTIFICATIONS_CONFIG) private readonly settings: NotificationsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => void this.relay.wake(), this.settings.relay.pollMs);
    void this.relay.wake(); // whatever was committed while no worker ran
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
    await this.relay.wake().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => void this.relay.wake());
    client.on('error', (error) => this.logger.warn({ err: error }, 'outbox listener connection failed'));
    client.on('end', () => {
      if (this.client === client) this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(LISTEN_OUTBOX_SQL.text);
      this.client = client;
      void this.relay.wake(); // rows committed while not listening
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox listener cannot connect; polling meanwhile');
      // Reconnect first: ending a client whose connection was refused mid-handshake may never settle.
      this.reconnectLater();
      void client.end().catch(() => undefined);
    }
  }

  private reconnectLater(): void {
    if (this.stopped || this.reconnect) return;
    this.client = null;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.stopped) void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
