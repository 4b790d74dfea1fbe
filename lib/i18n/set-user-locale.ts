// Saves the portal language a person chose on their profile, so it follows them to other browsers and to
// the e-mails sent to them. A preference, not a business fact: no audit event.
import { getDb } from '../db';
import { AppError } from '../errors';
import { isLocale, LOCALES } from './locales';

export async function setUserLocale(userId: string, locale: string): Promise<void> {
  if (!isLocale(locale)) {
    throw new AppError('BAD_USER_INPUT', `Unknown language “${locale}”: one of ${LOCALES.join(', ')}.`, {
      fieldErrors: [{ path: ['locale'], code: 'INVALID', message: `Choose one of ${LOCALES.join(', ')}.` }],
    });
  }
  await getDb().user.update({ where: { id: userId }, data: { locale } });
}
