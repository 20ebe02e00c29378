/**
 * Handling codes in the manner of Europol's SIENA (docs/domain.md, Handling codes): every request, note and
 * attachment carries one; it is shown with the item, checked before a task force or third agency sees it,
 * and recorded in the trail.
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const HANDLING_CODE_MEANINGS: Readonly<Record<HandlingCode, string>> = {
  H0: 'Use for the stated purpose only',
  H1: "No use as evidence in court without the provider's permission",
  H2: 'No onward sharing without permission',
  H3: 'Other restrictions (stated in free text)',
};

/** A handling code as carried by an item: H3 always states its restriction. */
export type Handling = { code: 'H0' | 'H1' | 'H2' } | { code: 'H3'; restriction: string };

export type HandlingParse = { ok: true; handling: Handling } | { ok: false; message: string };

export function isHandlingCode(value: unknown): value is HandlingCode {
  return typeof value === 'string' && (HANDLING_CODES as readonly string[]).includes(value);
}

export function parseHandling(code: unknown, restriction?: unknown): HandlingParse {
  if (!isHandlingCode(code)) {
    return { ok: false, message: `Handling code must be one of ${HANDLING_CODES.join(', ')}` };
  }
  if (code !== 'H3') return { ok: true, handling: { code } };
  if (typeof restriction !== 'string' || restriction.trim() === '') {
    return { ok: false, message: 'Handling code H3 needs its restriction in free text' };
  }
  return { ok: true, handling: { code, restriction: restriction.trim() } };
}

/**
 * Whether the provider must agree before the item reaches anyone beyond the two agencies (a task force or a
 * third agency). H3's free-text restriction cannot be read by a machine, so it is treated as restrictive.
 */
export function needsPermissionToShareOnward(handling: Handling): boolean {
  return handling.code === 'H2' || handling.code === 'H3';
}

/** An item's handling as stored: its code, and for H3 the restriction recorded with it. */
export function storedHandling(code: HandlingCode, restriction?: string | null): Handling {
  return code === 'H3' ? { code, restriction: restriction ?? '' } : { code };
}
