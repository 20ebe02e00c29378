import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parsePublicKey } from '../signing/signing-key';
import { ExportVerifier, type VerificationReport } from './export-verifier';
import { feedInPool } from './pooled-verification';
import { forEachLineBytes } from './read-lines';
import { checkAgainstWitness, type WitnessReport } from './witness-check';
import { readWitness, witnessTargetOf } from '../witness/witness-target';

const USAGE = `Usage: liaison-audit verify <export.jsonl> --public-key <file> [--witness <file-or-url>] [--json] [--threads <n>]

Verifies an export of GET /v1/audit/export offline: every entry's hash, every stream's chain, every checkpoint's
Ed25519 signature, link and Merkle root (RFC 6962), and every inclusion proof. The public key is a PEM file or the
JSON answered by GET /v1/audit/public-key. --witness: the witness the worker publishes checkpoints to (AUDIT_WITNESS:
its JSON Lines file, or the URL of an HTTP witness, read with GET); every checkpoint of the export must be in it with
the same signed root. --threads: how many threads check entries on their own ahead of the ordered checks (default:
one per core; 1: none). Exit status: 0 verified, 1 verification failed, 2 usage error.`;

export interface VerifyFileOptions {
  /** Worker threads checking lines ahead (default: one per core); 1 checks everything on the calling thread. */
  threads?: number;
  /** The witness to check the export's checkpoints against: a JSON Lines file, or an http(s) URL. */
  witness?: string;
}

export async function verifyExportFile(
  path: string,
  publicKeyPem: string,
  options: VerifyFileOptions = {},
): Promise<VerificationReport> {
  const verifier = new ExportVerifier(parsePublicKey(publicKeyPem));
  const threads = options.threads ?? availableParallelism();
  // threads read ranges of a file; a pipe (`/dev/stdin`) is read as it comes
  if (threads > 1 && (await stat(path)).isFile()) await feedInPool(path, verifier, { threads });
  else await forEachLineBytes(path, (bytes, start, end) => verifier.pushBytes(bytes, start, end));
  const report = verifier.finish();
  if (options.witness === undefined || !report.ok) return report;
  const witnessText = await readWitness(witnessTargetOf(options.witness));
  const { report: witness, failure } = checkAgainstWitness(verifier.checkpointsRead, witnessText, options.witness);
  return { ...report, ok: failure === null, failure, witness };
}

export async function main(argv: string[]): Promise<number> {
  const [command, file, ...options] = argv;
  const keyAt = options.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? options[keyAt + 1] : undefined;
  const witnessAt = options.indexOf('--witness');
  const witness = witnessAt >= 0 ? options[witnessAt + 1] : undefined;
  const threadsAt = options.indexOf('--threads');
  const threads = threadsAt >= 0 ? Number(options[threadsAt + 1]) : undefined;
  if (
    command !== 'verify' ||
    !file ||
    !keyFile ||
    (witnessAt >= 0 && !witness) ||
    (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = process.hrtime.bigint();
  const report = await verifyExportFile(file, readFileSync(keyFile, 'utf8'), { threads, witness });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (options.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ...report, seconds })}\n`);
  } else {
    process.stdout.write(`${describe(report, seconds)}\n`);
  }
  return report.ok ? 0 : 1;
}

function describe(report: VerificationReport, seconds: number): string {
  const rate = Math.round(report.entries / Math.max(seconds, 1e-9));
  const counts = `${report.entries} entries in ${report.streams} streams, ${report.checkpoints} checkpoints`;
  if (report.ok) {
    const withheld = report.withheldStreams > 0 ? `\n${describeWithheld(report.withheldStreams)}` : '';
    const witness = report.witness ? `\n${describeWitness(report.witness)}` : '';
    return `VERIFIED: ${counts}; ${seconds.toFixed(2)} s, ${rate} entries/s\n${describeTail(report)}${withheld}${witness}`;
  }
  const failure = report.failure;
  const entry = failure?.entryId ? ` entry ${failure.entryId} (stream ${failure.stream}, seq ${failure.seq})` : '';
  const checkpoint = failure?.checkpoint ? ` checkpoint ${failure.checkpoint}` : '';
  const where = failure?.line ? ` at line ${failure.line}` : '';
  const witness = report.witness ? `\n${describeWitness(report.witness)}` : '';
  return `FAILED${where}${entry}${checkpoint}: ${failure?.reason}\n(read ${counts} before it)${witness}`;
}

function describeWitness(witness: WitnessReport): string {
  return `witness ${witness.source}: ${witness.matched} of ${witness.checkpoints} checkpoints match (${witness.entries} witness entries)`;
}

/** Streams the reader gets from a later entry on: their chains are checked from there. */
function describeWithheld(streams: number): string {
  const count = `${streams} ${streams === 1 ? 'stream begins' : 'streams begin'}`;
  return `${count} after entries withheld from this reader (another agency's internal phase); chains checked from there`;
}

/** What the signatures do not vouch for: the entries no checkpoint covers yet, checked by their chains alone. */
function describeTail(report: VerificationReport): string {
  const entries = `${report.uncheckpointed} ${report.uncheckpointed === 1 ? 'entry' : 'entries'}`;
  if (report.lastCheckpoint === null) {
    return `${entries} chain-checked only (no signed checkpoint in the export)`;
  }
  const verb = report.uncheckpointed === 1 ? 'is' : 'are';
  return `${entries} after checkpoint #${report.lastCheckpoint} ${verb} chain-checked only (not yet covered by a signed checkpoint)`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`liaison-audit: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
