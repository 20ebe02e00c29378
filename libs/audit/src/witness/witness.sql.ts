import { sql, type Sql } from '@liaison/data';

/** One row or none, `seq`: the last checkpoint the witness acknowledged. */
export function witnessCursorSql(witness: string): Sql {
  return sql`select checkpoint_seq as seq from audit_witness_cursor where witness = ${witness}`;
}

/** The witness holds checkpoint `seq` (and all before it); never moves back when replicas publish side by side. */
export function advanceWitnessCursorSql(witness: string, seq: number, now: Date): Sql {
  return sql`insert into audit_witness_cursor (witness, checkpoint_seq, updated_at) values (${witness}, ${seq}, ${now})
    on conflict (witness) do update set checkpoint_seq = greatest(audit_witness_cursor.checkpoint_seq, excluded.checkpoint_seq),
      updated_at = excluded.updated_at`;
}

/** One row, `unpublished`: how many signed checkpoints the witness does not hold yet. */
export function witnessBacklogSql(witness: string): Sql {
  return sql`select (select coalesce(max(seq), 0) from audit_checkpoint)
    - coalesce((select checkpoint_seq from audit_witness_cursor where witness = ${witness}), 0) as unpublished`;
}
