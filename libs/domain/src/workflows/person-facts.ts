import type { RequestContent } from './request-content';

/** What the rules read of a linked person: never its identifying data. */
export interface PersonFact {
  role: string;
  minor: boolean | null;
  nationality: string | null;
}

/**
 * What a request's linked persons say for the completeness rules: that there are some, that a suspect is named,
 * that a victim is identified, whether the victim is a child and their nationality. Nothing for what they leave open.
 */
export function personFacts(persons: readonly PersonFact[]): RequestContent {
  const victim = persons.find((person) => person.role === 'victim');
  return withoutUndefined({
    personsConcerned: persons.length || undefined,
    personSoughtIdentified: persons.some((person) => person.role === 'suspect') || undefined,
    victimIdentified: victim ? true : undefined,
    victimIsChild: victim?.minor ?? undefined,
    victimStatedNationality: victim?.nationality ?? undefined,
  });
}

/** The content a request states, completed with what its persons say (a stated field wins over a derived one). */
export function contentWithPersonFacts(content: RequestContent, persons: readonly PersonFact[]): RequestContent {
  return { ...personFacts(persons), ...withoutUndefined(content) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
