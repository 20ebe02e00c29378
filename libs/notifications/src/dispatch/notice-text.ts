import type { Notice } from '../queues/queue-names';

/** What a notice says in one language: references, states and deadlines only. */
export interface NoticeText {
  title: string;
  body: string;
}

type Phrases = {
  transition: (n: Extract<Notice, { type: 'transition' }>) => NoticeText;
  overdue: (n: Extract<Notice, { type: 'deadline_overdue' }>) => NoticeText;
  reasons: Record<string, string>;
};

const words = (state: string) => state.replace(/_/g, ' ');

const PHRASES: Record<string, Phrases> = {
  en: {
    transition: (n) => ({
      title: `${n.reference}: ${words(n.from)} → ${words(n.to)}`,
      body: `Request ${n.reference} (${n.kind.toUpperCase()}) moved from ${words(n.from)} to ${words(n.to)} (event: ${words(n.event)}, version ${n.version}).`,
    }),
    overdue: (n) => ({
      title: `${n.reference}: ${words(n.timer)} deadline passed`,
      body: `The ${words(n.timer)} deadline of request ${n.reference} (${n.kind.toUpperCase()}) passed on ${n.dueAt.slice(0, 10)} while it was ${words(n.state)}.`,
    }),
    reasons: {
      counterpart: 'You are told because your agency is a party to this request.',
      task_force: 'You are told because your task force follows this request.',
      decision_owed: 'Your central authority must decide on it next.',
      outcome: 'You filed this request.',
      deadline_overdue: 'Your side is responsible for this deadline: please escalate.',
    },
  },
  fr: {
    transition: (n) => ({
      title: `${n.reference} : ${words(n.from)} → ${words(n.to)}`,
      body: `La demande ${n.reference} (${n.kind.toUpperCase()}) est passée de « ${words(n.from)} » à « ${words(n.to)} » (événement : ${words(n.event)}, version ${n.version}).`,
    }),
    overdue: (n) => ({
      title: `${n.reference} : délai « ${words(n.timer)} » dépassé`,
      body: `Le délai « ${words(n.timer)} » de la demande ${n.reference} (${n.kind.toUpperCase()}) a expiré le ${n.dueAt.slice(0, 10)} à l'état « ${words(n.state)} ».`,
    }),
    reasons: {
      counterpart: 'Votre agence est partie à cette demande.',
      task_force: 'Votre équipe conjointe suit cette demande.',
      decision_owed: 'Votre autorité centrale doit maintenant se prononcer.',
      outcome: 'Vous avez déposé cette demande.',
      deadline_overdue: 'Ce délai incombe à votre partie : merci de le traiter en priorité.',
    },
  },
};

/** The notice in the recipient's language where there is a template for it, English otherwise. */
export function noticeText(notice: Notice, language = 'en'): NoticeText & { why: string } {
  const phrases = PHRASES[language] ?? PHRASES['en'];
  const text = notice.type === 'transition' ? phrases.transition(notice) : phrases.overdue(notice);
  return { ...text, why: phrases.reasons[notice.reason] ?? '' };
}

export function noticeKind(notice: Notice): string {
  return notice.type === 'transition' ? `request.${notice.event}` : 'deadline.overdue';
}

export const noticeLink = (notice: Notice) => `/v1/requests/${notice.requestId}`;
