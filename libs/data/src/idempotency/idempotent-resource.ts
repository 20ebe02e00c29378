/**
 * What a call sent with an `Idempotency-Key` wrote, by id: a replay shows it again from the database, as the caller
 * may see it then. Ids and workflow warnings only, never what the answer showed of the resource.
 */
export type IdempotentResource =
  | { type: 'request'; requestId: string }
  | { type: 'transition'; requestId: string; warnings: string[] }
  | { type: 'person'; requestId: string; personId: string }
  | { type: 'note'; requestId: string; noteId: string }
  | { type: 'attachment'; requestId: string; attachmentId: string };
