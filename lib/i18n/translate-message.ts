// Messages outside React (GraphQL errors, e-mails, PDFs) come from the same catalogue as the portal's pages,
// messages/<locale>.json, formatted with the same ICU engine (use-intl's core, which next-intl is built on).
// A key missing from a locale falls back to English, then to the key itself, never throws.
import { createTranslator } from 'use-intl/core';

import ar from '../../messages/ar.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import { DEFAULT_LOCALE, type Locale } from './locales';

/** Named values an ICU message takes: `{count, plural, …}`, `{when, date, medium}`, `{field}`. */
export type MessageParams = Record<string, string | number | Date>;

type Messages = typeof en;
const CATALOGUE: Record<Locale, Messages> = { en, fr: fr as Messages, es: es as Messages, ar: ar as Messages };

type Translate = (key: string, params?: MessageParams) => string;
const translators = new Map<Locale, Translate>();

function translatorFor(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const t = createTranslator({
      locale,
      messages: CATALOGUE[locale],
      // Dates in server text are moments both sides read alike: UTC, as <When> shows them in the portal.
      timeZone: 'UTC',
      // `{when, time, time24}`: hours and minutes on the 24-hour clock customs works by, in every language.
      formats: { dateTime: { time24: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } } },
      onError: () => undefined,
      getMessageFallback: ({ key, namespace }) => MISSING + [namespace, key].filter(Boolean).join('.'),
    }) as unknown as (key: string, params?: MessageParams) => string;
    translate = (key, params) => t(key, params);
    translators.set(locale, translate);
  }
  return translate;
}

const MISSING = '\u0000missing:';

/** The message `key` (a full path such as `errors.field.REQUIRED`) in `locale`, with its arguments. */
export function translateMessage(locale: Locale, key: string, params: MessageParams = {}): string {
  const text = translatorFor(locale)(key, params);
  if (!text.startsWith(MISSING)) return text;
  if (locale !== DEFAULT_LOCALE) return translateMessage(DEFAULT_LOCALE, key, params);
  return key;
}
