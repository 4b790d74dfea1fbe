import { describe, expect, it } from 'vitest';

import { pickLocale } from '../../lib/i18n/pick-locale';

describe('pickLocale', () => {
  it('prefers the profile, then the cookie, then Accept-Language', () => {
    expect(pickLocale({ profile: 'ar', cookie: 'fr', acceptLanguage: 'es' })).toBe('ar');
    expect(pickLocale({ profile: null, cookie: 'fr', acceptLanguage: 'es' })).toBe('fr');
    expect(pickLocale({ acceptLanguage: 'es' })).toBe('es');
  });

  it('ignores values that are not shipped locales', () => {
    expect(pickLocale({ profile: 'de', cookie: 'xx', acceptLanguage: 'fr' })).toBe('fr');
  });

  it('follows q-values and matches regional tags to their language', () => {
    expect(pickLocale({ acceptLanguage: 'de-DE, fr-CA;q=0.8, ar;q=0.9' })).toBe('ar');
    expect(pickLocale({ acceptLanguage: 'pt-BR,es-419;q=0.7,en;q=0.5' })).toBe('es');
    expect(pickLocale({ acceptLanguage: 'fr;q=0, es;q=0.1' })).toBe('es');
  });

  it('falls back to English', () => {
    expect(pickLocale({ acceptLanguage: 'de, ja' })).toBe('en');
    expect(pickLocale({ acceptLanguage: '' })).toBe('en');
    expect(pickLocale({})).toBe('en');
  });
});
