// One browser session on a real Clearway server per test file: a fresh copy of the test database,
// the server as `npm start` runs it, Debian's Chromium, and the helpers the browser tests share.
import { mkdir } from 'node:fs/promises';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

import { createDatabase, dropDatabase } from '../setup/test-database';
import { startClearway, type ClearwayProcess } from './clearway-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Launch flags that work in this sandbox (no sandboxing as root, no network but loopback).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PortalSession {
  clearway: ClearwayProcess;
  browser: Browser;
  page: Page;
  /** Chooses the acting user with the header's switcher, as a person would. */
  actAs(email: string): Promise<void>;
  /** A full-page screenshot into test-results/. */
  shot(name: string, on?: Page): Promise<void>;
}

/** Registers the file's hooks; the returned object is filled in before the first test. */
export function openPortalSession(): PortalSession {
  let databaseUrl: string | undefined;
  const session = {
    async actAs(email: string) {
      const { page } = session;
      const switched = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined);
      await page.getByLabel('Acting as').selectOption(email);
      await page.getByRole('button', { name: 'Switch' }).click();
      expect((await switched).status()).toBe(200);
      // The page has been rendered again for the new user (the header says whom it was rendered for).
      await expect.poll(() => page.getByTestId('acting-as').getAttribute('data-acting-as')).toBe(email);
    },
    async shot(name: string, on?: Page) {
      await (on ?? session.page).screenshot({ path: `test-results/${name}.png`, fullPage: true });
    },
  } as PortalSession;

  beforeAll(async () => {
    databaseUrl = await createDatabase(inject('adminUrl'), { template: inject('templateDb'), prefix: 'e2e' });
    session.clearway = await startClearway({ DATABASE_URL: databaseUrl });
    session.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    session.page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    session.page.setDefaultTimeout(15_000);
    await mkdir('test-results', { recursive: true });
  });

  // A failed step leaves a picture of the page and the end of the server's log.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session.page) return;
    await session.page.screenshot({ path: `test-results/failed-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}.png`, fullPage: true });
    console.error(session.clearway.output().split('\n').slice(-30).join('\n'));
  });

  afterAll(async () => {
    await session.browser?.close();
    await session.clearway?.stop();
    if (databaseUrl) await dropDatabase(inject('adminUrl'), databaseUrl);
  });

  return session;
}
