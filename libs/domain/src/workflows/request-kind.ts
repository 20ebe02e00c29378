/** The three kinds of request Liaison carries (docs/domain.md). */
export const REQUEST_KINDS = ['mla', 'extradition', 'repatriation'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}

export const REQUEST_KIND_TITLES: Readonly<Record<RequestKind, string>> = {
  mla: 'Mutual legal assistance',
  extradition: 'Extradition',
  repatriation: 'Repatriation of victims',
};
