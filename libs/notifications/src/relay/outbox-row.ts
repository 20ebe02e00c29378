/** An unpublished outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  topic: string;
  request_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}
