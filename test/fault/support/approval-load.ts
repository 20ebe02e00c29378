import { sendTransition } from './http-client';

export interface Approval {
  requestId: string;
  /** 0: no answer (connection refused or reset, time-out). */
  status: number;
  contentType: string;
  problemType?: string;
  sentAt: number;
  answeredAt: number;
}

export interface ApprovalLoad {
  answers: Approval[];
  /** Lets the calls in flight finish, sends no more; resolves with every answer. */
  stop: () => Promise<Approval[]>;
  /** Resolves when every request has been sent and answered (or the load was stopped). */
  done: Promise<Approval[]>;
}

/**
 * India's supervisor approves the requests under review, `lanes` at a time, each request once, until all are sent
 * or `stop` is called; a lane whose call failed waits `pauseMs` before the next (a client backing off).
 */
export function startApprovals(
  apiUrl: string,
  token: string,
  requestIds: string[],
  options: { lanes: number; pauseMs?: number },
): ApprovalLoad {
  const answers: Approval[] = [];
  let next = 0;
  let stopped = false;
  const lane = async () => {
    while (!stopped && next < requestIds.length) {
      const requestId = requestIds[next++];
      const sentAt = Date.now();
      const answer = await sendTransition(apiUrl, token, requestId, 'approve');
      answers.push({
        requestId,
        status: answer.status,
        contentType: answer.contentType,
        problemType: answer.body?.['type'] as string | undefined,
        sentAt,
        answeredAt: Date.now(),
      });
      if (answer.status !== 200 && options.pauseMs) await new Promise((done) => setTimeout(done, options.pauseMs));
    }
  };
  const done = Promise.all(Array.from({ length: options.lanes }, lane)).then(() => answers);
  return {
    answers,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}
