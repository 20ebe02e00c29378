import { ProblemException } from './problem.exception';

/**
 * The problem types any library answers with, by the last segment of their `type` URI
 * (`https://liaison.example/problems/<type>`); the title is the HTTP status's unless a problem says otherwise.
 * Each library names its own types in its `*-problems.ts`.
 */
export const PLATFORM_PROBLEMS = {
  forbidden: 'forbidden',
  conflict: 'conflict',
  preconditionFailed: 'precondition-failed',
  unavailable: 'unavailable',
} as const;

/** 403: the caller is known but may not do this. */
export const forbidden = (detail: string, extensions?: Record<string, unknown>) =>
  new ProblemException(403, PLATFORM_PROBLEMS.forbidden, detail, extensions);

/** 409: the resource is not in a state that allows this. */
export const conflict = (detail: string) => new ProblemException(409, PLATFORM_PROBLEMS.conflict, detail);

/** 412: the caller's `If-Match` names a version that is no longer current. */
export const preconditionFailed = (detail: string, currentVersion: number) =>
  new ProblemException(412, PLATFORM_PROBLEMS.preconditionFailed, detail, { currentVersion });

/** 503: something this depends on cannot be reached now; trying again later may work. */
export const unavailable = (detail: string) => new ProblemException(503, PLATFORM_PROBLEMS.unavailable, detail);
