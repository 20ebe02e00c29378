import type { Person, PersonIdentity } from '../../../api/types';

/** The person form's values, as typed: names one per line, `minor` as yes / no / unknown. */
export interface PersonValues {
  role: string;
  gender: string;
  nationality: string;
  minor: string;
  names: string;
  dateOfBirth: string;
}

export const EMPTY_PERSON: PersonValues = {
  role: 'victim',
  gender: 'unknown',
  nationality: '',
  minor: 'unknown',
  names: '',
  dateOfBirth: '',
};

export function personValues(person: Person): PersonValues {
  return {
    role: person.role,
    gender: person.gender,
    nationality: person.nationality ?? '',
    minor: person.minor === null ? 'unknown' : person.minor ? 'yes' : 'no',
    names: (person.identity?.names ?? []).join('\n'),
    dateOfBirth: person.identity?.dateOfBirth ?? '',
  };
}

/** `POST /v1/requests/:id/persons`: what was left empty is left out. */
export function createPersonBody(values: PersonValues): Record<string, unknown> {
  const identity = typedIdentity(values);
  return {
    role: values.role,
    gender: values.gender,
    ...(values.nationality.trim() && { nationality: values.nationality.trim().toUpperCase() }),
    ...(values.minor !== 'unknown' && { minor: values.minor === 'yes' }),
    ...(Object.keys(identity).length && { identity }),
  };
}

/**
 * `PATCH /v1/requests/:id/persons/:personId`: every column (emptied ones as null); the identity only when its
 * names or date of birth changed, then with the fields this form does not show kept as they were.
 */
export function updatePersonBody(values: PersonValues, person: Person): Record<string, unknown> {
  const before = personValues(person);
  const identityChanged = values.names.trim() !== before.names.trim() || values.dateOfBirth !== before.dateOfBirth;
  const kept = Object.fromEntries(
    Object.entries(person.identity ?? {}).filter(
      ([field, value]) => field !== 'names' && field !== 'dateOfBirth' && value !== null && value !== undefined,
    ),
  );
  return {
    role: values.role,
    gender: values.gender,
    nationality: values.nationality.trim() ? values.nationality.trim().toUpperCase() : null,
    minor: values.minor === 'unknown' ? null : values.minor === 'yes',
    ...(identityChanged && { identity: { ...kept, ...typedIdentity(values) } }),
  };
}

function typedIdentity(values: PersonValues): PersonIdentity {
  const names = values.names
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    ...(names.length && { names }),
    ...(values.dateOfBirth.trim() && { dateOfBirth: values.dateOfBirth.trim() }),
  };
}
