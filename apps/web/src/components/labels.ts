import type { RequestKind } from '@liaison/domain';
import { t } from '../i18n/t';

/** `in_execution` → "In execution": workflow names as words. */
export function humanize(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function kindLabel(kind: RequestKind): string {
  return t(`kinds.${kind}`);
}

/** A moment in the viewer's time zone, the zone named (e.g. "8 Dec 2026, 14:30 GMT+5:30"). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** An event's name as a phrase inside a sentence: `return_for_amendment` → "return for amendment". */
export function eventPhrase(event: string): string {
  return event.replace(/_/g, ' ');
}

/** "a, b or c": event names as one phrase. */
export function eventsPhrase(events: readonly string[]): string {
  const phrases = events.map(eventPhrase);
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} ${t('common.or')} ${phrases.at(-1)}`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language' });

/** `hi` → "Hindi": a language code in words (the code itself when it is unknown). */
export function languageName(code: string): string {
  try {
    return LANGUAGES.of(code) ?? code;
  } catch {
    return code;
  }
}
