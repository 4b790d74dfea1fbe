// How e-mail leaves Clearway: over SMTP with nodemailer when SMTP_URL is set; otherwise the message stays
// in the outbox_message table (and the user's inbox) and the log records that it went out — never its
// body: bodies carry live secrets (reset and invitation links), and logs are read by more people, kept
// longer and shipped further than mail. A deployment may plug in another mail service with setNotifier.
import nodemailer from 'nodemailer';

import { getEnv } from '../env';
import { isLocale } from '../i18n/locales';
import { getLogger } from '../logger';
import { renderEmailHtml } from './render-email-html';

export interface OutgoingMessage {
  kind: string;
  to: string;
  subject: string;
  body: string;
  /** The language subject and body are written in; with one, the e-mail also gets an HTML part marked with it. */
  locale?: string | null;
}

export interface Notifier {
  deliver(message: OutgoingMessage & { id: bigint }): Promise<void>;
}

const logNotifier: Notifier = {
  async deliver(message) {
    getLogger().info({ outboxId: String(message.id), kind: message.kind, to: message.to, subject: message.subject }, 'message sent (no mail service configured: its body is in outbox_message)');
  },
};

function smtpNotifier(url: string, from: string): Notifier {
  // Connection errors surface as a rejected sendMail: the send-email job fails and is retried.
  const transport = nodemailer.createTransport(url, { from });
  return {
    async deliver(message) {
      const locale = isLocale(message.locale) ? message.locale : null;
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.body,
        ...(locale ? { html: renderEmailHtml(message.body, locale) } : {}),
        headers: { 'X-Clearway-Message': String(message.id), ...(locale ? { 'Content-Language': locale } : {}) },
      });
      getLogger().info({ outboxId: String(message.id), kind: message.kind, to: message.to }, 'message sent over SMTP');
    },
  };
}

const KEY = Symbol.for('clearway.notifier');
type Holder = { [KEY]?: { notifier: Notifier; url: string | undefined; custom: boolean } };

/** The notifier for the current configuration (tests change SMTP_URL between cases). */
export function getNotifier(): Notifier {
  const holder = globalThis as Holder;
  const { SMTP_URL, MAIL_FROM } = getEnv();
  const current = holder[KEY];
  if (current && (current.custom || current.url === SMTP_URL)) return current.notifier;
  const notifier = SMTP_URL ? smtpNotifier(SMTP_URL, MAIL_FROM) : logNotifier;
  holder[KEY] = { notifier, url: SMTP_URL, custom: false };
  return notifier;
}

/** Plugs in another mail service (null: back to the configured one). */
export function setNotifier(notifier: Notifier | null): void {
  (globalThis as Holder)[KEY] = notifier ? { notifier, url: undefined, custom: true } : undefined;
}
