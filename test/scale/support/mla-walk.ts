import type { Party } from '../../fault/support/bulk-fixture';
import { sendTransition, type Answer } from '../../fault/support/http-client';

type Side = 'india' | 'nepal';

/**
 * Each request's walk, from `under_review`: who sends each event and whose partner systems hear of it. The
 * workflow notifies the other side's officers of a transmitted request's every move, and the supervisors who owe
 * the next decision (UNTOC-style MLA: Nepal's supervisor decides on a received request, and may postpone or refuse
 * one in execution); each notified agency's webhook gets the event once.
 */
export const WALK: { event: string; as: Party; payload?: object; webhooksTo: Side[] }[] = [
  { event: 'approve', as: 'indiaSupervisor', webhooksTo: ['nepal'] },
  { event: 'acknowledge', as: 'nepalOfficer', webhooksTo: ['india', 'nepal'] },
  { event: 'accept', as: 'nepalSupervisor', webhooksTo: ['india', 'nepal'] },
  {
    event: 'request_information',
    as: 'nepalOfficer',
    payload: { information: 'The account opening forms' },
    webhooksTo: ['india'],
  },
];

export interface WalkTally {
  accepted: number;
  /** Answers other than those the walk expects, with where they came from. */
  unexpected: string[];
  /** Statuses of the losing copy of each duplicated transition. */
  duplicateLosers: Record<number, number>;
  /** 422 answers per request: each is a refused transition in that request's trail. */
  refusedByRequest: Map<string, number>;
  replayed: number;
}

export interface WalkPlan {
  apis: string[];
  tokens: Record<Party, string>;
  /** Every `duplicateEvery`-th request gets its acknowledgement sent to both apis at once. */
  duplicateEvery: number;
  /** Every `replayEvery`-th request (offset by one) has its acceptance retried on the other api with the same key. */
  replayEvery: number;
  concurrency: number;
}

/** Walks every request through WALK over HTTP, `concurrency` requests at a time, alternating the apis per step. */
export async function walkAll(requestIds: string[], plan: WalkPlan): Promise<WalkTally> {
  const tally: WalkTally = {
    accepted: 0,
    unexpected: [],
    duplicateLosers: {},
    refusedByRequest: new Map(),
    replayed: 0,
  };
  let next = 0;
  const lane = async () => {
    while (next < requestIds.length) {
      const index = next++;
      for (let step = 0; step < WALK.length; step += 1) await takeStep(plan, tally, requestIds[index], index, step);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  return tally;
}

async function takeStep(plan: WalkPlan, tally: WalkTally, requestId: string, index: number, step: number) {
  const { event, as, payload } = WALK[step];
  const api = (offset: number) => plan.apis[(index + step + offset) % plan.apis.length];
  const send = (offset: number, headers: Record<string, string> = {}) =>
    sendTransition(api(offset), plan.tokens[as], requestId, event, payload, headers);
  const note = (answer: Answer, what: string) =>
    tally.unexpected.push(`${what} ${event} ${requestId}: ${answer.status} ${JSON.stringify(answer.body)}`);

  if (step === 1 && index % plan.duplicateEvery === 0) {
    const answers = await Promise.all([send(0), send(1)]);
    const winners = answers.filter((answer) => answer.status === 200);
    if (winners.length !== 1) return note(answers[1], `duplicate (${answers.map((a) => a.status)})`);
    tally.accepted += 1;
    const loser = answers.find((answer) => answer.status !== 200) as Answer;
    tally.duplicateLosers[loser.status] = (tally.duplicateLosers[loser.status] ?? 0) + 1;
    if (loser.status === 422) tally.refusedByRequest.set(requestId, (tally.refusedByRequest.get(requestId) ?? 0) + 1);
    else if (loser.status !== 409) note(loser, 'duplicate loser');
    return;
  }
  const key = step === 2 && index % plan.replayEvery === 1 ? { 'Idempotency-Key': `scale-${requestId}-accept` } : null;
  const answer = await send(0, key ?? {});
  if (answer.status !== 200) return note(answer, 'step');
  tally.accepted += 1;
  if (!key) return;
  const retry = await send(1, key);
  const same = retry.status === 200 && retry.headers.get('idempotent-replayed') === 'true';
  if (same && retry.body?.['version'] === answer.body?.['version']) tally.replayed += 1;
  else note(retry, 'replay');
}
