// The languages the portal ships, one source of truth for the message files (messages/<locale>.json),
// the app_user.locale CHECK, the language switcher and Accept-Language negotiation.

export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each locale's own name for itself, as the language switcher shows it (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

/** Right-to-left scripts among the shipped locales. */
const RTL: ReadonlySet<Locale> = new Set(['ar']);

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

/** The cookie that remembers the choice of someone not signed in (and of a signed-in person, on this browser). */
export const LOCALE_COOKIE = 'clearway-locale';
