import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditCheckpointSchema, runSql, type AuditCheckpoint } from '@liaison/data';
import type { AuditScope } from '../access/audit-scope';
import { auditHash, GENESIS_HASH } from '../audit-hash';
import { hashedFields, type AuditRow } from '../audit-rows';
import { loadCheckpointLeaves } from '../checkpoints/checkpoint-leaves';
import { checkSignedCheckpoint } from '../checkpoints/checkpoint-statement';
import { CheckpointView } from '../http/dto/checkpoint.view';
import type { BadCheckpointView, BrokenLinkView, VerificationView } from '../http/dto/verification.view';
import type { VerifyTrailDto } from '../http/dto/verify-trail.dto';
import { AuditPublicKey } from '../signing/audit-public-key';
import { entriesToVerifySql } from './trail-verifier.sql';

const BATCH = 2000;

type Row = AuditRow & { predecessorHash: string | null };

/**
 * Verifies the trail in the database: every entry's hash and its link to the previous entry of its stream (in the
 * trail's global order, batch by batch), then every checkpoint's size, root, signature and link to the one before.
 */
@Injectable()
export class TrailVerifier {
  constructor(
    private readonly em: EntityManager,
    private readonly publicKeys: AuditPublicKey,
  ) {}

  async verify(scope: AuditScope, range: VerifyTrailDto): Promise<VerificationView> {
    const em = this.em.fork();
    const checkpoints = await em.find(
      AuditCheckpointSchema,
      { seq: { $gte: range.fromCheckpoint ?? 1, ...(range.toCheckpoint ? { $lte: range.toCheckpoint } : {}) } },
      { orderBy: { seq: 'asc' } },
    );
    const xidFrom = range.fromCheckpoint ? String(checkpoints[0]?.xidFrom ?? '9223372036854775807') : '0';
    const xidTo = range.toCheckpoint
      ? String(checkpoints[checkpoints.length - 1]?.xidTo ?? '0')
      : '9223372036854775807';
    const entries = await this.verifyEntries(em, scope, range.stream ?? null, xidFrom, xidTo);
    const firstBadCheckpoint = await this.verifyCheckpoints(em, checkpoints, range.fromCheckpoint ?? 1);
    return {
      ok: !entries.firstBrokenLink && !firstBadCheckpoint,
      entriesChecked: entries.checked,
      checkpointsChecked: checkpoints.length,
      firstBrokenLink: entries.firstBrokenLink,
      firstBadCheckpoint,
    };
  }

  private async verifyEntries(
    em: EntityManager,
    scope: AuditScope,
    stream: string | null,
    xidFrom: string,
    xidTo: string,
  ) {
    let after: { txid: string; id: string } = { txid: '-1', id: '00000000-0000-0000-0000-000000000000' };
    let checked = 0;
    for (;;) {
      const rows = await runSql<Row>(em, entriesToVerifySql(scope, stream, { xidFrom, xidTo }, after, BATCH));
      for (const row of rows) {
        checked += 1;
        const firstBrokenLink = brokenLink(row);
        if (firstBrokenLink) return { checked, firstBrokenLink };
      }
      if (rows.length < BATCH) return { checked, firstBrokenLink: null };
      after = rows[rows.length - 1];
    }
  }

  private async verifyCheckpoints(
    em: EntityManager,
    checkpoints: AuditCheckpoint[],
    fromSeq: number,
  ): Promise<BadCheckpointView | null> {
    if (checkpoints.length === 0) return null;
    const publicKey = this.publicKeys.require();
    let previous = fromSeq > 1 ? await em.findOne(AuditCheckpointSchema, { seq: fromSeq - 1 }) : null;
    let expectedSeq = fromSeq;
    for (const checkpoint of checkpoints) {
      const bad = (problem: BadCheckpointView['problem'], detail: string) => ({ problem, seq: checkpoint.seq, detail });
      if (checkpoint.seq !== expectedSeq)
        return { problem: 'missing' as const, seq: expectedSeq, detail: `checkpoint ${expectedSeq} is missing` };
      if (
        checkpoint.previousHash !== (previous?.hash ?? GENESIS_HASH) ||
        (previous && String(previous.xidTo) !== String(checkpoint.xidFrom))
      ) {
        return bad('link', 'it does not follow the previous checkpoint');
      }
      const wrong = checkSignedCheckpoint(CheckpointView.from(checkpoint), publicKey);
      if (wrong) return bad('signature', `its ${wrong} does not match its content`);
      const { tree } = await loadCheckpointLeaves(em, {
        xidFrom: String(checkpoint.xidFrom),
        xidTo: String(checkpoint.xidTo),
      });
      if (tree.size !== checkpoint.treeSize)
        return bad('size', `it covers ${checkpoint.treeSize} entries, the trail has ${tree.size}`);
      if (tree.root.toString('hex') !== checkpoint.rootHash)
        return bad('root', 'the entries it covers do not make its root');
      previous = checkpoint;
      expectedSeq += 1;
    }
    return null;
  }
}

function brokenLink(row: Row): BrokenLinkView | null {
  const at = { entryId: row.id, stream: row.stream, seq: row.seq };
  if (auditHash(row.prevHash, hashedFields(row)) !== row.hash) return { problem: 'hash', ...at };
  if (row.seq === 1) return row.prevHash === GENESIS_HASH ? null : { problem: 'link', ...at };
  if (row.predecessorHash === null) return { problem: 'gap', ...at };
  return row.prevHash === row.predecessorHash ? null : { problem: 'link', ...at };
}
