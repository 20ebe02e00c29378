import { describeWorkflow, isRequestKind, nextSteps } from '@liaison/domain';
import type { Notice } from '../queues/queue-names';

/** What a notice says in one language: references, states and deadlines only. */
export interface NoticeText {
  title: string;
  body: string;
}

type Phrases = {
  transition: (n: Extract<Notice, { type: 'transition' }>) => NoticeText;
  overdue: (n: Extract<Notice, { type: 'deadline_overdue' }>) => NoticeText;
  reminder: (n: Extract<Notice, { type: 'deadline_reminder' }>) => NoticeText;
  reasons: Record<string, string>;
  /** What the recipient's role is expected to do next, from the workflow ("approve or return for amendment"). */
  expected: (events: string) => string;
  or: string;
};

const words = (state: string) => state.replace(/_/g, ' ');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const DAY_MS = 86_400_000;
/** "3 days", "1 day", "12 hours" */
const span = (ms: number, day: string, days: string, hours: string) =>
  ms % DAY_MS === 0 ? `${ms / DAY_MS} ${ms === DAY_MS ? day : days}` : `${Math.round(ms / 3_600_000)} ${hours}`;

const PHRASES: Record<string, Phrases> = {
  en: {
    transition: (n) => ({
      title: `${n.reference}: ${words(n.event)}, now ${words(n.to)}`,
      body: `${capital(words(n.event))} on request ${n.reference} (${n.kind.toUpperCase()}): it was ${words(n.from)} and is now ${words(n.to)}.`,
    }),
    overdue: (n) => ({
      title: `${n.reference}: ${words(n.timer)} deadline passed`,
      body: `The ${words(n.timer)} deadline of request ${n.reference} (${n.kind.toUpperCase()}) passed on ${n.dueAt.slice(0, 10)} while it was ${words(n.state)}.`,
    }),
    reminder: (n) => ({
      title: `${n.reference}: ${words(n.timer)} deadline in ${span(n.beforeMs, 'day', 'days', 'hours')}`,
      body: `The ${words(n.timer)} deadline of request ${n.reference} (${n.kind.toUpperCase()}) falls due on ${n.dueAt.slice(0, 10)}; it is ${words(n.state)}.`,
    }),
    reasons: {
      counterpart: 'You are told because your agency is a party to this request.',
      task_force: 'You are told because your task force follows this request.',
      decision_owed: 'Your central authority must decide on it next.',
      outcome: 'You filed this request.',
      deadline_overdue: 'Your side is responsible for this deadline: please escalate.',
      deadline_reminder: 'Your side is responsible for this deadline.',
    },
    expected: (events) => `You must ${events}.`,
    or: 'or',
  },
  fr: {
    transition: (n) => ({
      title: `${n.reference} : « ${words(n.event)} », désormais « ${words(n.to)} »`,
      body: `« ${capital(words(n.event))} » sur la demande ${n.reference} (${n.kind.toUpperCase()}) : elle était « ${words(n.from)} » et est désormais « ${words(n.to)} ».`,
    }),
    overdue: (n) => ({
      title: `${n.reference} : délai « ${words(n.timer)} » dépassé`,
      body: `Le délai « ${words(n.timer)} » de la demande ${n.reference} (${n.kind.toUpperCase()}) a expiré le ${n.dueAt.slice(0, 10)} à l'état « ${words(n.state)} ».`,
    }),
    reminder: (n) => ({
      title: `${n.reference} : délai « ${words(n.timer)} » dans ${span(n.beforeMs, 'jour', 'jours', 'heures')}`,
      body: `Le délai « ${words(n.timer)} » de la demande ${n.reference} (${n.kind.toUpperCase()}) expire le ${n.dueAt.slice(0, 10)} ; elle est « ${words(n.state)} ».`,
    }),
    reasons: {
      counterpart: 'Votre agence est partie à cette demande.',
      task_force: 'Votre équipe conjointe suit cette demande.',
      decision_owed: 'Votre autorité centrale doit maintenant se prononcer.',
      outcome: 'Vous avez déposé cette demande.',
      deadline_overdue: 'Ce délai incombe à votre partie : merci de le traiter en priorité.',
      deadline_reminder: 'Ce délai incombe à votre partie.',
    },
    expected: (events) => `Vous devez : ${events}.`,
    or: 'ou',
  },
};

/** The notice in the recipient's language where there is a template for it, English otherwise. */
export function noticeText(notice: Notice, language = 'en'): NoticeText & { why: string } {
  const phrases = PHRASES[language] ?? PHRASES['en'];
  const text =
    notice.type === 'transition'
      ? phrases.transition(notice)
      : notice.type === 'deadline_reminder'
        ? phrases.reminder(notice)
        : phrases.overdue(notice);
  const expected = notice.type === 'deadline_overdue' ? undefined : expectedOfRecipient(notice, phrases);
  const why = notice.reason === 'decision_owed' && expected ? '' : (phrases.reasons[notice.reason] ?? '');
  return { ...text, why: [why, expected].filter(Boolean).join(' ') };
}

/** "You must approve or return for amendment.": the events the recipient's side and role owe in the new state. */
function expectedOfRecipient(
  notice: Extract<Notice, { type: 'transition' | 'deadline_reminder' }>,
  phrases: Phrases,
): string | undefined {
  const { recipient } = notice;
  if (recipient.type !== 'party' || !isRequestKind(notice.kind)) return undefined;
  const state = notice.type === 'transition' ? notice.to : notice.state;
  const step = nextSteps(describeWorkflow(notice.kind), state).find(
    (each) => each.side === recipient.side && each.role === recipient.role,
  );
  if (!step) return undefined;
  const events = step.events.map(words);
  const list = events.length > 1 ? `${events.slice(0, -1).join(', ')} ${phrases.or} ${events.at(-1)}` : events[0];
  return phrases.expected(list);
}

export function noticeKind(notice: Notice): string {
  if (notice.type === 'transition') return `request.${notice.event}`;
  return notice.type === 'deadline_reminder' ? 'deadline.reminder' : 'deadline.overdue';
}

export const noticeLink = (notice: Notice) => `/v1/requests/${notice.requestId}`;
