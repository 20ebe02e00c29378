import { Box, List, Text } from '@mantine/core';
import type { WorkflowDescription } from '@liaison/domain';
import { humanize } from '../../../components/labels';
import { t } from '../../../i18n/t';
import { layOut, targetsOf, type LaidOutState } from './workflow-layout';

const NODE_W = 128;
const NODE_H = 40;
const GAP_X = 34;
const GAP_Y = 14;
const PAD = 8;

const x = (state: LaidOutState) => PAD + state.layer * (NODE_W + GAP_X);
const y = (state: LaidOutState) => PAD + state.row * (NODE_H + GAP_Y);

/** Up to two lines of about 18 characters. */
function lines(name: string): string[] {
  const words = humanize(name).split(' ');
  const first: string[] = [];
  while (words.length > 0 && [...first, words[0]].join(' ').length <= 18) first.push(words.shift() as string);
  if (first.length === 0) first.push(words.shift() as string);
  return words.length > 0 ? [first.join(' '), words.join(' ')] : [first.join(' ')];
}

/** The request's workflow drawn from `GET /v1/workflows/:kind`, its current state highlighted. */
export function WorkflowDiagram({ workflow, current }: { workflow: WorkflowDescription; current: string }) {
  const { states, edges, groupEvents } = layOut(workflow);
  const byName = new Map(states.map((state) => [state.name, state]));
  const width = PAD * 2 + (Math.max(...states.map((state) => state.layer)) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = PAD * 2 + (Math.max(...states.map((state) => state.row)) + 1) * (NODE_H + GAP_Y) - GAP_Y;
  const currentLabel = t('detail.currentState', { state: humanize(current) });

  return (
    <Box>
      {/* Focusable so that a keyboard can scroll a wide diagram (axe: scrollable-region-focusable). */}
      <Box style={{ overflowX: 'auto' }} tabIndex={0} aria-label={t('detail.workflow')}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ minWidth: Math.min(width, 720), maxHeight: 420 }}
          role="img"
          aria-labelledby="workflow-title workflow-desc"
        >
          <title id="workflow-title">{t('detail.workflowCaption', { kind: workflow.title })}</title>
          <desc id="workflow-desc">{currentLabel}</desc>
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
            </marker>
          </defs>
          {edges.map((edge) => {
            const from = byName.get(edge.from);
            const to = byName.get(edge.to);
            if (!from || !to) return null;
            return (
              <path
                key={`${edge.from}>${edge.to}`}
                d={edgePath(from, to)}
                fill="none"
                stroke="#868e96"
                strokeWidth={1.2}
                markerEnd="url(#arrow)"
              />
            );
          })}
          {states.map((state) => {
            const isCurrent = state.name === current;
            return (
              <g
                key={state.name}
                transform={`translate(${x(state)}, ${y(state)})`}
                data-state={state.name}
                data-current={isCurrent || undefined}
              >
                <rect
                  width={NODE_W}
                  height={NODE_H}
                  rx={6}
                  fill={isCurrent ? '#364fc7' : state.final ? '#f1f3f5' : '#ffffff'}
                  stroke={isCurrent ? '#1a237e' : '#495057'}
                  strokeWidth={isCurrent || state.final ? 2 : 1}
                  strokeDasharray={state.internal ? '4 3' : undefined}
                />
                {lines(state.name).map((line, index, all) => (
                  <text
                    key={line}
                    x={NODE_W / 2}
                    y={NODE_H / 2 + (index - (all.length - 1) / 2) * 13 + 4}
                    textAnchor="middle"
                    fontSize={11}
                    fontWeight={isCurrent ? 700 : 400}
                    fill={isCurrent ? '#ffffff' : '#212529'}
                  >
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
        </svg>
      </Box>
      <Text size="sm" mt={4} fw={600}>
        {currentLabel}
      </Text>
      {groupEvents.length > 0 && (
        <List size="xs" mt={4}>
          {groupEvents.map((event) => (
            <List.Item key={event.name}>
              {humanize(event.fromGroup ?? '')}: {humanize(event.name)} →{' '}
              {targetsOf(event).map(humanize).join(', ') || '…'}
            </List.Item>
          ))}
        </List>
      )}
    </Box>
  );
}

function edgePath(from: LaidOutState, to: LaidOutState): string {
  if (from.name === to.name) {
    const left = x(from) + NODE_W - 24;
    const top = y(from);
    return `M ${left} ${top} C ${left} ${top - 14}, ${left + 20} ${top - 14}, ${left + 20} ${top}`;
  }
  if (to.layer > from.layer) {
    const x1 = x(from) + NODE_W;
    const y1 = y(from) + NODE_H / 2;
    const x2 = x(to);
    const y2 = y(to) + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
  }
  // Backwards or within a column: around the bottom of the boxes.
  const x1 = x(from) + NODE_W / 2;
  const y1 = y(from) + NODE_H;
  const x2 = x(to) + NODE_W / 2 + (to.layer === from.layer ? 12 : 0);
  const y2 = y(to) + NODE_H;
  const dip = Math.max(y1, y2) + GAP_Y - 2;
  return `M ${x1} ${y1} C ${x1} ${dip}, ${x2} ${dip}, ${x2} ${y2}`;
}
