import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '@liaison/data';
import { MerkleTree, leafHash } from '../merkle/merkle-tree';
import { checkpointLeavesSql } from './checkpoints.sql';

export interface CheckpointRange {
  xidFrom: string;
  xidTo: string;
}

export interface CheckpointLeaves {
  ids: string[];
  tree: MerkleTree;
}

/** The entries a checkpoint covers, in leaf order, and their tree (leaf = SHA-256(0x00 ‖ entry hash)). */
export async function loadCheckpointLeaves(em: EntityManager, range: CheckpointRange): Promise<CheckpointLeaves> {
  const rows = await runSql<{ id: string; hash: string }>(em, checkpointLeavesSql(range));
  return {
    ids: rows.map((row) => row.id),
    tree: new MerkleTree(rows.map((row) => leafHash(Buffer.from(row.hash, 'hex')))),
  };
}
