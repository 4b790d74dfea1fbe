// The portal language saved on a person's profile, or null when they never chose one.
import { getDb } from '../db';
import { isLocale, type Locale } from './locales';

export async function getUserLocale(userId: string): Promise<Locale | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : null;
}
