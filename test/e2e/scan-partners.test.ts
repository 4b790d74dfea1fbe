// The platform administrator's page for the partner administrations that pull scans (issue 17,
// /admin/scan-partners): reached from the user menu; a key that is not a public key is refused next to
// the key field; a good Ed25519 key registers the partner (listed, audited); revoking needs a reason
// and a confirmation, then the partner is listed as revoked (audited with the reason); without
// JavaScript the same forms work; a customs officer is refused the page. axe finds no violation.
import { generateKeyPairSync } from 'node:crypto';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const ADMIN = 'admin@clearway.example';
const OFFICER = 'officer@customs.example';

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let url: (path: string) => string;

const keys = () => generateKeyPairSync('ed25519');

beforeAll(() => {
  page = session.page;
  page.setDefaultTimeout(30_000);
  url = (path) => `${session.clearway.url}${path}`;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
});

afterAll(async () => {
  await disconnectDb();
});

const row = (keyId: string) => page.getByTestId('scan-partners').locator(`tr[data-key-id="${keyId}"]`);

describe('the platform administrator', () => {
  it('registers a partner: a private key is refused next to the key field, the public key is taken', async () => {
    await actAs(ADMIN);
    await page.getByRole('link', { name: 'Scan partners' }).click();
    await page.waitForURL(url('/admin/scan-partners'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Partner administrations for scans');

    const form = page.getByTestId('register-partner-form');
    const pair = keys();
    await form.getByLabel('Name').fill('Belgian Customs');
    await form.getByLabel('Country').fill('BE');
    await form.getByLabel('Key id').fill('be-customs-e2e');
    // The private key pasted by mistake.
    await form.getByLabel('Ed25519 public key (PEM)').fill(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    await form.getByRole('button', { name: 'Register the partner' }).click();
    const keyError = page.locator('#partner-public-key-error');
    await keyError.waitFor();
    expect(await keyError.textContent()).toContain('This is a private key');
    expect(await page.locator('#partner-public-key').getAttribute('aria-invalid')).toBe('true');
    // What was typed stays (the name), nothing was stored.
    expect(await form.getByLabel('Name').inputValue()).toBe('Belgian Customs');
    expect((await getPool().query(`SELECT count(*)::int AS n FROM scan_partner WHERE key_id = 'be-customs-e2e'`)).rows[0].n).toBe(0);
    // An RSA public key: the wrong type, said so.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await form.getByLabel('Ed25519 public key (PEM)').fill(rsa);
    await form.getByRole('button', { name: 'Register the partner' }).click();
    await expect.poll(() => keyError.textContent()).toContain('not Ed25519');
    await expectNoAxeViolations(page, 'the scan partner page with a field error');

    await form.getByLabel('Ed25519 public key (PEM)').fill(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    await form.getByRole('button', { name: 'Register the partner' }).click();
    await page.getByText('Belgian Customs is registered under the key id be-customs-e2e.').waitFor();
    await row('be-customs-e2e').waitFor();
    expect(await row('be-customs-e2e').getAttribute('data-status')).toBe('active');
    expect(await row('be-customs-e2e').textContent()).toContain('Never');
    const audit = await getPool().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'scan_partner.register' AND details->>'keyId' = 'be-customs-e2e'`);
    expect(audit.rows[0].n).toBe(1);
    // The same key id again: refused next to the key id.
    await page.getByTestId('register-partner-form').getByLabel('Name').fill('Belgian Customs again');
    await page.getByTestId('register-partner-form').getByLabel('Country').fill('BE');
    await page.getByTestId('register-partner-form').getByLabel('Key id').fill('be-customs-e2e');
    await page.getByTestId('register-partner-form').getByLabel('Ed25519 public key (PEM)').fill(keys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
    await page.getByTestId('register-partner-form').getByRole('button', { name: 'Register the partner' }).click();
    await page.locator('#partner-key-id-error').waitFor();
    expect(await page.locator('#partner-key-id-error').textContent()).toContain('registered already');
    await expectNoAxeViolations(page, 'the scan partner page');
    await shot('scan-partners');
  });

  it('revokes it only with a reason and a confirmation', async () => {
    const revoke = page.getByTestId('revoke-form-be-customs-e2e');
    await page.getByText('Revoke Belgian Customs (BE), key be-customs-e2e').click();
    // The reason is a required field (the browser asks for it); without the confirmation the server refuses.
    expect(await revoke.getByLabel('Reason for the revocation').getAttribute('required')).not.toBeNull();
    await revoke.getByLabel('Reason for the revocation').fill('Key rotated after the 2026 audit');
    await revoke.getByRole('button', { name: 'Revoke key be-customs-e2e' }).click();
    await revoke.locator('[id$="-confirm-error"]').waitFor();
    expect(await revoke.locator('[id$="-confirm-error"]').textContent()).toContain('Tick the box');
    expect(await row('be-customs-e2e').getAttribute('data-status')).toBe('active');
    await revoke.getByLabel('I confirm: Belgian Customs (key be-customs-e2e) can no longer pull scans.').check();
    await revoke.getByRole('button', { name: 'Revoke key be-customs-e2e' }).click();
    await expect.poll(() => row('be-customs-e2e').getAttribute('data-status')).toBe('revoked');
    expect(await row('be-customs-e2e').textContent()).toContain('Revoked');
    const audit = await getPool().query(`SELECT details FROM audit_event WHERE action = 'scan_partner.revoke' AND details->>'keyId' = 'be-customs-e2e'`);
    expect(audit.rows.map((r) => r.details.reason)).toEqual(['Key rotated after the 2026 audit']);
    // A revoked partner has no revocation form any more.
    expect(await page.getByTestId('revoke-form-be-customs-e2e').count()).toBe(0);
  });

  it('registers a partner without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(await session.cookiesFor(ADMIN));
      const plain = await context.newPage();
      plain.setDefaultTimeout(30_000);
      await plain.goto(url('/admin/scan-partners'));
      const form = plain.getByTestId('register-partner-form');
      await form.getByLabel('Name').fill('Dutch Customs');
      await form.getByLabel('Country').fill('nl');
      await form.getByLabel('Key id').fill('nl-customs-e2e');
      await form.getByLabel('Ed25519 public key (PEM)').fill('not a key');
      await form.getByRole('button', { name: 'Register the partner' }).click();
      await plain.locator('#partner-public-key-error').waitFor();
      expect(await plain.locator('#partner-public-key-error').textContent()).toContain('must be PEM');
      await plain.getByTestId('register-partner-form').getByLabel('Ed25519 public key (PEM)').fill(keys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
      await plain.getByTestId('register-partner-form').getByRole('button', { name: 'Register the partner' }).click();
      await plain.getByTestId('scan-partners').locator('tr[data-key-id="nl-customs-e2e"][data-status="active"]').waitFor();
      expect(await plain.getByTestId('scan-partners').locator('tr[data-key-id="nl-customs-e2e"]').textContent()).toContain('NL');
    } finally {
      await context.close();
    }
  });
});

describe('a customs officer', () => {
  it('is refused the page and has no link to it', async () => {
    await actAs(OFFICER);
    expect(await page.getByRole('link', { name: 'Scan partners' }).count()).toBe(0);
    await page.goto(url('/admin/scan-partners'));
    expect(await page.getByTestId('forbidden').textContent()).toContain('Only platform administrators');
    expect(await page.getByTestId('register-partner-form').count()).toBe(0);
  });
});
