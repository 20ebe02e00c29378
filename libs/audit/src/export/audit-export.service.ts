import { PassThrough, type Readable } from 'node:stream';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditCheckpointSchema, runSql, type AuditCheckpoint } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import type { AuditScope } from '../access/audit-scope';
import { withheldStreamsSql } from '../access/audit-scope.sql';
import { hashedFields, type AuditRow } from '../audit-rows';
import { agencyStream, AuditTrail } from '../audit-trail';
import { loadCheckpointLeaves } from '../checkpoints/checkpoint-leaves';
import { CheckpointView } from '../http/dto/checkpoint.view';
import { checkpointEntriesSql, tailEntriesSql } from './audit-export.sql';
import { EXPORT_FORMAT, entryLine, type ExportWithheld } from './export-format';

const BATCH = 1000;

/**
 * Streams the trail as JSON Lines (see export-format.ts) from one REPEATABLE READ snapshot, so checkpoints and
 * entries agree. Memory holds one batch of entries and the leaf hashes of one checkpoint, never the trail.
 */
@Injectable()
export class AuditExport {
  private readonly logger = new Logger(AuditExport.name);

  constructor(
    private readonly em: EntityManager,
    private readonly trail: AuditTrail,
  ) {}

  /** Every export is itself in the trail (committed before the export's snapshot, so the export contains it). */
  async record({ actor, clientRequestId }: CallerContext, scope: AuditScope): Promise<void> {
    await this.em.fork().transactional((tx) =>
      this.trail.append(tx, {
        stream: agencyStream(actor.agencyId),
        action: 'audit.exported',
        subjectType: 'audit_export',
        subjectId: uuidv7(),
        actor,
        clientRequestId,
        data: { scope: scope.kind === 'all' ? 'all' : 'partial' },
      }),
    );
  }

  open(scope: AuditScope): Readable {
    const out = new PassThrough();
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await drained(out);
      if (out.destroyed) throw new Error('the client went away');
    };
    this.em
      .fork()
      .transactional((tx) => this.write(tx, scope, write), {
        isolationLevel: IsolationLevel.REPEATABLE_READ,
        readOnly: true,
      })
      .then(() => out.end())
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'audit export stopped');
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    return out;
  }

  private async write(tx: EntityManager, scope: AuditScope, write: (line: string) => Promise<void>): Promise<void> {
    const header = {
      type: 'header',
      format: EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      scope: scope.kind === 'all' ? 'all' : 'partial',
    };
    await write(JSON.stringify(header));
    await this.writeWithheld(tx, scope, write);
    let entries = 0;
    let checkpoints = 0;
    let last: AuditCheckpoint | null = null;
    for (
      let page = await this.checkpointsAfter(tx, 0);
      page.length > 0;
      page = await this.checkpointsAfter(tx, last?.seq ?? 0)
    ) {
      for (const checkpoint of page) {
        await write(JSON.stringify({ type: 'checkpoint', ...CheckpointView.from(checkpoint) }));
        entries += await this.writeCheckpointEntries(tx, scope, checkpoint, write);
        checkpoints += 1;
        last = checkpoint;
      }
    }
    entries += await this.writeTail(tx, scope, last ? String(last.xidTo) : '0', write);
    await write(JSON.stringify({ type: 'end', entries, checkpoints }));
  }

  /** The streams the reader gets from a later entry on (the requesting side's internal phase withheld). */
  private async writeWithheld(tx: EntityManager, scope: AuditScope, write: (line: string) => Promise<void>) {
    const statement = withheldStreamsSql(scope);
    if (!statement) return;
    for (const row of await runSql<Omit<ExportWithheld, 'type'>>(tx, statement)) {
      const line: ExportWithheld = {
        type: 'withheld',
        stream: row.stream,
        fromSeq: row.fromSeq,
        prevHash: row.prevHash,
      };
      await write(JSON.stringify(line));
    }
  }

  private checkpointsAfter(tx: EntityManager, seq: number): Promise<AuditCheckpoint[]> {
    return tx.find(AuditCheckpointSchema, { seq: { $gt: seq } }, { orderBy: { seq: 'asc' }, limit: 100 });
  }

  private async writeCheckpointEntries(
    tx: EntityManager,
    scope: AuditScope,
    checkpoint: AuditCheckpoint,
    write: (line: string) => Promise<void>,
  ): Promise<number> {
    const range = { xidFrom: String(checkpoint.xidFrom), xidTo: String(checkpoint.xidTo) };
    const { ids, tree } = await loadCheckpointLeaves(tx, range);
    let leaf = 0;
    let written = 0;
    let after = { txid: '-1', id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const rows = await runSql<AuditRow>(tx, checkpointEntriesSql(scope, range, after, BATCH));
      for (const row of rows) {
        while (ids[leaf] !== row.id) leaf += 1; // both lists are in leaf order; a partial scope skips some
        const proof = tree.proof(leaf).map((hash) => hash.toString('hex'));
        await write(
          entryLine(
            { checkpoint: checkpoint.seq, leafIndex: leaf, hash: row.hash, prevHash: row.prevHash, proof },
            hashedFields(row),
          ),
        );
        written += 1;
      }
      if (rows.length < BATCH) return written;
      after = rows[rows.length - 1];
    }
  }

  /** The entries no checkpoint covers yet, by stream then sequence (byte order: the verifier compares the same). */
  private async writeTail(
    tx: EntityManager,
    scope: AuditScope,
    xidFrom: string,
    write: (line: string) => Promise<void>,
  ): Promise<number> {
    let written = 0;
    let after = { stream: '', seq: 0 };
    for (;;) {
      const rows = await runSql<AuditRow>(tx, tailEntriesSql(scope, xidFrom, after, BATCH));
      for (const row of rows) {
        await write(
          entryLine(
            { checkpoint: null, leafIndex: null, hash: row.hash, prevHash: row.prevHash, proof: null },
            hashedFields(row),
          ),
        );
        written += 1;
      }
      if (rows.length < BATCH) return written;
      after = rows[rows.length - 1];
    }
  }
}

/** Waits until the stream wants more, or is gone (the client went away). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
