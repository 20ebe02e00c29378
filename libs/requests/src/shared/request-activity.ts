import type { Request } from '@liaison/data';

/**
 * Records that something happened to a request: lists sort by it. A change to what the request says (a draft
 * edit, its persons) also takes a new version, so an `If-Match` read before it no longer matches.
 */
export function touchRequest(request: Request, options: { newVersion: boolean }, now: Date = new Date()): void {
  request.lastActivityAt = now;
  if (options.newVersion) request.version += 1;
}
