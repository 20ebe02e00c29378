import { STATUS_CODES } from 'node:http';
import type { FieldError } from '@liaison/platform';

/** RFC 9457 problem details, as every error of the API is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The request id (also in the X-Request-Id header), to find the entry in the logs. */
  requestId?: string;
  /** The wrong fields of a 400. */
  errors?: FieldError[];
  /** Health of each dependency, when /health answers 503. */
  checks?: Record<string, unknown>;
  /** Further members particular to the problem type (RFC 9457 §3.2), e.g. a refused transition's reason. */
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://liaison.example/problems/';

export function problem(status: number, slug: string, fields: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: `${PROBLEM_BASE}${slug}`, title: STATUS_CODES[status] ?? 'Error', status, ...fields };
}
