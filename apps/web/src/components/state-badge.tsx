import { Badge, type BadgeProps } from '@mantine/core';
import type { RequestKind } from '@liaison/domain';
import { humanize } from './labels';
import { toneOf, type StateTone } from './state-tone';

const TONE_WORDS: Readonly<Record<StateTone, string>> = {
  draft: 'Draft',
  waiting: 'Waiting',
  active: 'In progress',
  done: 'Done',
  ended: 'Ended',
};

/** A state's name is never cut off with an ellipsis: a long one wraps. */
const NEVER_TRUNCATED = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal' },
} as const;

/** Dark enough for white text (WCAG AA). */
const COLOR: Readonly<Record<StateTone, string>> = {
  draft: 'gray.8',
  waiting: '#8a4b00',
  active: 'indigo.9',
  done: '#1e6b30',
  ended: 'red.9',
};

/** A request's state, coloured by what it means (waiting, active, done, ended); the name says the rest. */
export function StateBadge({ kind, state, size = 'md', ...props }: { kind: RequestKind; state: string } & BadgeProps) {
  const tone = toneOf(kind, state);
  return (
    <Badge
      size={size}
      variant="filled"
      color={COLOR[tone]}
      data-tone={tone}
      title={TONE_WORDS[tone]}
      styles={NEVER_TRUNCATED}
      {...props}
    >
      {humanize(state)}
    </Badge>
  );
}
