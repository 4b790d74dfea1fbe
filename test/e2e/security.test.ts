// Security of the portal in the browser and over HTTP, on the server as `npm start` runs it (issue 12,
// items 4–7 and 12): security headers with a nonce CSP that the pages run under without a violation,
// sign-in redirects that stay on the portal, "sign out everywhere", a password change that keeps this
// session and ends the others, and next-auth following an https PUBLIC_URL (Secure cookies, redirects).
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createDatabase, dropDatabase } from '../setup/test-database';
import { startClearway, type ClearwayProcess } from './clearway-process';
import { DEMO_PASSWORD, openPortalSession, signIn } from './portal-session';

const session = openPortalSession();
const TRADER = 'trader@rotterdam-importers.example';

/** Collects the browser's CSP complaints on a page. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

describe('security headers', () => {
  it('puts a nonce CSP on every page, and the nonce on every script Next.js renders', async () => {
    const res = await fetch(`${session.clearway.url}/signin`);
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per answer.
    const again = (await fetch(`${session.clearway.url}/signin`)).headers.get('content-security-policy')!;
    expect(again).not.toContain(nonce);
  });

  it('forbids framing and sniffing, limits features and referrers; token pages send no referrer; no HSTS on plain http', async () => {
    for (const path of ['/signin', '/declarations', '/api/health']) {
      const h = (await fetch(`${session.clearway.url}${path}`, { redirect: 'manual' })).headers;
      expect(h.get('x-frame-options'), path).toBe('DENY');
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(h.get('permissions-policy'), path).toContain('camera=()');
      expect(h.get('strict-transport-security'), path).toBeNull();
    }
    for (const path of ['/reset-password/some-secret-token', '/invite/some-secret-token']) {
      expect((await fetch(`${session.clearway.url}${path}`)).headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('runs every page under the policy without a violation', async () => {
    const page = await session.browser.newPage();
    const violations = watchCsp(page);
    try {
      for (const path of ['/signin', '/signup', '/forgot-password', '/verify', '/tariff']) {
        await page.goto(`${session.clearway.url}${path}`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), { message: path }).toBe(1);
      }
      // The client-side sign-in form works (its script ran), then the signed-in pages.
      await signIn(page, session.clearway.url, TRADER);
      for (const path of ['/declarations', '/declarations/new', '/tracking', '/account', '/company', '/company/api-tokens']) {
        await page.goto(`${session.clearway.url}${path}`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), { message: path }).toBe(1);
      }
      // The verify page's in-browser check uses WebCrypto: it needs no relaxation of the policy.
      expect(await page.evaluate(async () => typeof (await crypto.subtle.digest('SHA-256', new Uint8Array([1]))).byteLength)).toBe('number');
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('sign-in redirects', () => {
  it('stays on the portal whatever callbackUrl says', async () => {
    const page = await session.browser.newPage();
    try {
      for (const evil of ['/\\evil.example', '//evil.example/x', 'https://evil.example/', '/\\/evil.example', 'https:evil.example']) {
        await page.context().clearCookies();
        await page.goto(`${session.clearway.url}/signin?callbackUrl=${encodeURIComponent(evil)}`);
        await page.getByLabel('Email').fill(TRADER);
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname === '/declarations' || url.hostname.includes('evil'), { timeout: 15_000 }).catch(() => undefined);
        const landed = new URL(page.url());
        expect(landed.origin, evil).toBe(session.clearway.url);
        expect(landed.pathname, evil).toBe('/declarations');
      }
      // A path on the portal is kept.
      await page.context().clearCookies();
      await signIn(page, session.clearway.url, TRADER, DEMO_PASSWORD, '/account');
    } finally {
      await page.close();
    }
  });
});

describe('sessions', () => {
  it('"Sign out everywhere" on the account page ends this and every other session', async () => {
    const email = 'clerk@rotterdam-importers.example';
    const other = await session.browser.newContext();
    try {
      await other.addCookies(await session.cookiesFor(email));
      const phone = await other.newPage();
      await phone.goto(`${session.clearway.url}/account`);
      await expect.poll(() => phone.getByTestId('profile').textContent()).toContain(email);

      await session.actAs(email);
      await session.page.goto(`${session.clearway.url}/account`);
      await session.page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await session.page.waitForURL(/\/signin/);
      await expect.poll(() => session.page.getByTestId('signed-out-everywhere').textContent()).toContain('signed out on every device');
      expect(await session.page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(0);

      // The other browser's cookie no longer works.
      await phone.goto(`${session.clearway.url}/account`);
      await phone.waitForURL(/\/signin/);
    } finally {
      await other.close();
    }
  });

  it('a password change keeps this session and ends the others; a common password is refused on its field', async () => {
    const email = 'trader@kampala-trading.example';
    const other = await session.browser.newContext();
    try {
      await other.addCookies(await session.cookiesFor(email));
      await session.actAs(email);
      const page = session.page;
      await page.goto(`${session.clearway.url}/account`);
      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByLabel('New password').fill('Password12345');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect.poll(() => page.locator('#new-password-error').textContent()).toContain('one of the most common ones');

      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByLabel('New password').fill('papaya lorry at noon');
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect.poll(() => page.getByTestId('success').textContent()).toContain('Your password is changed');
      await page.goto(`${session.clearway.url}/account`);
      await expect.poll(() => page.getByTestId('profile').textContent()).toContain(email);

      const phone = await other.newPage();
      await phone.goto(`${session.clearway.url}/account`);
      await phone.waitForURL(/\/signin/);
    } finally {
      await other.close();
    }
  });
});

describe('next-auth behind an https PUBLIC_URL', () => {
  const PUBLIC_URL = 'https://portal.clearway.example';
  let secure: ClearwayProcess;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createDatabase(inject('adminUrl'), { template: inject('templateDb'), prefix: 'e2e' });
    secure = await startClearway({ DATABASE_URL: databaseUrl, PUBLIC_URL });
  });
  afterAll(async () => {
    await secure?.stop();
    if (databaseUrl) await dropDatabase(inject('adminUrl'), databaseUrl);
  });

  const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

  it('sets Secure __Secure- session cookies, redirects to PUBLIC_URL, and sends HSTS', async () => {
    const csrf = await fetch(`${secure.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.some((c) => c.startsWith('__Host-next-auth.csrf-token=') && /;\s*Secure/i.test(c))).toBe(true);

    const form = new URLSearchParams({ csrfToken, email: TRADER, password: DEMO_PASSWORD, callbackUrl: `${PUBLIC_URL}/declarations`, json: 'true' });
    const signedIn = await fetch(`${secure.url}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(csrfCookies) },
      body: form,
      redirect: 'manual',
    });
    const sessionCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Secure-next-auth.session-token='));
    expect(sessionCookie).toBeTruthy();
    expect(sessionCookie).toMatch(/;\s*Secure/i);
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
    const token = sessionCookie!.split(';')[0]!.slice('__Secure-next-auth.session-token='.length);

    // The API reads the __Secure- cookie, and only that name.
    const me = async (cookie: string) => (await (await fetch(`${secure.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { email } }' }) })).json()) as any;
    expect((await me(`__Secure-next-auth.session-token=${token}`)).data.me.email).toBe(TRADER);
    expect((await me(`next-auth.session-token=${token}`)).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // Sign-out goes to the public address, not to localhost; a foreign callback is replaced.
    const cookies = `${cookieHeader(csrfCookies)}; __Secure-next-auth.session-token=${token}`;
    for (const [callbackUrl, expected] of [
      ['/signin', `${PUBLIC_URL}/signin`],
      ['https://evil.example/', `${PUBLIC_URL}/declarations`],
    ]) {
      const out = await fetch(`${secure.url}/api/auth/signout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ csrfToken, callbackUrl: callbackUrl!, json: 'true' }),
        redirect: 'manual',
      });
      const answer = out.status === 200 ? ((await out.json()) as { url: string }).url : out.headers.get('location');
      expect(answer, callbackUrl).toBe(expected);
    }

    const page = await fetch(`${secure.url}/signin`);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
