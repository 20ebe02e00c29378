import type { CheckpointRead, VerificationFailure } from './export-verifier';

/** How an export's checkpoints compare with the witness. */
export interface WitnessReport {
  /** The witness as given (`--witness`). */
  source: string;
  /** Lines the witness holds (a checkpoint published twice is two lines). */
  entries: number;
  /** The export's checkpoints found in the witness with the same signed root. */
  matched: number;
  /** The export's checkpoints. */
  checkpoints: number;
}

interface WitnessEntry {
  line: number;
  rootHash: string;
  hash: string;
}

/**
 * Every checkpoint of the export must be in the witness with the same signed root and hash: one missing from it, or
 * one whose root differs (rewritten in the database after it was published), fails. The witness itself must not
 * hold two different checkpoints under one number.
 */
export function checkAgainstWitness(
  checkpoints: readonly CheckpointRead[],
  witnessText: string,
  source: string,
): { report: WitnessReport; failure: VerificationFailure | null } {
  const lines = witnessText.split('\n').filter((line) => line.trim() !== '');
  const report: WitnessReport = { source, entries: lines.length, matched: 0, checkpoints: checkpoints.length };
  const witnessed = new Map<number, WitnessEntry>();
  for (const [index, text] of lines.entries()) {
    const entry = parseWitnessLine(text, index + 1);
    if (typeof entry === 'string') return { report, failure: { line: 0, reason: entry } };
    const [seq, found] = entry;
    const earlier = witnessed.get(seq);
    if (earlier && (earlier.rootHash !== found.rootHash || earlier.hash !== found.hash)) {
      const reason = `the witness holds two different checkpoints #${seq} (its lines ${earlier.line} and ${found.line})`;
      return { report, failure: { line: 0, reason, checkpoint: seq } };
    }
    witnessed.set(seq, found);
  }
  for (const checkpoint of checkpoints) {
    const where = { line: checkpoint.line, checkpoint: checkpoint.seq };
    const entry = witnessed.get(checkpoint.seq);
    if (!entry) return { report, failure: { ...where, reason: `checkpoint #${checkpoint.seq} is not in the witness` } };
    if (entry.rootHash !== checkpoint.rootHash || entry.hash !== checkpoint.hash) {
      const reason = `checkpoint #${checkpoint.seq}'s signed root differs from the witness's (line ${entry.line} there): the checkpoint was rewritten after it was published`;
      return { report, failure: { ...where, reason } };
    }
    report.matched += 1;
  }
  return { report, failure: null };
}

function parseWitnessLine(text: string, line: number): [number, WitnessEntry] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `the witness's line ${line} is not JSON`;
  }
  const { seq, rootHash, hash } = (value ?? {}) as { seq?: unknown; rootHash?: unknown; hash?: unknown };
  if (!Number.isInteger(seq) || typeof rootHash !== 'string' || typeof hash !== 'string') {
    return `the witness's line ${line} is not a signed checkpoint`;
  }
  return [seq as number, { line, rootHash, hash }];
}
