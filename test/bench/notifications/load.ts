/** One call's outcome: HTTP status (0: no answer) and the time to it. */
export interface CallResult {
  status: number;
  ms: number;
}

export type Call = (id: string) => Promise<CallResult>;

/**
 * Open loop: call `i` starts at `i / rate` seconds whatever became of the earlier ones, as independent users would
 * (a closed loop slows its arrivals down when the system does, and so hides queueing). Resolves when all answered.
 */
export async function openLoop(ids: string[], rate: number, call: Call): Promise<CallResult[]> {
  const started = performance.now();
  const calls: Promise<CallResult>[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(call(ids[i]));
  }
  return Promise.all(calls);
}

/** Closed loop: `clients` callers, each sending its next call when the previous one answered (saturation). */
export async function closedLoop(ids: string[], clients: number, call: Call): Promise<CallResult[]> {
  const results: CallResult[] = [];
  let next = 0;
  const client = async () => {
    while (next < ids.length) results.push(await call(ids[next++]));
  };
  await Promise.all(Array.from({ length: clients }, client));
  return results;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
