import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditCheckpointSchema, runSql, type AuditCheckpoint } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { GENESIS_HASH } from '../audit-hash';
import { MerkleTree, leafHash } from '../merkle/merkle-tree';
import { AuditSigner } from '../signing/audit-signer';
import { statementOf } from './checkpoint-statement';
import { builderLockSql, leafHashesSql, snapshotXminSql } from './checkpoints.sql';

/**
 * Builds the next signed checkpoint over the entries no checkpoint covers yet.
 *
 * Ordering: `audit_event.txid` is the inserting transaction's id. Every transaction below the xmin of a snapshot has
 * finished, so its entries are all visible (or never will be); entries of later or still running transactions all
 * have txid >= that xmin. A checkpoint therefore covers `[previous xidTo, xmin)` and the next one starts there: no
 * entry committed late (or out of id order) is ever skipped, and none is covered twice. A long transaction only
 * delays checkpoints. Within a checkpoint the leaves are in `(txid, id)` order. READ COMMITTED on purpose: the
 * statements after the lock see what a replica that held it before committed; rows read after the xmin are a
 * superset of what that xmin guarantees finished.
 */
@Injectable()
export class CheckpointBuilder {
  constructor(
    private readonly em: EntityManager,
    private readonly signer: AuditSigner,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /** Checkpoints everything pending (several checkpoints for a backlog); answers how many it built. */
  async buildPending(): Promise<AuditCheckpoint[]> {
    const built: AuditCheckpoint[] = [];
    for (let next = await this.buildNext(); next; next = await this.buildNext()) built.push(next);
    return built;
  }

  /** The next checkpoint, or null when there is nothing new (or another replica is building). */
  buildNext(): Promise<AuditCheckpoint | null> {
    if (!this.signer.available) return Promise.resolve(null);
    return this.em.fork().transactional((tx) => this.build(tx));
  }

  private async build(tx: EntityManager): Promise<AuditCheckpoint | null> {
    const [{ locked }] = await runSql<{ locked: boolean }>(tx, builderLockSql());
    if (!locked) return null;
    const previous = await tx.findOne(AuditCheckpointSchema, { seq: { $gt: 0 } }, { orderBy: { seq: 'desc' } });
    const xidFrom = previous?.xidTo ?? '0';
    const [{ xmin }] = await runSql<{ xmin: string }>(tx, snapshotXminSql());
    const leaves = await this.leavesFrom(tx, xidFrom, xmin);
    if (leaves.rows.length === 0) return null;
    const tree = new MerkleTree(leaves.rows.map((row) => leafHash(Buffer.from(row.hash, 'hex'))));
    const createdAt = new Date();
    const signed = this.signer.sign(
      statementOf({
        seq: (previous?.seq ?? 0) + 1,
        xidFrom,
        xidTo: leaves.xidTo,
        treeSize: tree.size,
        rootHash: tree.root.toString('hex'),
        previousHash: previous?.hash ?? GENESIS_HASH,
        createdAt: createdAt.toISOString(),
        keyId: this.signer.keyId as string,
      }),
    );
    const checkpoint = tx.create(AuditCheckpointSchema, {
      id: uuidv7(),
      seq: signed.seq,
      xidFrom: signed.xidFrom,
      xidTo: signed.xidTo,
      treeSize: signed.treeSize,
      rootHash: signed.rootHash,
      previousHash: signed.previousHash,
      hash: signed.hash,
      signature: signed.signature,
      keyId: signed.keyId,
      createdAt,
    });
    await tx.flush();
    return checkpoint;
  }

  /**
   * The entries with `from <= txid < xmin`, at most about `checkpointMaxEntries`: a larger backlog is cut at a
   * transaction boundary (every entry of one transaction goes in the same checkpoint).
   */
  private async leavesFrom(tx: EntityManager, from: string, xmin: string) {
    const max = this.config.audit.checkpointMaxEntries;
    const rows = await runSql<{ hash: string; txid: string }>(tx, leafHashesSql(from, xmin, max + 1));
    if (rows.length <= max) return { rows, xidTo: xmin };
    const cut = rows[max].txid;
    const before = rows.filter((row) => BigInt(row.txid) < BigInt(cut));
    if (before.length > 0) return { rows: before, xidTo: cut };
    const upTo = (BigInt(cut) + 1n).toString();
    return {
      rows: await runSql<{ hash: string; txid: string }>(tx, leafHashesSql(from, upTo)),
      xidTo: upTo,
    };
  }
}
