// The HTML part of an e-mail: its plain text, escaped, paragraphs kept, links made clickable, inside
// <html lang dir> so a mail client lays Arabic out right to left (the text part has no way to say so).
import { directionOf, type Locale } from '../i18n/locales';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmailHtml(text: string, locale: Locale): string {
  const dir = directionOf(locale);
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => escape(p).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>'))
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html>\n<html lang="${locale}" dir="${dir}">\n<head><meta charset="utf-8"></head>\n<body dir="${dir}" style="text-align: start">\n${paragraphs}\n</body>\n</html>\n`;
}
