// The words of Clearway's notification e-mails in the recipient's language (messages/<locale>.json,
// namespace `email`): an event's title, the notification e-mail's body with the moment formatted for that
// language, the daily digest's subject and footer. Data (references, links) stays as it is.
import type { Locale } from '../i18n/locales';
import { translateMessage, type MessageParams } from '../i18n/translate-message';

const NAMESPACE = 'email';

export interface EmailWords {
  /** An event type's title (`declaration.query_raised` → "Customs raised a query"), else `fallback`. */
  eventTitle(type: string, fallback: string): string;
  notificationBody(params: { title: string; when: Date; link: string; preferences: string }): string;
  digestSubject(count: number): string;
  digestFooter(params: { inbox: string; preferences: string }): string;
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
  };
}
