import type { InboxItem, InboxRequest, WorkItem } from '../../api/types';

/** The notices about one request (or one notice about none), newest first, and what the request expects of me. */
export interface InboxGroup {
  key: string;
  request: InboxRequest | null;
  items: InboxItem[];
  unread: number;
  /** The request waits on me now: the events expected of my roles. */
  expected: WorkItem['expected'];
}

/** Groups a page of notices per request, keeping the order of each group's first notice. */
export function groupInbox(items: readonly InboxItem[], work: readonly WorkItem[]): InboxGroup[] {
  const waiting = new Map(work.map((item) => [item.id, item.expected]));
  const groups = new Map<string, InboxGroup>();
  for (const item of items) {
    const key = item.request?.id ?? item.id;
    const group = groups.get(key) ?? {
      key,
      request: item.request,
      items: [],
      unread: 0,
      expected: item.request ? (waiting.get(item.request.id) ?? []) : [],
    };
    group.items.push(item);
    if (item.readAt === null) group.unread += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}
