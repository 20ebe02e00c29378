import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';

export const CHECKPOINT_FORMAT = 'liaison-audit-checkpoint/1';

/**
 * What a checkpoint's signature covers (RFC 8785 canonical JSON): the root of the entries of the transactions with
 * `xidFrom <= txid < xidTo` in `(txid, id)` order, and the previous checkpoint's hash, so that checkpoints form a
 * chain too and none can be dropped unnoticed.
 */
export interface CheckpointStatement {
  format: typeof CHECKPOINT_FORMAT;
  seq: number;
  xidFrom: string;
  xidTo: string;
  treeSize: number;
  rootHash: string;
  previousHash: string;
  createdAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  /** SHA-256 of the canonical statement, hex. */
  hash: string;
  /** Ed25519 signature of the canonical statement, base64. */
  signature: string;
}

export function statementOf(checkpoint: Omit<CheckpointStatement, 'format'>): CheckpointStatement {
  const { seq, xidFrom, xidTo, treeSize, rootHash, previousHash, createdAt, keyId } = checkpoint;
  return { format: CHECKPOINT_FORMAT, seq, xidFrom, xidTo, treeSize, rootHash, previousHash, createdAt, keyId };
}

export function signStatement(statement: CheckpointStatement, privateKey: KeyObject): SignedCheckpoint {
  const bytes = Buffer.from(canonicalize(statement) ?? '');
  return {
    ...statement,
    hash: createHash('sha256').update(bytes).digest('hex'),
    signature: sign(null, bytes, privateKey).toString('base64'),
  };
}

/** Which part of a signed checkpoint is wrong, if any: its hash or its signature. */
export function checkSignedCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject): 'hash' | 'signature' | null {
  if (checkpoint.format !== CHECKPOINT_FORMAT) return 'hash';
  const bytes = Buffer.from(canonicalize(statementOf(checkpoint)) ?? '');
  if (createHash('sha256').update(bytes).digest('hex') !== checkpoint.hash) return 'hash';
  const signature = Buffer.from(String(checkpoint.signature), 'base64');
  if (signature.toString('base64') !== checkpoint.signature) return 'signature'; // lenient base64 ignores some bits
  return verify(null, bytes, publicKey, signature) ? null : 'signature';
}
