import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditCheckpointSchema, type AuditCheckpoint } from '@liaison/data';
import type { AuditScope } from '../access/audit-scope';
import { notYetCheckpointed } from '../audit-problems';
import { CheckpointView, InclusionProofView } from '../http/dto/checkpoint.view';
import { AuditEntries } from '../query/audit-entries.service';
import { loadCheckpointLeaves } from './checkpoint-leaves';

/** Inclusion proofs of entries in the checkpoints that cover them. */
@Injectable()
export class InclusionProofs {
  constructor(
    private readonly em: EntityManager,
    private readonly entries: AuditEntries,
  ) {}

  async of(scope: AuditScope, entryId: string): Promise<InclusionProofView> {
    const entry = await this.entries.find(scope, entryId);
    if (!entry) throw new NotFoundException('Audit entry not found');
    const em = this.em.fork();
    const checkpoint = await this.covering(em, entry.txid);
    if (!checkpoint) {
      throw notYetCheckpointed();
    }
    const { ids, tree } = await loadCheckpointLeaves(em, {
      xidFrom: String(checkpoint.xidFrom),
      xidTo: String(checkpoint.xidTo),
    });
    const leafIndex = ids.indexOf(entry.id);
    return Object.assign(new InclusionProofView(), {
      entryId: entry.id,
      entryHash: entry.hash,
      leafHash: tree.leaf(leafIndex).toString('hex'),
      leafIndex,
      treeSize: tree.size,
      auditPath: tree.proof(leafIndex).map((hash) => hash.toString('hex')),
      checkpoint: CheckpointView.from(checkpoint),
    });
  }

  private covering(em: EntityManager, txid: string): Promise<AuditCheckpoint | null> {
    return em.findOne(AuditCheckpointSchema, { xidFrom: { $lte: txid }, xidTo: { $gt: txid } });
  }
}
