import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Names to addresses as connections resolve them (getaddrinfo: the hosts file, then DNS). A provider of its own so
 * that a test can answer for the DNS.
 */
@Injectable()
export class WebhookResolver {
  resolve(hostname: string): Promise<ResolvedAddress[]> {
    return lookup(hostname, { all: true, order: 'verbatim' });
  }
}
