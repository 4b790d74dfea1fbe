// Account e-mails in the recipient's language, through the in-process SMTP server: a password reset for a
// French profile arrives in French with an HTML part <html lang="fr"> and Content-Language: fr; an
// invitation is written in the inviter's language; without a profile language, English text only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { inviteUser } from '../../lib/auth/invite-user';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { disconnectDb, getDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const FRENCH = 'trader@rotterdam-importers.example';
const ENGLISH = 'trader@kampala-trading.example';
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  await getDb().user.update({ where: { email: FRENCH }, data: { locale: 'fr' } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  await smtp.close();
  await disconnectDb();
});

// Quoted-printable soft breaks and escapes undone, enough to read the sentences.
const readable = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/gi, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
const mailTo = async (to: string, since: number) => {
  await runPendingJobs();
  await runPendingJobs();
  const found = smtp.messages.slice(since).filter((m) => m.to[0] === to);
  expect(found, `a message to ${to}`).toHaveLength(1);
  return readable(found[0]!.raw);
};

describe('account e-mails in the recipient’s language', () => {
  it('a password reset for a French profile arrives in French, marked as French', async () => {
    const before = smtp.messages.length;
    await requestPasswordReset({ email: FRENCH, request: { id: 'r-fr', ip: '10.90.0.1' } });
    const mail = await mailTo(FRENCH, before);
    expect(mail).toContain('Quelqu’un a demandé à réinitialiser le mot de passe');
    expect(mail).toContain('/reset-password/');
    expect(mail).not.toContain('Someone asked to reset');
    expect(mail).toMatch(/^content-language: fr$/im);
    expect(mail).toContain('<html lang="fr" dir="ltr">');
  });

  it('without a profile language the reset is English text only', async () => {
    const before = smtp.messages.length;
    await requestPasswordReset({ email: ENGLISH, request: { id: 'r-en', ip: '10.90.0.2' } });
    const mail = await mailTo(ENGLISH, before);
    expect(mail).toContain('Someone asked to reset the password of');
    expect(mail).not.toMatch(/^content-language:/im);
    expect(mail).not.toContain('<html');
  });

  it('an invitation is written in the inviter’s language', async () => {
    const admin = await getDb().user.findFirstOrThrow({ where: { isCompanyAdmin: true, companyId: { not: null } }, select: { email: true } });
    await getDb().user.update({ where: { email: admin.email }, data: { locale: 'ar' } });
    const before = smtp.messages.length;
    await inviteUser({ actor: await loadUserActor({ email: admin.email }), input: { email: 'new.colleague@invited.example', name: 'New Colleague' } });
    const mail = await mailTo('new.colleague@invited.example', before);
    expect(mail).toContain('إلى Clearway');
    expect(mail).toContain('/invite/');
    expect(mail).toContain('<html lang="ar" dir="rtl">');
    expect(mail).toMatch(/^content-language: ar$/im);
  });
});
