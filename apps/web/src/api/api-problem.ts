/** One wrong field named by a problem+json `errors` list. */
export interface FieldError {
  field: string;
  in: 'body' | 'query' | 'path' | 'header';
  pointer?: string;
  detail: string;
}

/** An item a request still lacks (INCOMPLETE_REQUEST), in the words of UNTOC Art. 18(15). */
export interface MissingItem {
  id: string;
  wording: string;
  source: string;
  fields: string[];
}

/** A payload field the workflow refused (MISSING_PAYLOAD, INVALID_PAYLOAD). */
export interface PayloadProblem {
  field: string;
  problem: 'missing' | 'invalid';
  message: string;
}

/** RFC 9457 problem details as the API answers them, with Liaison's extension members. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  reason?: string;
  event?: string;
  fields?: PayloadProblem[];
  missing?: MissingItem[];
}

/** A failed call: the problem the server sent, or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: ProblemBody;
  /** Seconds to wait, from `Retry-After` (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(status: number, problem: ProblemBody, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }

  /** The field errors by field name, for a form. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.field, error.detail]));
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
