import canonicalize from 'canonicalize';
import type { HashedAuditFields } from '../audit-hash';
import type { SignedCheckpoint } from '../checkpoints/checkpoint-statement';

/**
 * `GET /v1/audit/export`, one JSON object per line:
 * 1. `header`: `format`, `exportedAt`, `scope` (`all`: every entry of every checkpoint is in the export, so roots are
 *    recomputed from the entries; `partial`: the caller's streams only, each entry checked by its inclusion proof);
 * 2. for a `partial` export, one `withheld` line per stream the reader gets from a later entry on (another agency's
 *    request, whose entries before it was sent stay with that agency), by stream: `stream`, `fromSeq`, the first entry
 *    in the export, and `prevHash`, the hash it links to;
 * 3. every checkpoint in order, each followed by its entries in leaf order, each with its inclusion proof;
 * 4. the entries no checkpoint covers yet (`checkpoint: null`), by stream then sequence, checked by their chains only;
 * 5. `end`, with the counts `entries` and `checkpoints` (a cut-off export has none).
 * An entry's `entry` member is its RFC 8785 canonical JSON, written last, so its hash can be recomputed from the
 * line's own bytes.
 */
export const EXPORT_FORMAT = 'liaison-audit-export/1';

export interface ExportCheckpoint extends SignedCheckpoint {
  type: 'checkpoint';
}

export interface ExportWithheld {
  type: 'withheld';
  stream: string;
  fromSeq: number;
  prevHash: string;
}

export interface ExportEntry {
  type: 'entry';
  checkpoint: number | null;
  leafIndex: number | null;
  hash: string;
  prevHash: string;
  /** Audit path (hex), from the leaf's sibling up. */
  proof: string[] | null;
  entry: HashedAuditFields;
}

export function entryLine(line: Omit<ExportEntry, 'type' | 'entry'>, entry: HashedAuditFields): string {
  const { checkpoint, leafIndex, hash, prevHash, proof } = line;
  const head = JSON.stringify({ type: 'entry', checkpoint, leafIndex, hash, prevHash, proof });
  return `${head.slice(0, -1)},"entry":${canonicalize(entry)}}`;
}
