// The words and formats of Clearway's generated PDFs (declaration, release note, permit certificate) in one
// language: labels from the same catalogue as the portal and the e-mails (messages/<locale>.json, namespace
// `pdf`, through translateMessage, as compose-email.ts does), dates and numbers by Intl for that language,
// and the page direction (Arabic pages are mirrored by pdf-layout.ts). Data (names, codes, references)
// stays as filed.
//
// English keeps the forms the PDFs had before they were translated (ISO-like dates, "1,234.50 EUR"): a PDF
// is anchored by its bytes, so an English PDF downloaded again after this change renders the same bytes as
// before and still matches the ledger entry anchored for it.
import { directionOf, type Locale } from '../i18n/locales';
import { translateMessage, type MessageParams } from '../i18n/translate-message';
import { formatDateTime, groupDigits } from './pdf-layout';

const NAMESPACE = 'pdf';

/** Bidi marks Intl puts around numbers in Arabic: pdf-layout.ts orders the runs itself. */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export interface PdfWords {
  readonly locale: Locale;
  readonly direction: 'ltr' | 'rtl';
  /** A label under `pdf.` (`declaration.title`, `column.item`, …) with its ICU arguments. */
  t(key: string, params?: MessageParams): string;
  /** A key under `pdf.` that may be missing (a code without its own entry): null then. */
  optional(key: string, params?: MessageParams): string | null;
  /** A moment with its zone named: `2026-11-26 15:05 CET` in English, `26 nov. 2026, 15:05 UTC+1` in French. */
  dateTime(date: Date | null | undefined, timeZone?: string): string;
  /** A decimal string grouped for the language, its digits untouched (never turned into a float). */
  decimal(value: string | null | undefined): string;
  /** An amount with its ISO 4217 currency, as the language writes money. */
  money(value: string, currency: string): string;
  /** `Page 1 of 3`. */
  pageOf(page: number, pages: number): string;
}

export function composePdfWords(locale: Locale = 'en'): PdfWords {
  const t = (key: string, params?: MessageParams) => translateMessage(locale, `${NAMESPACE}.${key}`, params);
  const english = locale === 'en';
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const decimalFormats = new Map<number, Intl.NumberFormat>();
  const decimalFormat = (fractionDigits: number) => {
    let format = decimalFormats.get(fractionDigits);
    if (!format) decimalFormats.set(fractionDigits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })));
    return format;
  };
  const decimal = (value: string | null | undefined): string => {
    const text = (value ?? '').trim();
    if (english || !DECIMAL.test(text)) return groupDigits(text);
    // Intl formats a decimal *string* exactly (no float in between), with as many fraction digits as it has.
    const fraction = text.split('.')[1]?.length ?? 0;
    return decimalFormat(Math.min(fraction, 20)).format(text as unknown as number).replace(BIDI_MARKS, '');
  };
  return {
    locale,
    direction: directionOf(locale),
    t,
    optional(key, params) {
      const text = t(key, params);
      return text === `${NAMESPACE}.${key}` ? null : text;
    },
    dateTime(date, timeZone = 'UTC') {
      if (english || !date) return formatDateTime(date, timeZone);
      let format = dateFormats.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
        dateFormats.set(timeZone, format);
      }
      return format.format(date).replace(BIDI_MARKS, '');
    },
    decimal,
    money(value, currency) {
      const text = value.trim();
      if (english || !DECIMAL.test(text)) return `${groupDigits(text)} ${currency}`;
      return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 }).format(text as unknown as number).replace(BIDI_MARKS, '');
    },
    pageOf: (page, pages) => t('page', { page, pages }),
  };
}
