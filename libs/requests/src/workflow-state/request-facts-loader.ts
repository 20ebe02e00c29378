import { EntityManager } from '@mikro-orm/postgresql';
import { PersonSchema, TaskForceRequestSchema, type Request } from '@liaison/data';
import { contentWithPersonFacts, findLegalBasis, type PersonFact, type RequestFacts } from '@liaison/domain';

/** The request's own fields the rules read. */
export type FactsSource = Pick<Request, 'urgency' | 'legalBasis' | 'suggestedDeadline' | 'content' | 'language'> & {
  requestedAgency: { acceptedLanguages: readonly string[] };
};

/**
 * What the workflow rules read about a request: its stored content completed with what its linked persons say
 * (that there are some, who is identified, whether the victim is a child), never their identifying data.
 * The requested agency must be loaded (its accepted languages are read).
 */
export async function loadRequestFacts(em: EntityManager, request: Request): Promise<RequestFacts> {
  const persons = await em.find(PersonSchema, { request: request.id }, { fields: ['role', 'minor', 'nationality'] });
  const taskForceLinked = (await em.count(TaskForceRequestSchema, { request: request.id })) > 0;
  return requestFacts(
    request,
    persons.map((person) => ({
      role: person.role,
      minor: person.minor ?? null,
      nationality: person.nationality ?? null,
    })),
    taskForceLinked,
  );
}

/** The same facts from rows already read (the write path reads them with the request, in one statement). */
export function requestFacts(request: FactsSource, persons: PersonFact[], taskForceLinked: boolean): RequestFacts {
  return {
    urgency: request.urgency,
    legalBasis: findLegalBasis(request.legalBasis),
    suggestedDeadline: request.suggestedDeadline ?? undefined,
    taskForceLinked,
    requestedAgencyLanguages: request.requestedAgency.acceptedLanguages,
    content: { ...contentWithPersonFacts(request.content, persons), language: request.language },
  };
}
