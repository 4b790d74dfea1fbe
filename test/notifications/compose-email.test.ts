// Notification e-mails in the recipient's language, through a real in-process SMTP server: a French
// person gets the query e-mail in French (the moment written the French way), an Arabic one gets an HTML
// part marked lang="ar" dir="rtl", a person without a profile language gets English; the daily digest
// counts in the recipient's language too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { disconnectDb, getDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { sendNotificationDigests } from '../../lib/notifications/send-notification-digests-task';
import { OFFICER_EMAIL, submittedImport } from '../support/declarations';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const TRADER = 'trader@rotterdam-importers.example';
const CLERK = 'clerk@rotterdam-importers.example';
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  await getDb().user.update({ where: { email: TRADER }, data: { locale: 'fr' } });
  await getDb().user.update({ where: { email: CLERK }, data: { locale: 'ar' } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  await smtp.close();
  await disconnectDb();
});

interface Mail {
  headers: string;
  text: string;
  html: string | null;
}

/** The decoded text and HTML parts of a raw message (nodemailer writes quoted-printable or base64). */
function parse(raw: string): Mail {
  const [headers = ''] = raw.split(/\r?\n\r?\n/, 1);
  const decode = (part: string) => {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
    }
    return body;
  };
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  const of = (type: string) => parts.find((p) => new RegExp(`content-type:\\s*${type}`, 'i').test(p));
  const text = of('text/plain');
  const html = of('text/html');
  return { headers, text: text ? decode(text.replace(/^\r?\n/, '')) : '', html: html ? decode(html.replace(/^\r?\n/, '')) : null };
}

const mailsTo = (to: string, since: number) => smtp.messages.slice(since).filter((m) => m.to[0] === to).map((m) => parse(m.raw));
const decodedSubject = (headers: string) => {
  const line = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  ).trim();
};

describe('notification e-mails in the recipient’s language', () => {
  it('French for a French profile, Arabic right to left for an Arabic one, English without one', async () => {
    const id = await submittedImport(TRADER);
    await runPendingJobs();
    const before = smtp.messages.length;
    await raiseQuery({ actor: await loadUserActor({ email: OFFICER_EMAIL }), id, question: 'Which supplier?' });
    await runPendingJobs();
    const { rows } = await getPool().query<{ occurred_at: Date; lrn: string }>(`SELECT occurred_at, COALESCE(mrn, lrn) AS lrn FROM business_event WHERE declaration_id = $1 AND type = 'declaration.query_raised'`, [id]);
    const when = rows[0]!.occurred_at;

    const [fr] = mailsTo(TRADER, before);
    expect(fr, 'the French trader’s e-mail').toBeDefined();
    expect(decodedSubject(fr!.headers)).toBe(`La douane a posé une question: ${rows[0]!.lrn}`);
    expect(fr!.text).toContain('La douane a posé une question');
    expect(fr!.text).toMatch(/Ouvrir dans Clearway :\r?\n/);
    expect(fr!.text).toContain(`/declarations/${id}`);
    // The moment, the French way: "7 décembre 2026".
    const frenchDate = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(when);
    expect(frenchDate).toMatch(/[a-zéû]+ \d{4}$/);
    expect(fr!.text).toContain(frenchDate);
    expect(fr!.headers).toMatch(/^content-language: fr$/im);
    expect(fr!.html).toContain('<html lang="fr" dir="ltr">');

    const [ar] = mailsTo(CLERK, before);
    expect(ar, 'the Arabic clerk’s e-mail').toBeDefined();
    expect(ar!.text).toContain('طرحت الجمارك استفسارًا');
    expect(ar!.text).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(when));
    expect(ar!.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar!.html).toContain(`/declarations/${id}</a>`);

    // Without a profile language: English, as before.
    await getDb().user.update({ where: { email: TRADER }, data: { locale: null } });
    try {
      const other = await submittedImport(TRADER);
      await runPendingJobs();
      const second = smtp.messages.length;
      await raiseQuery({ actor: await loadUserActor({ email: OFFICER_EMAIL }), id: other, question: 'And the invoice?' });
      await runPendingJobs();
      const [en] = mailsTo(TRADER, second);
      expect(en!.text).toContain('Customs raised a query');
      expect(en!.text).toMatch(/Open it in Clearway:\r?\n/);
      expect(en!.html).toBeNull();
    } finally {
      await getDb().user.update({ where: { email: TRADER }, data: { locale: 'fr' } });
    }
  });

  it('the daily digest counts in the recipient’s language', async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: TRADER }, select: { id: true } });
    await getPool().query(`UPDATE notification SET channel = 'DIGEST', digested_at = NULL WHERE user_id = $1`, [user.id]);
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [user.id]);
    const before = smtp.messages.length;
    expect(await sendNotificationDigests()).toBeGreaterThanOrEqual(1);
    await runPendingJobs();
    const [digest] = mailsTo(TRADER, before);
    expect(decodedSubject(digest!.headers)).toBe(`Clearway : ${rows[0]!.n} notifications depuis hier`);
    expect(digest!.text).toContain('- La douane a posé une question: ');
    expect(digest!.text).toContain('Votre boîte de réception : ');
  });
});
