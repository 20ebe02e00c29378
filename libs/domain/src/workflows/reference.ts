import type { RequestKind } from './request-kind';

/** Human reference of a request, e.g. `MLA-2026-000123` (docs/architecture.md, API conventions). */
export interface RequestReference {
  kind: RequestKind;
  year: number;
  sequence: number;
}

const PREFIXES: Readonly<Record<RequestKind, string>> = { mla: 'MLA', extradition: 'EXT', repatriation: 'REP' };
const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;
const REFERENCE_PATTERN = /^(MLA|EXT|REP)-(\d{4})-(\d{6})$/;

export function formatReference(kind: RequestKind, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`A reference year has four digits, not ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`A reference sequence runs from 1 to ${MAX_SEQUENCE}, not ${sequence}`);
  }
  return `${PREFIXES[kind]}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of a reference in its canonical form, or undefined when the text is not one. */
export function parseReference(text: string): RequestReference | undefined {
  const match = REFERENCE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, prefix, year, sequence] = match;
  const kind = (Object.keys(PREFIXES) as RequestKind[]).find((candidate) => PREFIXES[candidate] === prefix);
  const parsed = Number(sequence);
  if (!kind || parsed < 1) return undefined;
  return { kind, year: Number(year), sequence: parsed };
}
