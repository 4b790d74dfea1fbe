// Identity and access in the browser, end to end, on the server as `npm start` runs it: a company
// registers and its administrator signs in; a wrong password gets the one generic message; the
// administrator invites a colleague, who opens the link shown once in a fresh browser, chooses a password
// and signs in; a forgotten password is reset through the link waiting in the outbox (never in the log); an API token
// is created (its secret shown once), used against /api/graphql and revoked; a delegation to a broker is
// granted, seen by the broker, and revoked; the audit log lists all of it.
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ClearwayProcess } from './clearway-process';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession, signIn } from './portal-session';

const SUFFIX = Date.now().toString(36);
const EORI = `NL${String(Date.now()).slice(-9)}`;
const COMPANY = `E2E Identity Traders ${SUFFIX}`;
const ADMIN = { name: 'Ada Admin', email: `ada-${SUFFIX}@e2e-identity.example`, password: 'first admin password 1' };
const COLLEAGUE = { name: 'Colin Colleague', email: `colin-${SUFFIX}@e2e-identity.example`, password: 'colleague password 22' };
const NEW_PASSWORD = 'reset password works 333';
const BROKER = 'broker@delta-brokers.example';
const CLERK = 'clerk@rotterdam-importers.example';
const OFFICER = 'officer@customs.example';
const PLATFORM_ADMIN = 'admin@clearway.example';
const BROKER_EORI = 'NL987654321';
const ME_QUERY = '{ me { email token { scopes } } }';

const session = openPortalSession();
const { shot } = session;
let clearway: ClearwayProcess;
let browser: Browser;
let page: Page;
const contexts: BrowserContext[] = [];

beforeAll(() => {
  ({ clearway, browser, page } = session);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
});

/** A page in a new browser context: no cookies, as on another computer. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  return p;
}

async function signInAs(p: Page, email: string, password?: string) {
  await p.context().clearCookies();
  await signIn(p, clearway.url, email, password);
}

/** The path of a link the server built with its PUBLIC_URL (which need not be the test server's address). */
function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

/** The newest message for an address in the server's outbox (this installation mails nothing; the log never holds bodies). */
async function lastMessageTo(email: string, kind: string): Promise<{ body: string } | undefined> {
  const client = new pg.Client({ connectionString: session.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT body FROM outbox_message WHERE "to" = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`, [email, kind]);
    return rows[0] ? { body: rows[0].body } : undefined;
  } finally {
    await client.end();
  }
}

async function graphql(secret: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${clearway.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: ME_QUERY }),
  });
  return { status: response.status, body: await response.json() };
}

async function fillSignUp(p: Page) {
  await p.getByLabel('Trader').check();
  await p.getByLabel('EORI number').fill(EORI);
  await p.getByLabel('Company name').fill(COMPANY);
  await p.getByLabel('Street and number').fill('Kade 1');
  await p.getByLabel('Postcode (optional)').fill('1011 AA');
  await p.getByLabel('City').fill('Amsterdam');
  await p.getByLabel('Country').selectOption('NL');
  await p.getByLabel('Your name').fill(ADMIN.name);
  await p.getByLabel('Email').fill(ADMIN.email);
  await p.getByLabel('Password').fill(ADMIN.password);
}

describe('identity and access in the portal', () => {
  it('registers a company, then its administrator signs in', async () => {
    await page.goto(`${clearway.url}/signup`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Register a company');

    // Sending the empty form: an error summary linking to the fields, each field tied to its error.
    await page.getByRole('button', { name: 'Register company' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toContain('There is a problem');
    expect(await summary.getAttribute('role')).toBe('alert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signup-problems');
    const eori = page.getByLabel('EORI number');
    expect(await eori.getAttribute('aria-invalid')).toBe('true');
    expect(await eori.getAttribute('aria-describedby')).toContain('signup-eori-error');
    await summary.getByRole('link', { name: /An EORI number is/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signup-eori');
    await shot('identity-signup-errors');

    await fillSignUp(page);
    await page.getByRole('button', { name: 'Register company' }).click();

    const done = page.getByTestId('success');
    await expect.poll(() => done.textContent()).toContain(`Check your mailbox at ${ADMIN.email}`);
    expect(await done.textContent()).toContain(COMPANY);
    await expect.poll(async () => (await lastMessageTo(ADMIN.email, 'sign_up'))?.body).toContain(`${COMPANY} (EORI ${EORI}) is registered`);
    expect(await done.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/signin');
    // Not signed in automatically.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await shot('identity-signup-done');

    // The same EORI again is refused on its field.
    await page.goto(`${clearway.url}/signup`);
    await fillSignUp(page);
    await page.getByRole('button', { name: 'Register company' }).click();
    await expect.poll(() => page.locator('#signup-eori-error').textContent()).toContain('is already registered');
    // The email is not named: whether it has an account is not for the form to tell.
    expect(await page.locator('#signup-email-error').count()).toBe(0);
    // What was typed is still there (but never the password).
    expect(await page.getByLabel('Company name').inputValue()).toBe(COMPANY);
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    await signInAs(page, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.locator('.user-menu').textContent()).toContain(`${ADMIN.name} (trader, company admin)`);
  });

  it('answers a wrong password with the one generic message', async () => {
    const p = await freshPage();
    await p.goto(`${clearway.url}/signin`);
    await p.getByLabel('Email').fill(ADMIN.email);
    await p.getByLabel('Password').fill('not the password at all');
    await p.getByRole('button', { name: 'Sign in' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'Email or password is incorrect' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await p.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await shot('identity-signin-wrong-password', p);
  });

  it('shows the profile and changes the password on the account page', async () => {
    await page.goto(`${clearway.url}/account`);
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.textContent()).toContain(ADMIN.email);
    expect(await profile.textContent()).toContain(COMPANY);
    expect(await profile.textContent()).toContain('Trader, company administrator');

    await page.getByLabel('Current password').fill('wrong current password');
    await page.getByLabel('New password').fill('a second admin password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('#current-password-error').textContent()).toContain('The current password is not correct.');
    await shot('identity-account-error');

    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByLabel('New password').fill('a second admin password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByTestId('success').textContent()).toContain('Your password is changed, and you are signed out on every other device.');
    ADMIN.password = 'a second admin password';
    // This browser stays signed in (its session was renewed under the new session version).
    await page.reload();
    await expect.poll(() => page.getByTestId('profile').textContent()).toContain(ADMIN.email);
    await shot('identity-account');
  });

  it('invites a colleague, who accepts the link shown once and signs in', async () => {
    await page.goto(`${clearway.url}/company`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(COMPANY);
    const nav = page.getByRole('navigation', { name: 'Company administration' });
    expect(await nav.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('users-table').locator(`tr[data-email="${ADMIN.email}"]`).textContent()).toContain('(you)');
    await expect.poll(() => page.getByTestId('no-invitations').count()).toBe(1);

    await page.getByLabel('Email').fill(COLLEAGUE.email);
    await page.getByLabel('Name', { exact: true }).fill(COLLEAGUE.name);
    // The invitee's language: the inviter's own by default, each language named in itself.
    const language = page.getByLabel('Their language');
    expect(await language.inputValue()).toBe('en');
    expect(await language.locator('option').allTextContents()).toEqual(['English', 'Français', 'Español', 'العربية']);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByTestId('success').textContent()).toContain(`${COLLEAGUE.name} is invited.`);
    expect(await page.getByTestId('success').textContent()).toContain('wait in the outbox');
    const link = (await page.getByTestId('secret-once').textContent())!.trim();
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);
    await expect.poll(() => page.getByTestId('invitations').textContent()).toContain(COLLEAGUE.email);
    await shot('identity-company-invited');

    // Shown once: after a reload the link is gone, the invitation stays listed.
    await page.reload();
    await expect.poll(() => page.getByTestId('invitations').textContent()).toContain(COLLEAGUE.email);
    expect(await page.getByTestId('secret-once').count()).toBe(0);

    const invitee = await freshPage();
    await invitee.goto(`${clearway.url}${pathOf(link)}`);
    await expect.poll(() => invitee.getByTestId('invitation-summary').textContent()).toContain(COMPANY);
    expect(await invitee.getByTestId('invitation-summary').textContent()).toContain(COLLEAGUE.email);
    expect(await invitee.getByLabel('Your name').inputValue()).toBe(COLLEAGUE.name);
    await shot('identity-invitation', invitee);
    await invitee.getByLabel('Choose a password').fill('short');
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => invitee.locator('#invite-password-error').textContent()).toContain('at least 10 characters');
    await expectNoAxeViolations(invitee, '/invite/[token] with a field error');
    await invitee.getByLabel('Choose a password').fill(COLLEAGUE.password);
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => invitee.getByTestId('success').textContent()).toContain('Your account is ready.');
    expect(await invitee.getByTestId('success').getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/signin');

    await signInAs(invitee, COLLEAGUE.email, COLLEAGUE.password);
    await expect.poll(() => invitee.locator('.user-menu').textContent()).toContain(`${COLLEAGUE.name} (trader)`);

    // The link works once.
    await invitee.goto(`${clearway.url}${pathOf(link)}`);
    await expect.poll(() => invitee.getByTestId('invitation-invalid').textContent()).toContain('already used');
    await expectNoAxeViolations(invitee, '/invite/[token] already used');
    await shot('identity-invitation-used', invitee);

    // A colleague who is not an administrator gets an explanation on the admin pages.
    await invitee.goto(`${clearway.url}/company/api-tokens`);
    await expect.poll(() => invitee.getByTestId('not-allowed').textContent()).toContain('Only administrators of your company create API tokens.');

    // The administrator sees the new user, and can disable and enable them.
    await page.reload();
    const row = page.getByTestId('users-table').locator(`tr[data-email="${COLLEAGUE.email}"]`);
    await expect.poll(() => row.textContent()).toContain('Active');
    await row.getByRole('button', { name: `Disable ${COLLEAGUE.name}` }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toContain('is disabled');
    await expect.poll(() => row.textContent()).toContain('Disabled');
    // Their open session stops at once.
    await invitee.goto(`${clearway.url}/account`);
    await invitee.waitForURL(/\/signin/);
    await row.getByRole('button', { name: `Enable ${COLLEAGUE.name}` }).click();
    await expect.poll(() => row.textContent()).toContain('Active');
    await row.getByRole('button', { name: `Make admin ${COLLEAGUE.name}` }).click();
    await expect.poll(() => row.textContent()).toContain('Administrator');
    await shot('identity-company-users');
  });

  it('resets a forgotten password through the link waiting in the outbox', async () => {
    const p = await freshPage();
    await p.goto(`${clearway.url}/signin`);
    await p.getByRole('link', { name: 'Forgot your password?' }).click();
    await p.waitForURL('**/forgot-password');

    // The same answer for an unknown address.
    await p.getByLabel('Email').fill(`nobody-${SUFFIX}@e2e-identity.example`);
    await p.getByRole('button', { name: 'Send me a reset link' }).click();
    await expect.poll(() => p.getByTestId('success').textContent()).toContain('If an account exists for that email, a link is on its way.');
    const unknownAnswer = await p.getByTestId('success').textContent();

    await p.goto(`${clearway.url}/forgot-password`);
    await p.getByLabel('Email').fill(COLLEAGUE.email);
    await p.getByRole('button', { name: 'Send me a reset link' }).click();
    await expect.poll(() => p.getByTestId('success').textContent()).toContain('If an account exists for that email, a link is on its way.');
    expect(await p.getByTestId('success').textContent()).toBe(unknownAnswer);
    expect(unknownAnswer).toContain('outbox');
    await shot('identity-forgot-password', p);

    await expect.poll(async () => (await lastMessageTo(COLLEAGUE.email, 'password_reset'))?.body).toMatch(/\/reset-password\/[\w-]{43}/);
    const link = /(https?:\/\/\S+\/reset-password\/[\w-]{43})/.exec((await lastMessageTo(COLLEAGUE.email, 'password_reset'))!.body)![1]!;
    // The log says a message went out, never the link.
    expect(clearway.output()).not.toContain(pathOf(link));

    await p.goto(`${clearway.url}${pathOf(link)}`);
    await p.getByLabel('New password').fill(NEW_PASSWORD);
    await expectNoAxeViolations(p, '/reset-password/[token]');
    await shot('identity-reset-password', p);
    await p.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => p.getByTestId('success').textContent()).toContain('Your password is changed.');

    await signInAs(p, COLLEAGUE.email, NEW_PASSWORD);
    await expect.poll(() => p.locator('.user-menu').textContent()).toContain(COLLEAGUE.name);

    // The link works once.
    await p.goto(`${clearway.url}${pathOf(link)}`);
    await p.getByLabel('New password').fill('yet another password 4');
    await p.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => p.getByTestId('reset-link-invalid').textContent()).toContain('This reset link is not valid');
    await expectNoAxeViolations(p, '/reset-password/[token] with a used link');
    await shot('identity-reset-used', p);
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    await page.goto(`${clearway.url}/company/api-tokens`);
    await expect.poll(() => page.getByTestId('tokens-empty').count()).toBe(1);

    await page.getByLabel('Name', { exact: true }).fill('ERP sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('#token-scopes-error').textContent()).toContain('Choose at least one scope.');

    await page.getByRole('checkbox', { name: /declarations:read/ }).check();
    await page.getByRole('checkbox', { name: /tracking:read/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByTestId('success').textContent()).toContain('it will not be shown again');
    const secret = (await page.getByTestId('secret-once').textContent())!.trim();
    expect(secret).toMatch(/^cw_live_[\w-]{32}$/);
    expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(1);
    await shot('identity-api-token-created');

    const ok = await graphql(secret);
    expect(ok.status).toBe(200);
    expect(ok.body.data.me.email).toBe(ADMIN.email);
    expect(ok.body.data.me.token.scopes).toEqual(['declarations:read', 'tracking:read']);

    // Listed without its secret; the secret is gone after a reload.
    await page.reload();
    expect(await page.getByTestId('secret-once').count()).toBe(0);
    const row = page.getByTestId('tokens-table').getByRole('row', { name: /ERP sync/ });
    await expect.poll(() => row.textContent()).toContain(`${secret.slice(0, 12)}…`);
    expect(await row.textContent()).toContain('Active');
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('link', { name: 'Revoke ERP sync' }).click();
    await page.waitForURL(/revoke=/);
    const confirm = page.getByTestId('revoke-confirm');
    await expect.poll(() => confirm.textContent()).toContain('Revoke the token “ERP sync”?');
    await shot('identity-api-token-revoke-confirm');
    await confirm.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.waitForURL(/done=revoked/);
    await expect.poll(() => page.getByTestId('tokens-table').getByRole('row', { name: /ERP sync/ }).textContent()).toContain('Revoked');
    await shot('identity-api-tokens');

    const refused = await graphql(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('grants a broker power of representation, which the broker sees, and revokes it', async () => {
    await page.goto(`${clearway.url}/company/delegations`);
    await expect.poll(() => page.getByTestId('delegations-empty').count()).toBe(1);

    await page.getByLabel('Broker’s EORI number').fill('XX0000');
    await page.getByLabel('Indirect').check();
    await page.getByLabel('Imports', { exact: true }).check();
    await page.getByRole('button', { name: 'Grant power of representation' }).click();
    await expect.poll(() => page.locator('#grant-broker-error').textContent()).toContain('No company with EORI XX0000 is registered.');
    expect(await page.getByLabel('Indirect').isChecked()).toBe(true);

    await page.getByLabel('Broker’s EORI number').fill(BROKER_EORI);
    await page.getByRole('button', { name: 'Grant power of representation' }).click();
    await expect.poll(() => page.getByTestId('success').textContent()).toContain(`Power of representation granted to ${BROKER_EORI}.`);
    const row = page.getByTestId('delegations-table').locator(`tr[data-broker="${BROKER_EORI}"]`);
    await expect.poll(() => row.locator('[data-state]').getAttribute('data-state')).toBe('VALID');
    expect(await row.textContent()).toContain('Indirect');
    await shot('identity-delegations');

    const broker = await freshPage();
    await signInAs(broker, BROKER);
    await broker.goto(`${clearway.url}/company/delegations`);
    const clientRow = broker.getByTestId('delegations-table').locator(`tr[data-client="${EORI}"]`);
    await expect.poll(() => clientRow.locator('[data-state]').getAttribute('data-state')).toBe('VALID');
    await shot('identity-delegations-broker', broker);

    await row.getByRole('link', { name: /^Revoke/ }).click();
    await page.waitForURL(/revoke=/);
    await expect.poll(() => page.getByTestId('revoke-confirm').textContent()).toContain('Revoke the delegation to Delta Customs Brokers B.V.?');
    await page.getByTestId('revoke-confirm').getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.waitForURL(/done=revoked/);
    await expect.poll(() => row.locator('[data-state]').getAttribute('data-state')).toBe('REVOKED');

    await broker.reload();
    await expect.poll(() => clientRow.locator('[data-state]').getAttribute('data-state')).toBe('REVOKED');
  });

  it('lists the company’s audit trail with a filter', async () => {
    await page.goto(`${clearway.url}/company/audit`);
    const actions = () => page.getByTestId('audit-table').locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    await expect.poll(actions).toEqual(
      expect.arrayContaining(['company.sign_up', 'user.invite', 'user.accept_invitation', 'user.update', 'api_token.create', 'api_token.revoke', 'delegation.grant', 'delegation.revoke']),
    );
    expect(await page.getByTestId('audit-table').textContent()).toContain(ADMIN.email);
    await shot('identity-audit');

    await page.getByLabel('Action starts with').fill('api_token.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=api_token/);
    await expect.poll(actions).toEqual(['api_token.revoke', 'api_token.create']);
  });

  it('works without JavaScript: a platform administrator invites an officer, and a reset link is asked for', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addCookies(await session.cookiesFor(PLATFORM_ADMIN));
    const p = await context.newPage();
    await p.goto(`${clearway.url}/company`);
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Officers and administrators');
    expect(await p.getByTestId('users-table').textContent()).toContain(OFFICER);

    await p.getByLabel('Email').fill(`officer-${SUFFIX}@customs.example`);
    await p.getByLabel('Name', { exact: true }).fill('Olga Officer');
    await p.getByLabel('Customs officer').check();
    await p.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => p.getByTestId('success').count()).toBe(1);
    expect(await p.getByTestId('success').textContent()).toContain('Olga Officer is invited.');
    expect(await p.getByTestId('secret-once').textContent()).toMatch(/\/invite\/[\w-]{43}$/);
    expect(await p.getByTestId('invitations').textContent()).toContain('Customs officer');
    await shot('identity-company-platform-nojs', p);

    // Problems come back on the page, next to their fields.
    await p.goto(`${clearway.url}/company`);
    await p.getByLabel('Email').fill('not an email');
    await p.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => p.locator('#invite-email-error').count()).toBe(1);
    expect(await p.locator('#invite-email-error').textContent()).toContain('Give a valid email address.');
    expect(await p.getByLabel('Email').inputValue()).toBe('not an email');

    await p.goto(`${clearway.url}/forgot-password`);
    await p.getByLabel('Email').fill(OFFICER);
    await p.getByRole('button', { name: 'Send me a reset link' }).click();
    await expect.poll(() => p.getByTestId('success').count()).toBe(1);
    expect(await p.getByTestId('success').textContent()).toContain('If an account exists for that email, a link is on its way.');
  });

  it('explains the admin pages to people they are not for, and shows officers everything', async () => {
    const p = await freshPage();
    await signInAs(p, CLERK);
    await p.goto(`${clearway.url}/company`);
    await expect.poll(() => p.getByTestId('not-allowed').textContent()).toContain('Only administrators of your company manage its users.');
    await p.goto(`${clearway.url}/company/audit`);
    await expect.poll(() => p.getByTestId('not-allowed').textContent()).toContain('Only company administrators, customs officers and platform administrators read the audit log.');
    await shot('identity-not-allowed', p);

    await signInAs(p, OFFICER);
    await p.goto(`${clearway.url}/company/delegations`);
    await expect.poll(() => p.getByTestId('delegations-table').locator(`tr[data-client="${EORI}"]`).count()).toBe(1);
    await p.goto(`${clearway.url}/company/audit`);
    await expect.poll(() => p.getByTestId('audit-table').locator('tr[data-action]').count()).toBe(50);
    await p.getByRole('link', { name: 'Older events' }).click();
    await p.waitForURL(/after=/);
    await expect.poll(() => p.getByTestId('audit-table').locator('tr[data-action]').count()).toBeGreaterThan(0);
    expect(await p.getByRole('link', { name: 'Newest events' }).count()).toBe(1);
    await shot('identity-audit-officer', p);
  });
});
