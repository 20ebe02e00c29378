import type { LookupFunction } from 'node:net';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Agent, fetch, type RequestInit, type Response } from 'undici';
import { fieldError, InvalidInputException } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { addressOf, DESTINATION_NOT_ALLOWED, isAllowedAddress } from './webhook-address';
import { WebhookResolver, type ResolvedAddress } from './webhook-resolver';

/** A connection refused before it was made: its address is not one webhooks may reach. */
export class DestinationNotAllowedError extends Error {
  readonly code = 'EDESTINATION';

  constructor() {
    super(DESTINATION_NOT_ALLOWED);
    this.name = 'DestinationNotAllowedError';
  }
}

/**
 * Where webhooks may go: public addresses, and the networks WEBHOOK_ALLOWED_NETWORKS names. Checked when an
 * endpoint is registered or changed, and again on every connection of a delivery, whose socket goes to the very
 * address checked (the check is the connection's own DNS lookup, so an answer that changes in between gains
 * nothing). Redirects are never followed.
 */
@Injectable()
export class WebhookDestinations implements OnModuleDestroy {
  private readonly allowed: readonly string[];
  private readonly dispatcher: Agent;

  constructor(
    private readonly resolver: WebhookResolver,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.allowed = config.webhooks.allowedNetworks;
    this.dispatcher = new Agent({ connect: { lookup: this.lookup } });
  }

  /**
   * Refuses a URL whose host is, or resolves to, an address not allowed (any of its addresses). A name that does
   * not resolve yet is accepted: every delivery checks again.
   */
  async assertAllowed(url: string): Promise<void> {
    const parsed = new URL(url);
    const literal = addressOf(parsed);
    const addresses = literal ? [literal] : (await this.resolve(parsed.hostname)).map((found) => found.address);
    if (addresses.every((address) => isAllowedAddress(address, this.allowed))) return;
    throw new InvalidInputException([fieldError(['url'], 'url must point to a public internet address')]);
  }

  /** `fetch` to an endpoint (undici's, as its dispatcher): through the checking lookup, following no redirect. */
  fetch(url: string, init: RequestInit): Promise<Response> {
    const literal = addressOf(new URL(url)); // an address is connected to without a lookup: checked here
    if (literal && !isAllowedAddress(literal, this.allowed)) return Promise.reject(new DestinationNotAllowedError());
    return fetch(url, { ...init, redirect: 'manual', dispatcher: this.dispatcher });
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.close();
  }

  private resolve(hostname: string): Promise<ResolvedAddress[]> {
    return this.resolver.resolve(hostname).catch(() => []);
  }

  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolver.resolve(hostname).then(
      (found) => {
        const addresses = options.family ? found.filter(({ family }) => family === options.family) : found;
        if (addresses.length === 0 || addresses.some(({ address }) => !isAllowedAddress(address, this.allowed))) {
          callback(new DestinationNotAllowedError(), '', 0);
        } else if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
