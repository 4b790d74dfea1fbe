// People's notifications: the inbox (unread count, mark read, links to the subject), preferences per
// event type (inbox only, inbox + e-mail, daily digest), e-mail through a real in-process SMTP server,
// SMTP down (queued, retried, nothing lost), invitations and password resets on the same path, and pull
// notifications for API tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { inviteUser } from '../../lib/auth/invite-user';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { sendNotificationDigests } from '../../lib/notifications/send-notification-digests-task';
import { warnExpiringApiTokens } from '../../lib/notifications/warn-expiring-api-tokens-task';
import { asToken, asUser } from '../support/auth';
import { OFFICER_EMAIL, submittedImport } from '../support/declarations';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestServer, type TestServer } from '../graphql/http-server';

const TRADER = 'trader@rotterdam-importers.example';
const CLERK = 'clerk@rotterdam-importers.example';
const OTHER = 'trader@kampala-trading.example';

let server: TestServer;
let smtp: SmtpSink;

function useSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvCache();
}

async function runDueJobs() {
  await getPool().query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND run_at > now()`);
  await runPendingJobs();
}

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtpSink();
  useSmtp(smtp.url);
});
afterAll(async () => {
  useSmtp(undefined);
  await smtp.close();
  await server.app.close();
  await disconnectDb();
});

const INBOX = `query { notifications(first: 50) { unreadCount nodes { id type dmsCode title link declarationId channel readAt } } }`;

describe('the inbox and e-mail', () => {
  it('puts a query in the inbox of the filer’s people and e-mails it (the default for queries)', async () => {
    const id = await submittedImport(TRADER);
    await runPendingJobs();
    const before = smtp.messages.length;
    await raiseQuery({ actor: await loadUserActor({ email: OFFICER_EMAIL }), id, question: 'Which supplier?' });
    await runPendingJobs();
    const inbox = await server.graphql({ query: INBOX }, await asUser(CLERK));
    const entry = inbox.json.data.notifications.nodes.find((n: { type: string; declarationId: string }) => n.type === 'declaration.query_raised' && n.declarationId === id);
    expect(entry).toMatchObject({ dmsCode: 'DMSQRY', link: `/declarations/${id}`, channel: 'EMAIL', readAt: null });
    expect(inbox.json.data.notifications.unreadCount).toBeGreaterThan(0);
    const mails = smtp.messages.slice(before).filter((m) => m.raw.includes('Customs raised a query'));
    expect(mails.map((m) => m.to[0]).sort()).toEqual(expect.arrayContaining([CLERK, TRADER]));
    expect(mails[0]!.raw).toContain(`/declarations/${id}`);
    // Another company never hears of it.
    const other = await server.graphql({ query: INBOX }, await asUser(OTHER));
    expect(other.json.data.notifications.nodes.some((n: { declarationId: string }) => n.declarationId === id)).toBe(false);

    const read = await server.graphql({ query: `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, variables: { ids: [entry.id] } }, await asUser(CLERK));
    expect(read.json.data.markNotificationsRead).toBe(1);
    const after = await server.graphql({ query: INBOX }, await asUser(CLERK));
    expect(after.json.data.notifications.unreadCount).toBe(inbox.json.data.notifications.unreadCount - 1);
    const all = await server.graphql({ query: `mutation { markNotificationsRead(all: true) }` }, await asUser(CLERK));
    expect(all.json.data.markNotificationsRead).toBe(after.json.data.notifications.unreadCount);
  });

  it('follows each person’s choice: inbox only sends no mail, a digest collects them into one daily mail', async () => {
    const set = await server.graphql(
      { query: `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: $p) { eventType channel isDefault } }`, variables: { p: [{ eventType: 'declaration.query_raised', channel: 'INBOX' }] } },
      await asUser(CLERK),
    );
    expect(set.json.data.updateNotificationPreferences.find((p: { eventType: string }) => p.eventType === 'declaration.query_raised')).toMatchObject({ channel: 'INBOX', isDefault: false });
    await server.graphql({ query: `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: $p) { channel } }`, variables: { p: [{ eventType: 'declaration.query_raised', channel: 'DIGEST' }] } }, await asUser(TRADER));
    const bad = await server.graphql({ query: `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: $p) { channel } }`, variables: { p: [{ eventType: 'declaration.query_raised', channel: 'PIGEON' }] } }, await asUser(TRADER));
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].extensions.fieldErrors[0].path).toEqual(['0', 'channel']);

    const id = await submittedImport(TRADER);
    await runPendingJobs();
    const before = smtp.messages.length;
    await raiseQuery({ actor: await loadUserActor({ email: OFFICER_EMAIL }), id, question: 'Origin proof?' });
    await runPendingJobs();
    expect(smtp.messages.slice(before).filter((m) => m.raw.includes('Customs raised a query'))).toHaveLength(0);
    expect(await sendNotificationDigests()).toBeGreaterThanOrEqual(1);
    await runPendingJobs();
    const digest = smtp.messages.slice(before).filter((m) => m.to[0] === TRADER && m.raw.includes('since yesterday'));
    expect(digest).toHaveLength(1);
    expect(digest[0]!.raw).toContain(id);
    // Each entry goes into one digest only.
    expect(await sendNotificationDigests()).toBe(0);
  });

  it('keeps e-mail queued while SMTP is down and sends it, once, when it is back', async () => {
    const port = smtp.port;
    await smtp.close();
    await inviteUser({ actor: await loadUserActor({ email: TRADER }), input: { email: 'while.down@rotterdam-importers.example', name: 'While Down' } });
    await runPendingJobs();
    const { rows } = await getPool().query(`SELECT delivered_at, attempts, last_error FROM outbox_message WHERE "to" = 'while.down@rotterdam-importers.example'`);
    expect(rows[0]).toMatchObject({ delivered_at: null, attempts: 1 });
    expect(rows[0].last_error).toMatch(/ECONNREFUSED|connect/i);
    smtp = await startSmtpSink(port);
    await runDueJobs();
    const arrived = smtp.messages.filter((m) => m.to[0] === 'while.down@rotterdam-importers.example');
    expect(arrived).toHaveLength(1);
    // The body may be quoted-printable (a long line is folded with soft breaks): unfold before reading it.
    expect(arrived[0]!.raw.replace(/=\r?\n/g, '')).toContain('/invite/');
    await runDueJobs();
    expect(smtp.messages.filter((m) => m.to[0] === 'while.down@rotterdam-importers.example')).toHaveLength(1);
  });

  it('sends password reset links as a job on the same path', async () => {
    await requestPasswordReset({ email: CLERK });
    await runPendingJobs();
    const reset = smtp.messages.filter((m) => m.to[0] === CLERK && m.raw.includes('/reset-password/'));
    expect(reset).toHaveLength(1);
  });
});

describe('pull notifications', () => {
  it('lists what the token’s company may see until acknowledged; refuses people and tokens without the scope', async () => {
    const token = await asToken(TRADER, ['notifications:read']);
    const id = await submittedImport(TRADER);
    const PENDING = `{ pendingNotifications(first: 100) { hasMore nodes { id type dmsCode declarationId body } } }`;
    const first = await server.graphql({ query: PENDING }, token.headers);
    const mine = first.json.data.pendingNotifications.nodes.filter((n: { declarationId: string }) => n.declarationId === id);
    expect(mine.map((n: { type: string }) => n.type).slice(0, 2)).toEqual(['declaration.submitted', 'declaration.accepted']);
    expect(JSON.parse(mine[0].body)).toMatchObject({ type: 'declaration.submitted', data: { dmsCode: 'DMSRCV' } });
    const ack = await server.graphql({ query: `mutation($ids: [ID!]!) { acknowledgeNotifications(ids: $ids) }`, variables: { ids: mine.map((n: { id: string }) => n.id) } }, token.headers);
    expect(ack.json.data.acknowledgeNotifications).toBe(mine.length);
    const again = await server.graphql({ query: PENDING }, token.headers);
    expect(again.json.data.pendingNotifications.nodes.some((n: { declarationId: string }) => n.declarationId === id)).toBe(false);

    const other = await asToken(OTHER, ['notifications:read']);
    const theirs = await server.graphql({ query: PENDING }, other.headers);
    expect(theirs.json.data.pendingNotifications.nodes.some((n: { declarationId: string }) => n.declarationId === id)).toBe(false);

    const person = await server.graphql({ query: PENDING }, await asUser(TRADER));
    expect(person.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const noScope = await asToken(TRADER, ['declarations:read']);
    const refused = await server.graphql({ query: PENDING }, noScope.headers);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'notifications:read' });
    const badAck = await server.graphql({ query: `mutation { acknowledgeNotifications(ids: ["x"]) }` }, token.headers);
    expect(badAck.json.errors[0].extensions.fieldErrors[0].path).toEqual(['ids', '0']);
  });

  it('warns a company’s administrators once about an API token that expires within a week', async () => {
    const expiring = await asToken(TRADER, ['declarations:read'], { expiresAt: new Date(Date.now() + 3 * 86_400_000) });
    expect(await warnExpiringApiTokens()).toBeGreaterThanOrEqual(1);
    expect(await warnExpiringApiTokens()).toBe(0);
    await runPendingJobs();
    const inbox = await server.graphql({ query: INBOX }, await asUser(TRADER));
    expect(inbox.json.data.notifications.nodes.some((n: { type: string }) => n.type === 'api_token.expiring')).toBe(true);
    const clerk = await server.graphql({ query: INBOX }, await asUser(CLERK));
    expect(clerk.json.data.notifications.nodes.some((n: { type: string }) => n.type === 'api_token.expiring')).toBe(false);
    expect(expiring.id).toBeTruthy();
  });
});
