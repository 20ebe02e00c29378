import type { Request } from '@liaison/data';
import type { HandlingCode, RequestContent } from '@liaison/domain';
import type { UpdateRequestDto } from './update-request.dto';

type Assignable = Partial<
  Pick<
    Request,
    | 'legalBasis'
    | 'urgency'
    | 'language'
    | 'handlingCode'
    | 'handlingRestriction'
    | 'title'
    | 'content'
    | 'suggestedDeadline'
  >
>;

const SCALARS = ['legalBasis', 'urgency', 'language', 'title'] as const;

/**
 * What a PATCH changes on a draft, and the names of the changed fields for the audit trail (`content.<field>`
 * for content). Values equal to the stored ones are no change.
 */
export function draftChanges(
  request: Request,
  input: UpdateRequestDto,
  handling: { handlingCode: HandlingCode; handlingRestriction: string | null } | undefined,
): { assign: Assignable; changed: string[] } {
  const assign: Assignable = {};
  const changed: string[] = [];
  for (const field of SCALARS) {
    const value = field === 'title' ? input.title?.trim() : input[field];
    if (value !== undefined && value !== request[field]) {
      Object.assign(assign, { [field]: value });
      changed.push(field);
    }
  }
  if (handling && handling.handlingCode !== request.handlingCode) changed.push('handlingCode');
  if (handling && handling.handlingRestriction !== request.handlingRestriction) changed.push('handlingRestriction');
  if (handling) Object.assign(assign, handling);
  const deadline = deadlineChange(request, input);
  if (deadline !== undefined) {
    assign.suggestedDeadline = deadline;
    changed.push('suggestedDeadline');
  }
  if (input.content) {
    const { content, fields } = mergeContent(request.content, input.content);
    if (fields.length > 0) assign.content = content;
    changed.push(...fields.map((field) => `content.${field}`));
  }
  return { assign, changed };
}

function deadlineChange(request: Request, input: UpdateRequestDto): Date | null | undefined {
  if (input.suggestedDeadline === undefined) return undefined;
  const next = input.suggestedDeadline === null ? null : new Date(input.suggestedDeadline);
  return next?.getTime() === request.suggestedDeadline?.getTime() ? undefined : next;
}

/** JSON merge patch (RFC 7396) of the content's first level: null removes a field. */
export function mergeContent(current: RequestContent, patch: object): { content: RequestContent; fields: string[] } {
  const content: Record<string, unknown> = { ...current };
  const fields: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const plain = value === null ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
    if (JSON.stringify(plain) === JSON.stringify(content[field])) continue;
    if (plain === undefined) delete content[field];
    else content[field] = plain;
    fields.push(field);
  }
  return { content: content as RequestContent, fields: fields.sort() };
}
