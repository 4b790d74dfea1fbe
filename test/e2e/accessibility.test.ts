// Every page of the portal, as each role sees it, through axe-core's WCAG 2.2 A/AA rules (see
// docs/accessibility.md for the list this file checks): anonymous pages, then each role's pages, plus
// the error states (a refused sign-in, a form step with errors, a page not found) and the session
// expiry dialog. Every page is checked before the test fails, so one run names every violation.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const session = openPortalSession();
let page: Page;
const url = (path: string) => `${session.clearway.url}${path}`;

beforeAll(() => {
  page = session.page;
});

const DESKTOP = { width: 1280, height: 900 };
/** WCAG 1.4.10 Reflow: content at 320 CSS px wide (1280 px at 400 % zoom) scrolls only vertically. */
const NARROW = { width: 320, height: 900 };

/** How far the page itself scrolls sideways, in CSS px (wide tables scroll inside their own region). */
const sidewaysOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Visits each page (a path, or a step that gets there) and checks it with axe, then at 320 px wide for
 * reflow (the page must not scroll sideways); throws once with every failure.
 */
async function checkPages(role: string, pages: Array<string | [string, (p: Page) => Promise<void>]>): Promise<void> {
  const failures: string[] = [];
  for (const entry of pages) {
    const [name, reach] = typeof entry === 'string' ? [entry, (p: Page) => p.goto(url(entry)).then(() => undefined)] : entry;
    try {
      await reach(page);
      await page.waitForLoadState('load');
      await expectNoAxeViolations(page, `${name} as ${role}`);
      await page.setViewportSize(NARROW);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) {
        // The outermost culprits: elements that stick out while their parent does not (or is the body),
        // outside any ancestor that scrolls sideways by itself (a table's region).
        const widest = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth + 1;
          const scrolls = (e: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
          const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
          const out: string[] = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (e.getBoundingClientRect().right <= limit) continue;
            const parent = e.parentElement!;
            if (parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
            let inScroller = false;
            for (let a = parent; a && a !== document.body; a = a.parentElement!) if (scrolls(a)) inScroller = true;
            if (inScroller) continue;
            out.push(`${describe(parent)} > ${describe(e)} ${Math.round(e.getBoundingClientRect().right)} px`);
          }
          return out.slice(0, 4);
        });
        failures.push(`${name} as ${role} (${page.url()}): scrolls ${overflow} px sideways at 320 px wide (WCAG 1.4.10 Reflow); widest: ${widest.join(', ')}`);
      }
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }
  if (failures.length) throw new Error(failures.join('\n\n'));
}

// Each role walks through many pages, each checked by axe: minutes on a loaded machine. A walk cut off by
// the test timeout would go on navigating under the next test, so the limit is generous.
const WALK = 600_000;

/** The first link on the current page to `prefix` followed by an id (no further path), not in `except`. */
async function firstLink(p: Page, prefix: string, except: string[] = []): Promise<string> {
  const hrefs = await p.locator(`main a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => /^[\w-]{6,}$/.test(h.slice(prefix.length)) && !except.includes(h));
  if (!href) throw new Error(`no ${prefix}… link on ${p.url()}`);
  return href;
}

const openFirst = (list: string, prefix: string, except?: string[], suffix = '') => async (p: Page) => {
  await p.goto(url(list));
  await p.goto(url((await firstLink(p, prefix, except)) + suffix));
};

describe('every page passes axe (WCAG 2.2 A and AA)', () => {
  it('anonymous pages, a refused sign-in and a page not found', async () => {
    await page.context().clearCookies();
    await checkPages('anonymous', [
      '/',
      '/signin',
      '/signup',
      '/forgot-password',
      '/tariff',
      '/tariff?q=coffee',
      '/verify',
      '/performance',
      '/interchange',
      '/accessibility',
      '/no-such-page',
      [
        '/signin (wrong password)',
        async (p) => {
          await p.goto(url('/signin'));
          await p.getByLabel('Email').fill('trader@rotterdam-importers.example');
          await p.getByLabel('Password').fill('not-the-password');
          await p.getByRole('button', { name: 'Sign in' }).click();
          await p.getByRole('alert').first().waitFor();
        },
      ],
    ]);
  }, WALK);

  it("a trader's pages, with a declaration step that has errors", async () => {
    await session.actAs('trader@rotterdam-importers.example');
    await checkPages('trader', [
      '/declarations',
      '/declarations?status=DRAFT',
      ['/declarations/[id]', openFirst('/declarations', '/declarations/', ['/declarations/new'])],
      '/declarations/new',
      [
        '/declarations/new (step with errors)',
        async (p) => {
          await p.goto(url('/declarations/new'));
          await p.getByRole('button', { name: 'Continue' }).click();
          await p.getByTestId('error-summary').waitFor();
        },
      ],
      ['/declarations/[id]/edit', openFirst('/declarations?status=DRAFT', '/declarations/', ['/declarations/new'], '/edit')],
      ['/declarations/[id]/amend', openFirst('/declarations?status=RELEASED', '/declarations/', ['/declarations/new'], '/amend')],
      '/permits',
      '/permits/finder',
      '/permits/finder?code=0201&origin=AR',
      '/permits/apply',
      ['/permits/applications/[id]', openFirst('/permits', '/permits/applications/')],
      '/permits/held',
      ['/permits/held/[id]', openFirst('/permits/held', '/permits/held/')],
      '/tracking',
      ['/tracking/[containerNumber]', openFirst('/tracking', '/tracking/')],
      '/interchange',
      '/notifications',
      '/notifications/preferences',
      '/account',
      '/company',
      '/company/api-tokens',
      '/company/webhooks',
      '/company/delegations',
      '/company/audit',
      '/accessibility',
    ]);
  }, WALK);

  it("a broker's pages", async () => {
    await session.actAs('broker@delta-brokers.example');
    await checkPages('broker', ['/declarations', '/work-queue', '/tracking', '/company/delegations', '/notifications', '/account']);
  }, WALK);

  it("a customs officer's pages", async () => {
    await session.actAs('officer@customs.example');
    await checkPages('officer', [
      '/officer',
      '/officer/queue',
      '/officer/performance',
      '/declarations',
      ['/declarations/[id]', openFirst('/declarations', '/declarations/', ['/declarations/new'])],
      '/tracking',
      '/company/delegations',
      '/company/audit',
      '/account',
    ]);
  }, WALK);

  it("a platform administrator's pages", async () => {
    await session.actAs('admin@clearway.example');
    await checkPages('admin', ['/declarations', '/officer', '/officer/queue', '/admin/permits', '/admin/scan-partners', '/admin/partner-links', '/scans', '/terminal', '/company/audit', '/account']);
  }, WALK);

  it("an agency officer's pages", async () => {
    await session.actAs('vet.officer@vet.example');
    await checkPages('agency officer', ['/agency', ['/permits/applications/[id]', openFirst('/agency', '/permits/applications/')], '/declarations', '/notifications', '/account']);
  }, WALK);

  it("a risk analyst's, an image analyst's and a terminal operator's pages", async () => {
    await session.actAs('analyst@customs.example');
    await checkPages('risk analyst', ['/risk', '/account']);
    await session.actAs('imaging@customs.example');
    await checkPages('image analyst', ['/scans', ['/scans/[id]', openFirst('/scans', '/scans/')], '/account']);
    await session.actAs('terminal@maasvlakte-terminal.example');
    await checkPages('terminal operator', ['/terminal', '/account']);
  }, WALK);

  it('the session expiry warning: a modal dialog before the session ends, which can extend it', async () => {
    await session.actAs('trader@rotterdam-importers.example');
    // The page's clock, not the server's: the session (8 hours) is nearly over for the page only.
    await page.clock.install();
    await page.goto(url('/declarations'));
    await page.clock.fastForward('07:56:00');
    const dialog = page.getByRole('dialog', { name: 'You will be signed out soon' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'session expiry dialog on /declarations');
    // The dialog takes the focus, on the button that keeps the person signed in.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    // Back to the real time before renewing: the server's new expiry (8 hours from its now) would be only
    // minutes away on the page's fast-forwarded clock, and the dialog would rightly come back at once.
    await page.clock.setSystemTime(new Date());
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/auth/session'));
    await page.keyboard.press('Enter');
    expect((await renewed).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await session.shot('session-expiry-after');
  }, WALK);
});
