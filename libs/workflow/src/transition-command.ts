/** One event sent on one request, with what the caller claims about the version they saw. */
export interface TransitionCommand {
  requestId: string;
  event: string;
  payload: Record<string, unknown>;
  /** From `If-Match`: the request's version the caller saw; stale → 412. */
  ifMatch?: number;
}
