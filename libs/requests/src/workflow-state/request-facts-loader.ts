import { EntityManager } from '@mikro-orm/postgresql';
import { PersonSchema, TaskForceRequestSchema, type Request } from '@liaison/data';
import { findLegalBasis, type RequestContent, type RequestFacts } from '@liaison/domain';

/** What the rules read of a linked person: never its identifying data. */
export interface PersonFact {
  role: string;
  minor: boolean | null;
  nationality: string | null;
}

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
  const victim = persons.find((person) => person.role === 'victim');
  const derived: RequestContent = {
    personsConcerned: persons.length || undefined,
    personSoughtIdentified: persons.some((person) => person.role === 'suspect') || undefined,
    victimIdentified: victim ? true : undefined,
    victimIsChild: victim?.minor ?? undefined,
    victimStatedNationality: victim?.nationality ?? undefined,
  };
  return {
    urgency: request.urgency,
    legalBasis: findLegalBasis(request.legalBasis),
    suggestedDeadline: request.suggestedDeadline ?? undefined,
    taskForceLinked,
    requestedAgencyLanguages: request.requestedAgency.acceptedLanguages,
    content: { ...withoutUndefined(derived), ...withoutUndefined(request.content), language: request.language },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
