// The platform administrator's page for the outbound partner links (issue 17, /admin/partner-links):
// reached from the user menu; a GraphQL URL that is not a URL is refused next to its field and in the
// error summary, nothing stored; the portal's own address links (its ledger key read and pinned, shown as
// a fingerprint), listed with no pull yet; "pull now" queues the pull job, whose run and its error (the
// partner refusing our unregistered key) the list then shows;
// revoking needs a reason and a confirmation, then the link is listed as revoked (audited with the
// reason) and offers neither pull nor revocation. A customs officer is refused the page. axe finds no
// violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { ledgerKeyFingerprint } from '../../lib/scans/list-partner-links';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const ADMIN = 'admin@clearway.example';
const OFFICER = 'officer@customs.example';
const NAME = 'Belgian Customs (Antwerp)';

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let url: (path: string) => string;

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

const row = () => page.getByTestId('partner-links').locator(`tr[data-name="${NAME}"]`);
const storedLinks = async () => (await getPool().query(`SELECT id, ledger_public_key FROM partner_link WHERE name = $1`, [NAME])).rows as { id: string; ledger_public_key: string }[];

describe('the platform administrator', () => {
  it('links a partner: a bad URL is refused next to its field, a good one is linked and listed', async () => {
    await actAs(ADMIN);
    await page.getByRole('link', { name: 'Partner links' }).click();
    await page.waitForURL(url('/admin/partner-links'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Partner links for scans');
    await page.getByTestId('no-links').waitFor();

    const form = page.getByTestId('register-link-form');
    await form.getByLabel('Partner', { exact: true }).fill(NAME);
    await form.getByLabel('GraphQL URL').fill('clearway.customs.be/api/graphql');
    await form.getByLabel('Country').fill('be');
    await form.getByLabel('Our key id at the partner').fill('nl-at-be-e2e');
    await form.getByRole('button', { name: 'Link the partner' }).click();
    const urlError = page.locator('#link-url-error');
    await urlError.waitFor();
    expect(await urlError.textContent()).toContain("Give the partner's GraphQL URL");
    expect(await page.locator('#link-url').getAttribute('aria-invalid')).toBe('true');
    // The error summary takes the focus and links the problem to its field.
    const summary = page.getByTestId('error-summary');
    expect(await summary.locator('a[href="#link-url"]').textContent()).toContain("Give the partner's GraphQL URL");
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    // What was typed stays; nothing was stored.
    expect(await page.getByTestId('register-link-form').getByLabel('Partner', { exact: true }).inputValue()).toBe(NAME);
    expect(await storedLinks()).toEqual([]);
    await expectNoAxeViolations(page, 'the partner links page with a field error');

    // The portal itself is a Clearway: its ledger key is read from its /.well-known/clearway-ledger.json.
    await page.getByTestId('register-link-form').getByLabel('GraphQL URL').fill(url('/api/graphql'));
    await page.getByTestId('register-link-form').getByRole('button', { name: 'Link the partner' }).click();
    await page.getByText(`${NAME} is linked.`).waitFor();
    expect(await page.getByTestId('our-public-key').textContent()).toContain('-----BEGIN PUBLIC KEY-----');
    await row().waitFor();
    const [link] = await storedLinks();
    expect(link).toBeDefined();
    const fingerprint = ledgerKeyFingerprint(link!.ledger_public_key);
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await row().getAttribute('data-status')).toBe('active');
    expect(await row().getByTestId('fingerprint').textContent()).toBe(fingerprint);
    expect(await row().textContent()).toContain(url('/api/graphql'));
    expect(await row().textContent()).toContain('Never');
    expect(await row().getByTestId('scans-pulled').textContent()).toBe('0');
    const audit = await getPool().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'partner_link.register' AND target_id = $1`, [link!.id]);
    expect(audit.rows[0].n).toBe(1);
    await expectNoAxeViolations(page, 'the partner links page');
    await shot('partner-links');
  });

  it('pulls now: the job runs and the list shows its outcome', async () => {
    await page.getByRole('button', { name: `Pull now from ${NAME}` }).click();
    await page.getByText(`A pull from ${NAME} is queued`).waitFor();
    // The demo shipments routed through BE are asked for; the portal, as the partner, has not registered
    // our key id, so it refuses the signed request: the pull ends, and its error is listed.
    await expect
      .poll(
        async () => {
          await page.reload();
          return row().textContent();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toContain('0 scans ingested, 0 refused');
    expect(await row().textContent()).toContain('The partner refused the request (401): No partner administration is registered with the key id nl-at-be-e2e.');
    const audit = await getPool().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'partner_link.pull' AND target_id = (SELECT id::text FROM partner_link WHERE name = $1)`, [NAME]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('revokes the link only with a reason and a confirmation', async () => {
    const [link] = await storedLinks();
    await page.locator('summary', { hasText: `Revoke the link to ${NAME}` }).click();
    const revoke = page.getByTestId(`revoke-link-form-${link!.id}`);
    await revoke.getByLabel('Reason for the revocation').fill('Agreement with the partner ended');
    await revoke.getByRole('button', { name: `Revoke the link to ${NAME}` }).click();
    await revoke.locator('[id$="-confirm-error"]').waitFor();
    expect(await revoke.locator('[id$="-confirm-error"]').textContent()).toContain('Tick the box');
    expect(await row().getAttribute('data-status')).toBe('active');
    await revoke.getByLabel(`I confirm: nothing is pulled from ${NAME} from now on.`).check();
    await revoke.getByRole('button', { name: `Revoke the link to ${NAME}` }).click();
    await expect.poll(() => row().getAttribute('data-status')).toBe('revoked');
    expect(await row().textContent()).toContain('Revoked');
    const audit = await getPool().query(`SELECT details FROM audit_event WHERE action = 'partner_link.revoke' AND target_id = $1`, [link!.id]);
    expect(audit.rows.map((r) => r.details.reason)).toEqual(['Agreement with the partner ended']);
    // A revoked link is neither pulled nor revoked again from here.
    expect(await page.getByTestId(`revoke-link-form-${link!.id}`).count()).toBe(0);
    expect(await page.getByTestId(`pull-form-${link!.id}`).count()).toBe(0);
    await expectNoAxeViolations(page, 'the partner links page with a revoked link');
  });
});

describe('a customs officer', () => {
  it('is refused the page and has no link to it', async () => {
    await actAs(OFFICER);
    expect(await page.getByRole('link', { name: 'Partner links' }).count()).toBe(0);
    await page.goto(url('/admin/partner-links'));
    expect(await page.getByTestId('forbidden').textContent()).toContain('Only platform administrators');
    expect(await page.getByTestId('register-link-form').count()).toBe(0);
  });
});
