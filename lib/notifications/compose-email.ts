// The words of Clearway's notification e-mails in the recipient's language (messages/<locale>.json,
// namespace `email`): an event's title, the notification e-mail's body with the moment formatted for that
// language, the daily digest's subject and footer, and the account e-mails (invitation, password reset,
// sign-up; `email.account`). Data (references, links) stays as it is.
import type { Locale } from '../i18n/locales';
import { translateMessage, type MessageParams } from '../i18n/translate-message';

const NAMESPACE = 'email';

export interface EmailWords {
  /** An event type's title (`declaration.query_raised` → "Customs raised a query"), else `fallback`. */
  eventTitle(type: string, fallback: string): string;
  notificationBody(params: { title: string; when: Date; link: string; preferences: string }): string;
  digestSubject(count: number): string;
  digestFooter(params: { inbox: string; preferences: string }): string;
  invitation(params: { inviter: string; until: Date; link: string }): AccountEmail;
  passwordReset(params: { email: string; minutes: number; link: string }): AccountEmail;
  signUp(params: { company: string; eori: string; email: string; signIn: string }): AccountEmail;
  signUpExistingAccount(params: { company: string; eori: string; email: string; signIn: string }): AccountEmail;
}

export interface AccountEmail {
  subject: string;
  body: string;
}

export function composeEmail(locale: Locale): EmailWords {
  const t = (key: string, params?: MessageParams) => translateMessage(locale, `${NAMESPACE}.${key}`, params);
  return {
    eventTitle(type, fallback) {
      const key = `${NAMESPACE}.event.${type.replace(/\./g, '_')}`;
      const title = t(`event.${type.replace(/\./g, '_')}`);
      // A type another capability added without its catalogue entry yet: the English title it registered.
      return title === key ? fallback : title;
    },
    notificationBody: (params) => t('notification.body', params),
    digestSubject: (count) => t('digest.subject', { count }),
    digestFooter: (params) => t('digest.footer', params),
    invitation: (params) => ({ subject: t('account.invitation.subject'), body: t('account.invitation.body', params) }),
    passwordReset: (params) => ({ subject: t('account.passwordReset.subject'), body: t('account.passwordReset.body', params) }),
    signUp: (params) => ({ subject: t('account.signUp.subject', params), body: t('account.signUp.body', params) }),
    signUpExistingAccount: (params) => ({ subject: t('account.signUpExistingAccount.subject'), body: t('account.signUpExistingAccount.body', params) }),
  };
}
