import type { EntityManager } from '@mikro-orm/postgresql';
import { MerkleTree, leafHash } from '../merkle/merkle-tree';
import { query } from '../sql';

export interface CheckpointRange {
  xidFrom: string;
  xidTo: string;
}

export interface CheckpointLeaves {
  ids: string[];
  tree: MerkleTree;
}

/** The order of the leaves: a total order on the entries of finished transactions, reproducible at any time. */
export const LEAF_ORDER = 'e.txid, e.id';

/** The entries a checkpoint covers, in leaf order, and their tree (leaf = SHA-256(0x00 ‖ entry hash)). */
export async function loadCheckpointLeaves(em: EntityManager, range: CheckpointRange): Promise<CheckpointLeaves> {
  const rows = await query<{ id: string; hash: string }>(
    em,
    `select e.id, e.hash from audit_event e where e.txid >= ? and e.txid < ? order by ${LEAF_ORDER}`,
    [range.xidFrom, range.xidTo],
  );
  return {
    ids: rows.map((row) => row.id),
    tree: new MerkleTree(rows.map((row) => leafHash(Buffer.from(row.hash, 'hex')))),
  };
}
