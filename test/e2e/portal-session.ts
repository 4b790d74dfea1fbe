// One browser session on a real Clearway server per test file: a fresh copy of the test database,
// the server as `npm start` runs it, Debian's Chromium, and the helpers the browser tests share.
import { mkdir } from 'node:fs/promises';

import { chromium, type Browser, type Cookie, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

import { createDatabase, dropDatabase } from '../setup/test-database';
import { startClearway, type ClearwayProcess } from './clearway-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Launch flags that work in this sandbox (no sandboxing as root, no network but loopback).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PortalSession {
  clearway: ClearwayProcess;
  /** The server's database, for tests that prepare data through lib/ (set process.env.DATABASE_URL to it). */
  databaseUrl: string;
  browser: Browser;
  page: Page;
  /** Signs in on the sign-in page as a person would (demo password), replacing any earlier session. */
  actAs(email: string, on?: Page): Promise<void>;
  /** Session cookies of a person signed in through the form, for other browser contexts (phone, no JavaScript). */
  cookiesFor(email: string): Promise<Cookie[]>;
  /** A full-page screenshot into test-results/. */
  shot(name: string, on?: Page): Promise<void>;
}

export const DEMO_PASSWORD = 'clearway-demo';

/** Signs in through /signin and waits until the portal shows the person as signed in. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD, then = '/declarations'): Promise<void> {
  await page.goto(`${baseUrl}/signin?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === new URL(then, baseUrl).pathname);
  // By test id: the portal may now speak the person's own language (their profile's choice).
  await expect.poll(() => page.getByTestId('sign-out').count()).toBe(1);
}

/**
 * Registers the file's hooks; the returned object is filled in before the first test. `env`: more
 * settings for the server, read when it starts (after the file's earlier beforeAll hooks ran).
 */
export function openPortalSession(options: { env?: () => Record<string, string> } = {}): PortalSession {
  let databaseUrl: string | undefined;
  const session = {
    async actAs(email: string, on?: Page) {
      const page = on ?? session.page;
      // Come back to the page we were on, as the portal's sign-in redirect does.
      const here = page.url().startsWith(session.clearway.url) ? page.url().slice(session.clearway.url.length) : '';
      await page.context().clearCookies();
      await signIn(page, session.clearway.url, email, DEMO_PASSWORD, here && !here.startsWith('/signin') && here !== '/' ? here : '/declarations');
    },
    async cookiesFor(email: string) {
      const context = await session.browser.newContext();
      try {
        await signIn(await context.newPage(), session.clearway.url, email);
        return await context.cookies();
      } finally {
        await context.close();
      }
    },
    async shot(name: string, on?: Page) {
      await (on ?? session.page).screenshot({ path: `test-results/${name}.png`, fullPage: true });
    },
  } as PortalSession;

  beforeAll(async () => {
    databaseUrl = await createDatabase(inject('adminUrl'), { template: inject('templateDb'), prefix: 'e2e' });
    session.databaseUrl = databaseUrl;
    session.clearway = await startClearway({ ...options.env?.(), DATABASE_URL: databaseUrl });
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
