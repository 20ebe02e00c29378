import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { RequestSchema } from '@liaison/data';
import { formatReference } from '@liaison/domain';
import { uuidv7 } from 'uuidv7';
import { en } from '../../../apps/web/src/i18n/en';
import { withOrm } from '../../fault/support/bulk-fixture';
import { signIn, startWebStack, type WebStack } from '../../e2e-web/support';

const SEEDED = 1000;
const RUNS = 5;
const README = join(__dirname, 'README.md');
const MARKERS = ['<!-- worklist:results:start -->', '<!-- worklist:results:end -->'] as const;

/** When the first and the last row of the worklist appear, observed from before the console's own scripts run. */
const ROWS_PROBE = `
  window.__firstRowAt = undefined;
  window.__allRowsAt = undefined;
  new MutationObserver((_, observer) => {
    const rows = document.querySelectorAll('[data-testid="work-table"] tbody tr').length;
    if (rows > 0 && window.__firstRowAt === undefined) window.__firstRowAt = performance.now();
    if (rows >= ${SEEDED}) { window.__allRowsAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;
const READ_TIMINGS = `(() => {
  const work = performance.getEntriesByType('resource').find((entry) => /\\/v1\\/me\\/work/.test(entry.name));
  return {
    firstRowMs: window.__firstRowAt,
    allRowsMs: window.__allRowsAt,
    apiStartMs: work ? work.startTime : null,
    apiMs: work ? work.duration : null,
    rows: document.querySelectorAll('[data-testid="work-table"] tbody tr').length,
  };
})()`;

interface Timing {
  firstRowMs: number;
  allRowsMs: number;
  apiStartMs: number | null;
  apiMs: number | null;
  rows: number;
}

/**
 * 1,000 requests from Nepal Police transmitted to the CBI, each with its acknowledgement clock running: all of them
 * wait on the CBI's officers. The officer opens My work; the time from navigation to the first row and to the
 * thousandth is taken in the page, five times, and written to README.md with the machine and its load.
 */
describe('My work: first render with 1,000 open requests', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const india = await client.get<{ agency: { id: string } }>('officer@in-cbi.example', '/me');
    const nepal = await client.get<{ id: string; agency: { id: string } }>('officer@np-police.example', '/me');
    await withOrm(stack.environment.ownerDatabaseUrl, async (em) => {
      const now = Date.now();
      const rows = Array.from({ length: SEEDED }, (_, index) => {
        const at = new Date(now - (SEEDED - index) * 60_000);
        return {
          id: uuidv7(),
          createdAt: at,
          updatedAt: at,
          lastActivityAt: at,
          reference: formatReference('mla', at.getUTCFullYear(), 600_000 + index),
          kind: 'mla' as const,
          requestingAgency: nepal.agency.id,
          requestedAgency: india.agency.id,
          createdBy: nepal.id,
          legalBasis: 'untoc',
          title: `Bank records of a recruitment agency, case ${index + 1}`,
          content: {},
          state: 'transmitted',
          overdue: index % 50 === 0,
          timers: [
            {
              name: 'acknowledge',
              status: 'running' as const,
              dueAt: new Date(now + ((index * 7919) % SEEDED) * 3_600_000).toISOString(),
            },
          ],
        };
      });
      await em.insertMany(RequestSchema, rows);
    });
  }, 300_000);
  afterAll(() => stack?.close());

  it('shows all 1,000, most urgent first; the times are recorded', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, 'officer@in-cbi.example');
    await page.addInitScript({ content: ROWS_PROBE });
    const runs: Timing[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto('/work');
      await page.getByRole('heading', { level: 1, name: en.work.title }).waitFor();
      await page.waitForFunction(() => (globalThis as unknown as { __allRowsAt?: number }).__allRowsAt !== undefined, {
        timeout: 60_000,
      });
      runs.push((await page.evaluate(READ_TIMINGS)) as Timing);
    }
    for (const timing of runs) expect(timing.rows).toBe(SEEDED);
    // the first row is an overdue one (overdue first, then the earliest deadline)
    await page.locator('[data-testid="work-table"] tbody tr').first().locator('[data-urgency="overdue"]').waitFor();

    const summary = (pick: (timing: Timing) => number | null) => {
      const values = runs.map(pick).map((value) => Math.round(value ?? 0));
      return { median: median(values), runs: values };
    };
    const first = summary((timing) => timing.firstRowMs);
    const all = summary((timing) => timing.allRowsMs);
    const api = summary((timing) => timing.apiMs);
    writeResults([
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB; load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}; api, worker, PostgreSQL, Redis and Chromium on the same machine, 1366×768.`,
      '',
      '| measure (median of 5, from navigation start) | result | runs |',
      '| --- | --- | --- |',
      `| first row of My work | **${first.median} ms** | ${first.runs.join(', ')} ms |`,
      `| all ${SEEDED.toLocaleString('en')} rows of My work | ${all.median} ms | ${all.runs.join(', ')} ms |`,
      `| \`GET /v1/me/work?limit=1000\` (in the browser) | ${api.median} ms | ${api.runs.join(', ')} ms |`,
    ]);
    console.log(
      `My work, ${SEEDED} requests: first row ${first.median} ms, all rows ${all.median} ms, API ${api.median} ms`,
    );
  }, 300_000);
});

function writeResults(lines: string[]): void {
  const readme = readFileSync(README, 'utf8');
  const [start, end] = MARKERS;
  const before = readme.slice(0, readme.indexOf(start) + start.length);
  const after = readme.slice(readme.indexOf(end));
  writeFileSync(README, `${before}\n\n${lines.join('\n')}\n\n${after}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
