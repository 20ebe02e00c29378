import { PageLimit } from '@liaison/platform';

export const WORK_LIMIT = { default: 200, max: 1000 } as const;

/** `?limit=`: how many of the most urgent requests waiting on the caller. */
export class MyWorkQuery {
  @PageLimit({ ...WORK_LIMIT, description: 'The most urgent first; `more` says whether others wait.' })
  limit: number = WORK_LIMIT.default;
}
