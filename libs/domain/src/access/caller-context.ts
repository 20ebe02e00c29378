import type { Actor } from './actor';

/** Who makes a call and the id of their HTTP request: what every change they make records in the trail. */
export interface CallerContext {
  actor: Actor;
  /** From `X-Request-Id` (or generated for the request); null when there is no HTTP request. */
  clientRequestId: string | null;
}
