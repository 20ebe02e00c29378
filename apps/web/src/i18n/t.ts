import { en, type Catalogue } from './en';

/** Dotted paths to the strings of the catalogue: `t('signIn.title')` is checked by the compiler. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<Catalogue>;

/** A string of the catalogue with its `{name}` placeholders filled in. One catalogue for now: English. */
export function t(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
  if (typeof found !== 'string') return key;
  return found.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A catalogue entry chosen at run time (a state or event name); the raw name when the catalogue lacks it. */
export function tOr(key: string, fallback: string, values: Readonly<Record<string, string | number>> = {}): string {
  const text = t(key as MessageKey, values);
  return text === key ? fallback : text;
}
