import { EntityManager } from '@mikro-orm/postgresql';
import { AgencySchema, type Agency } from '@liaison/data';
import { findLegalBasis, parseHandling, type HandlingCode, type RequestKind } from '@liaison/domain';
import { fieldError, InvalidInputException } from '@liaison/platform';
import { unprocessable } from '../requests-problems';

/** The requested agency exists and is of another country than the requesting one (else a 422 naming it). */
export async function requestedAgencyFor(
  em: EntityManager,
  requestingAgencyId: string,
  requestedAgencyId: string,
): Promise<Agency> {
  const [requesting, requested] = await Promise.all([
    em.findOneOrFail(AgencySchema, requestingAgencyId),
    em.findOne(AgencySchema, requestedAgencyId),
  ]);
  if (!requested) throw unprocessable('requestedAgencyId', 'requestedAgencyId names no agency');
  if (requested.country === requesting.country) {
    throw unprocessable('requestedAgencyId', 'The requested agency must be of another country than yours');
  }
  return requested;
}

/** The legal basis must apply to the kind of request (the treaty or instrument covers it). */
export function assertLegalBasisFits(kind: RequestKind, legalBasisId: string): void {
  const basis = findLegalBasis(legalBasisId);
  if (!basis || !basis.kinds.includes(kind)) {
    throw unprocessable('legalBasis', `The legal basis ${legalBasisId} does not cover ${kind} requests`);
  }
}

/** A handling code and its restriction as stored: H3 needs its restriction in words; others carry none. */
export function handlingColumns(
  code: HandlingCode,
  restriction: string | null | undefined,
): { handlingCode: HandlingCode; handlingRestriction: string | null } {
  const parsed = parseHandling(code, restriction ?? undefined);
  if (!parsed.ok) throw new InvalidInputException([fieldError(['handlingRestriction'], parsed.message)]);
  const { handling } = parsed;
  return { handlingCode: handling.code, handlingRestriction: handling.code === 'H3' ? handling.restriction : null };
}
