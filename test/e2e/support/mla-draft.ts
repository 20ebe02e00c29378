import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { RequestSchema, type Agency, type Request, type User } from '@liaison/data';
import type { RequestContent } from '@liaison/domain';
import { sealRequest } from '@liaison/testing';

let sequence = 0;

/** Everything UNTOC Art. 18(15) asks of an MLA request before submission. */
export const COMPLETE_MLA_CONTENT: RequestContent = {
  requestingAuthority: 'Central Bureau of Investigation, Anti-Human Trafficking Unit',
  subjectMatter: 'Trafficking in persons for forced labour (Palermo Art. 3)',
  proceedingsNature: 'Criminal investigation',
  conductingAuthority: 'Special Judge, CBI Court, New Delhi',
  summaryOfFacts: 'Recruitment network moving workers through the Raxaul border crossing.',
  assistanceSought: 'Bank records of two accounts held at a Kathmandu branch.',
  assistanceTypes: ['documents_and_records'],
  personsNotIdentifiedReason: 'Account holders to be identified from the records.',
  purpose: 'Trace the proceeds of the recruitment fees.',
};

/** A draft MLA request written straight into the database (the requests API is tested on its own). */
export async function createMlaDraft(
  em: EntityManager,
  requesting: Agency,
  requested: Agency,
  author: User,
): Promise<Request> {
  sequence += 1;
  const request = em.create(RequestSchema, {
    id: uuidv7(),
    reference: `MLA-2026-9${String(sequence).padStart(5, '0')}`,
    kind: 'mla',
    requestingAgency: requesting,
    requestedAgency: requested,
    createdBy: author,
    legalBasis: 'untoc',
    title: `Bank records for case ${sequence}`,
    content: COMPLETE_MLA_CONTENT,
    state: 'draft',
    timers: [],
    lastActivityAt: new Date(),
  });
  sealRequest(em, request);
  await em.flush();
  return request;
}
