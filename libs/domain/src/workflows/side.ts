import type { RequestKind } from './request-kind';

/**
 * The two parties to a request. The requesting side files and the requested side answers; in a repatriation
 * the receiving agency (where the victim is) requests and the origin agency answers (Palermo Protocol Art. 8),
 * so they map onto the same two sides.
 */
export const SIDES = ['requesting', 'requested'] as const;
export type Side = (typeof SIDES)[number];

export function otherSide(side: Side): Side {
  return side === 'requesting' ? 'requested' : 'requesting';
}

const REPATRIATION_SIDE_NAMES: Readonly<Record<Side, string>> = { requesting: 'receiving', requested: 'origin' };

/** The side as the field calls it for this kind of request: `receiving`/`origin` in a repatriation. */
export function sideName(kind: RequestKind, side: Side): string {
  return kind === 'repatriation' ? REPATRIATION_SIDE_NAMES[side] : side;
}
