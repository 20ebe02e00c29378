import { ApiProperty } from '@nestjs/swagger';
import type { AuditCheckpoint } from '@liaison/data';
import { CHECKPOINT_FORMAT, statementOf, type SignedCheckpoint } from '../../checkpoints/checkpoint-statement';

/** A signed checkpoint: the signature covers the RFC 8785 canonical JSON of every member but `hash` and `signature`. */
export class CheckpointView implements SignedCheckpoint {
  @ApiProperty({ enum: [CHECKPOINT_FORMAT] }) format!: typeof CHECKPOINT_FORMAT;
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'covers the entries of transactions with xidFrom <= txid < xidTo' }) xidFrom!: string;
  @ApiProperty() xidTo!: string;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'RFC 6962 Merkle root, leaf = SHA-256(0x00 ‖ entry hash), hex' }) rootHash!: string;
  @ApiProperty() previousHash!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty() hash!: string;
  @ApiProperty({ description: 'Ed25519, base64' }) signature!: string;

  static from(row: AuditCheckpoint): CheckpointView {
    const statement = statementOf({
      ...row,
      xidFrom: String(row.xidFrom),
      xidTo: String(row.xidTo),
      createdAt: row.createdAt.toISOString(),
    });
    return Object.assign(new CheckpointView(), { ...statement, hash: row.hash, signature: row.signature });
  }
}

export class InclusionProofView {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() entryHash!: string;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ entry hash bytes), hex' }) leafHash!: string;
  @ApiProperty() leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ type: [String], description: 'RFC 6962 audit path, hex, from the leaf sibling up' })
  auditPath!: string[];
  @ApiProperty({ type: CheckpointView }) checkpoint!: CheckpointView;
}

export class PublicKeyView {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SHA-256 of the SPKI DER encoding, hex' }) keyId!: string;
  @ApiProperty() publicKeyPem!: string;
}
