// Notifications in the browser, on the server as `npm start` runs it (its own job worker, a real SMTP
// server in this process): customs raises a query on a broker's declaration; the broker sees it arrive in
// the inbox (unread count in the header) and by e-mail, finds it first in the work queue, answers it from
// there, and the entry is read.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { disconnectDb } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { resetEnvCache } from '../../lib/env';
import { validImport } from '../declarations/fixtures';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { openPortalSession } from './portal-session';

const BROKER = 'broker@delta-brokers.example';
const OFFICER = 'officer@customs.example';
const QUESTION = 'Which bonded warehouse will hold the goods after release?';
const ANSWER = 'Warehouse NL-BW-0042 in Rotterdam, Maasvlakte.';

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
const session = openPortalSession({ env: () => ({ SMTP_URL: smtp.url, JOB_POLL_MS: '200' }) });
const { actAs, shot } = session;
let page: Page;
let declarationId: string;
let lrn: string;

beforeAll(async () => {
  page = session.page;
  // The declaration and the officer's question are prepared through lib/, on the server's database.
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  const broker = await loadUserActor({ email: BROKER });
  lrn = `E2E-NQ-${Date.now().toString(36).toUpperCase()}`;
  declarationId = (await createDeclarationDraft({ actor: broker, input: validImport({ lrn, representativeEori: 'NL987654321', representationStatus: 'DIRECT' }) })).id;
  await submitDeclaration({ actor: broker, id: declarationId });
});
afterAll(async () => {
  await disconnectDb();
  await smtp?.close();
});

describe('a query from customs reaches the broker', () => {
  it('arrives in the inbox, with the unread count in the header, and by e-mail', async () => {
    await page.goto(`${session.clearway.url}/work-queue`);
    await actAs(BROKER);
    const before = Number((await page.getByTestId('unread-count').textContent().catch(() => '0')) || 0);
    await raiseQuery({ actor: await loadUserActor({ email: OFFICER }), id: declarationId, question: QUESTION });

    // The server's worker fans the event out: inbox entry and e-mail, without anyone polling GraphQL. (The
    // demo data's own events may still be arriving: look for this query's entry, not just any new one.)
    const entry = page.locator(`[data-testid="inbox-entry"][data-type="declaration.query_raised"]:has(a[href="/declarations/${declarationId}"])`);
    await expect
      .poll(async () => (await page.goto(`${session.clearway.url}/notifications`), await entry.count()), { timeout: 60_000, interval: 500 })
      .toBe(1);
    expect(Number(await page.getByTestId('unread-count').textContent())).toBeGreaterThan(before);
    expect(await entry.getAttribute('data-type')).toBe('declaration.query_raised');
    expect(await entry.getAttribute('data-read')).toBe('false');
    expect(await entry.textContent()).toContain('Customs raised a query');
    expect(await entry.getByRole('link').getAttribute('href')).toBe(`/declarations/${declarationId}`);
    await shot('notifications-01-inbox');

    // The mail names the declaration by its MRN and links to it.
    const ours = (m: { to: string[] | string; raw: string }) => m.to.includes(BROKER) && m.raw.includes(`/declarations/${declarationId}`) && /^Subject: Customs raised a query/m.test(m.raw);
    await expect.poll(() => smtp.messages.filter(ours).length, { timeout: 30_000, interval: 200 }).toBe(1);
    const mail = smtp.messages.find(ours)!;
    expect(mail.raw).toMatch(/^Subject: Customs raised a query/m);
    expect(mail.raw).toContain(`/declarations/${declarationId}`);
  });

  it('is first in the work queue, and the broker answers it from there', async () => {
    await page.goto(`${session.clearway.url}/work-queue`);
    // Open queries come first (the demo data has its own): ours is among them, above everything else.
    const actions = await page.getByTestId('work-queue-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-action')]));
    const ours = actions.findIndex(([id]) => id === declarationId);
    expect(ours).toBeGreaterThanOrEqual(0);
    expect(actions.slice(0, ours + 1).every(([, action]) => action === 'ANSWER_QUERY')).toBe(true);
    const first = page.locator(`[data-testid="work-queue-row"][data-id="${declarationId}"]`);
    expect(await first.textContent()).toContain('Answer the query');
    await shot('notifications-02-work-queue');
    await first.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname === `/declarations/${declarationId}`);

    const open = page.getByTestId('open-query');
    await expect.poll(() => open.getByTestId('open-question').textContent()).toBe(QUESTION);
    await open.getByLabel('Your answer', { exact: true }).fill(ANSWER);
    await open.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => page.getByTestId('done').textContent()).toContain('Your answer was sent to customs');
    expect(await page.getByTestId('open-query').count()).toBe(0);

    // Off the top of the queue: nothing left to answer.
    await page.goto(`${session.clearway.url}/work-queue`);
    const row = page.locator(`[data-testid="work-queue-row"][data-id="${declarationId}"]`);
    expect(await row.getAttribute('data-action')).not.toBe('ANSWER_QUERY');
    await shot('notifications-03-answered');
  });
});
