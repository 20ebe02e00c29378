import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run), headless, quiet: no network of its own, no first-run work. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A laptop screen: the size the console must fit and the screenshots are taken at. */
export const VIEWPORT = { width: 1366, height: 768 };

export interface ConsoleBrowser {
  browser: Browser;
  /** A new tab in its own context (no shared session storage), at the laptop size, with relative URLs on the api. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** One browser per spec file; playwright gives each launch a fresh temporary profile (user-data dir). */
export async function launchBrowser(baseUrl: string): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 60_000 });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    newPage: async () => {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT, locale: 'en-GB' });
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}
