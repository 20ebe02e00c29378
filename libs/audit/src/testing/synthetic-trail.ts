import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from '../audit-hash';
import { signStatement, statementOf, type SignedCheckpoint } from '../checkpoints/checkpoint-statement';
import { EXPORT_FORMAT, entryLine } from '../export/export-format';
import { MerkleTree, leafHash } from '../merkle/merkle-tree';
import { keyIdOf } from '../signing/signing-key';

export interface SyntheticTrailOptions {
  entries: number;
  streams?: number;
  checkpointSize?: number;
  /** The last entries, in no checkpoint. */
  uncheckpointed?: number;
}

export interface SyntheticTrail {
  lines: string[];
  publicKey: KeyObject;
  publicKeyPem: string;
}

interface Row {
  fields: HashedAuditFields;
  prevHash: string;
  hash: string;
}

/** An export as the API writes it, without a database, in memory: for the verifier's tests. */
export function syntheticTrail(options: SyntheticTrailOptions): SyntheticTrail {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    lines: [...syntheticExportLines(options, privateKey, publicKey)],
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** The same, line by line, one checkpoint's worth of entries in memory at a time: for the benchmark. */
export function* syntheticExportLines(
  options: SyntheticTrailOptions,
  privateKey: KeyObject,
  publicKey: KeyObject,
): Generator<string> {
  const { entries, streams = 97, checkpointSize = 10_000, uncheckpointed = 0 } = options;
  const keyId = keyIdOf(publicKey);
  const heads = new Map<string, { seq: number; hash: string }>();
  const next = (i: number): Row => {
    const stream = `request:${(i * 7919) % streams}`;
    const head = heads.get(stream) ?? { seq: 0, hash: GENESIS_HASH };
    const fields: HashedAuditFields = {
      id: uuidv7(),
      stream,
      seq: head.seq + 1,
      occurredAt: new Date(1_780_000_000_000 + i * 1000).toISOString(),
      actorUserId: '0190a0c4-1111-7000-8000-000000000001',
      actorAgencyId: '0190a0c4-2222-7000-8000-000000000002',
      action: 'request.transition',
      subjectType: 'request',
      subjectId: stream.slice('request:'.length),
      data: { event: 'submit', from: 'draft', to: 'under_review', version: head.seq + 2 },
      clientRequestId: `req-${i}`,
    };
    const hash = auditHash(head.hash, fields);
    heads.set(stream, { seq: fields.seq, hash });
    return { fields, prevHash: head.hash, hash };
  };
  yield JSON.stringify({ type: 'header', format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), scope: 'all' });
  const covered = entries - uncheckpointed;
  let previous: SignedCheckpoint | null = null;
  for (let start = 0, seq = 1; start < covered; start += checkpointSize, seq += 1) {
    const slice = Array.from({ length: Math.min(checkpointSize, covered - start) }, (_, i) => next(start + i));
    const tree = new MerkleTree(slice.map((row) => leafHash(Buffer.from(row.hash, 'hex'))));
    const statement = statementOf({
      seq,
      xidFrom: String(start),
      xidTo: String(start + slice.length),
      treeSize: slice.length,
      rootHash: tree.root.toString('hex'),
      previousHash: previous?.hash ?? GENESIS_HASH,
      createdAt: new Date().toISOString(),
      keyId,
    });
    previous = signStatement(statement, privateKey);
    yield JSON.stringify({ type: 'checkpoint', ...previous });
    for (let leafIndex = 0; leafIndex < slice.length; leafIndex += 1) {
      const row = slice[leafIndex];
      const proof = tree.proof(leafIndex).map((hash) => hash.toString('hex'));
      yield entryLine({ checkpoint: seq, leafIndex, hash: row.hash, prevHash: row.prevHash, proof }, row.fields);
    }
  }
  const tail = Array.from({ length: entries - covered }, (_, i) => next(covered + i)).sort(byStreamThenSeq);
  for (const row of tail) {
    yield entryLine(
      { checkpoint: null, leafIndex: null, hash: row.hash, prevHash: row.prevHash, proof: null },
      row.fields,
    );
  }
  yield JSON.stringify({ type: 'end', entries, checkpoints: Math.ceil(covered / checkpointSize) });
}

function byStreamThenSeq(a: Row, b: Row): number {
  if (a.fields.stream !== b.fields.stream) return a.fields.stream < b.fields.stream ? -1 : 1;
  return a.fields.seq - b.fields.seq;
}
