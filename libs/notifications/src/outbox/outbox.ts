import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { OutboxMessageSchema } from '@liaison/data';

export interface OutboxEntry {
  topic: string;
  requestId?: string | null;
  payload: Record<string, unknown>;
}

/**
 * The transactional outbox: effects are written with the change that causes them, in the caller's transaction,
 * and delivered after commit by the relay (at least once; consumers deduplicate by the message id).
 */
@Injectable()
export class Outbox {
  async add(em: EntityManager, entries: OutboxEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const rows = outboxRows(entries);
    await em.insertMany(OutboxMessageSchema, rows);
    return rows.map((row) => row.id);
  }
}

/** An `outbox_message` row to insert. */
export interface OutboxRow {
  id: string;
  topic: string;
  requestId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  publishedAt: null;
}

/** The rows for some entries (UUIDv7 ids: the relay's `order by created_at, id` keeps the order of writing). */
export function outboxRows(entries: OutboxEntry[], createdAt: Date = new Date()): OutboxRow[] {
  return entries.map((entry) => ({
    id: uuidv7(),
    topic: entry.topic,
    requestId: entry.requestId ?? null,
    payload: entry.payload,
    createdAt,
    publishedAt: null,
  }));
}
