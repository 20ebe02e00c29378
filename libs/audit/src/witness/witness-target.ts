import { open, mkdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { SignedCheckpoint } from '../checkpoints/checkpoint-statement';

/**
 * The witness outside the database (docs/audit.md, The witness): an append-only JSON Lines file, or an HTTP service
 * that takes each signed checkpoint as a POST and answers a GET with every checkpoint it holds, as JSON Lines.
 */
export type WitnessTarget = { kind: 'file'; path: string } | { kind: 'http'; url: string };

/** `AUDIT_WITNESS`, or `liaison-audit --witness`: an http(s) URL, otherwise a file path. */
export function witnessTargetOf(witness: string): WitnessTarget {
  return /^https?:\/\//i.test(witness) ? { kind: 'http', url: witness } : { kind: 'file', path: resolve(witness) };
}

/**
 * What the publication cursor is kept under: an HTTP witness is one for every worker replica; a file is one per
 * machine (each replica's own file then holds every checkpoint, whichever replica built it).
 */
export function witnessKey(target: WitnessTarget): string {
  return target.kind === 'http' ? target.url : `file://${hostname()}${target.path}`;
}

/** A witness line: the signed checkpoint as the api serves it, one JSON object. */
export function witnessLine(checkpoint: SignedCheckpoint): string {
  const { format, seq, xidFrom, xidTo, treeSize, rootHash, previousHash, createdAt, keyId, hash, signature } =
    checkpoint;
  const line = { format, seq, xidFrom, xidTo, treeSize, rootHash, previousHash, createdAt, keyId, hash, signature };
  return JSON.stringify(line);
}

/** Publishes one line; resolves once the witness holds it (the file fsync'd, or the service answered 2xx). */
export async function publishToWitness(target: WitnessTarget, line: string, timeoutMs: number): Promise<void> {
  if (target.kind === 'file') return appendDurably(target.path, line);
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: line,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`the witness answered ${response.status}`);
}

async function appendDurably(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'a', 0o640);
  try {
    await file.write(`${line}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Every line the witness holds, as text. */
export async function readWitness(target: WitnessTarget, timeoutMs = 30_000): Promise<string> {
  if (target.kind === 'file') return readFile(target.path, 'utf8');
  const response = await fetch(target.url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`the witness answered ${response.status} to GET ${target.url}`);
  return response.text();
}
