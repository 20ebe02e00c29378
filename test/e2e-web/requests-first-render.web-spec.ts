import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestKeySchema, RequestSchema } from '@liaison/data';
import { formatReference } from '@liaison/domain';
import { sealedRequestColumns } from '@liaison/testing';
import { uuidv7 } from 'uuidv7';
import { en } from '../../apps/web/src/i18n/en';
import { withOrm } from '../fault/support/bulk-fixture';
import { screenshot, signIn, startWebStack, type WebStack } from './support';

const SEEDED = 1000;
const RUNS = 3;
const RESULTS = join(__dirname, 'results');

/**
 * Records, in the page, when the first row of the requests table appears (a MutationObserver installed before the
 * console's own scripts), and the timing of the `GET /v1/requests` call that filled it.
 */
const FIRST_ROW_PROBE = `
  window.__firstRowAt = undefined;
  new MutationObserver((_, observer) => {
    if (document.querySelector('table tbody tr')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;
const READ_TIMINGS = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const search = performance.getEntriesByType('resource').find((entry) => /\\/v1\\/requests\\?/.test(entry.name));
  return {
    firstRowMs: window.__firstRowAt,
    domContentLoadedMs: navigation.domContentLoadedEventEnd,
    requestsApiStartMs: search ? search.startTime : null,
    requestsApiMs: search ? search.duration : null,
    rows: document.querySelectorAll('table tbody tr').length,
  };
})()`;

interface Timing {
  firstRowMs: number;
  domContentLoadedMs: number;
  requestsApiStartMs: number | null;
  requestsApiMs: number | null;
  rows: number;
}

/**
 * Time to first render of the requests page with 1,000 requests of the agency, measured in the browser and written
 * to test/e2e-web/results/first-render.json (git-ignored). Measured, not asserted: timings on a shared machine are
 * no pass/fail criterion. What is asserted is that the first page of the list is shown.
 */
describe('requests page: first render with 1,000 requests', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack();
    const { client } = stack;
    const india = await client.get<{ agency: { id: string } }>('officer@in-cbi.example', '/me');
    const nepalOfficer = await client.get<{ id: string; agency: { id: string } }>('officer@np-police.example', '/me');
    await withOrm(stack.environment.ownerDatabaseUrl, async (em) => {
      const now = Date.now();
      const keys: ReturnType<typeof sealedRequestColumns>['key'][] = [];
      const rows = Array.from({ length: SEEDED }, (_, index) => {
        const at = new Date(now - (SEEDED - index) * 60_000);
        const id = uuidv7();
        const sealed = sealedRequestColumns(id, {});
        keys.push(sealed.key);
        return {
          id,
          createdAt: at,
          updatedAt: at,
          lastActivityAt: at,
          reference: formatReference('mla', at.getUTCFullYear(), 500_000 + index),
          kind: 'mla' as const,
          requestingAgency: nepalOfficer.agency.id,
          requestedAgency: india.agency.id,
          createdBy: nepalOfficer.id,
          legalBasis: 'untoc',
          title: `Bank records of a recruitment agency, case ${index + 1}`,
          sealedContent: sealed.sealedContent,
          state: index % 3 === 0 ? 'received' : 'transmitted',
          overdue: index % 10 === 0,
          timers: [],
        };
      });
      await em.insertMany(RequestSchema, rows);
      await em.insertMany(RequestKeySchema, keys);
    });
  }, 240_000);
  afterAll(() => stack?.close());

  it('shows the first page of incoming requests; the time to the first row is recorded', async () => {
    const page = await stack.browser.newPage();
    await signIn(page, 'officer@in-cbi.example');
    await page.addInitScript({ content: FIRST_ROW_PROBE });
    const runs: Timing[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto('/requests');
      await page.getByRole('table', { name: en.requests.table.caption }).getByRole('row').nth(1).waitFor();
      runs.push((await page.evaluate(READ_TIMINGS)) as Timing);
    }
    await screenshot(page, 'requests-1000');
    for (const timing of runs) expect(timing.rows).toBe(50);

    const firstRender = runs.map((timing) => Math.round(timing.firstRowMs));
    const result = {
      measuredAt: new Date().toISOString(),
      seededRequests: SEEDED,
      rowsShown: runs[0].rows,
      viewport: '1366x768',
      firstRowMs: { first: firstRender[0], median: median(firstRender), runs: firstRender },
      runs,
      note: 'From navigation start to the first table row in the DOM; shared machine, other suites running.',
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'first-render.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `requests page, ${SEEDED} requests: first row after ${result.firstRowMs.median} ms (median of ${RUNS}; runs ${firstRender.join(', ')} ms)`,
    );
  }, 180_000);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
