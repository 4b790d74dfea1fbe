// An error's sentence in the reader's language. Errors name their sentence in the catalogue
// (`messageKey` + `params`, under `errors.` in messages/<locale>.json); the English message is the one the
// code wrote. The translation replaces it only when that English is exactly the catalogue's English for the
// key, so a specific sentence written at a throw site (most of them, today) is never swapped for a vaguer
// generic one: it stays English until its own key is catalogued. A param `<name>Key` names another
// catalogue entry, said in the same language as `{<name>}` (referenced-words.ts).
import type { ErrorParams } from '../errors';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { withReferencedWords } from './referenced-words';
import { translateMessage } from './translate-message';

const said = (locale: Locale, key: string, params: ErrorParams) => translateMessage(locale, key, withReferencedWords(params, (ref) => translateMessage(locale, ref)));

export function translateError(locale: Locale, error: { message: string; messageKey?: unknown; params?: unknown }): string {
  if (locale === DEFAULT_LOCALE || typeof error.messageKey !== 'string') return error.message;
  const params = error.params && typeof error.params === 'object' ? (error.params as ErrorParams) : {};
  const key = `errors.${error.messageKey}`;
  if (said(DEFAULT_LOCALE, key, params) !== error.message) return error.message;
  return said(locale, key, params);
}
