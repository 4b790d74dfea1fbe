'use server';
// Portal-wide server actions.
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';

import { ACTING_USER_COOKIE, isDemoUser } from './acting-user';

/** The "Acting as" switcher: remembers the chosen demo user and re-renders the page as them. */
export async function switchActingUser(formData: FormData): Promise<void> {
  const email = formData.get('email');
  if (typeof email !== 'string' || !isDemoUser(email)) return;
  (await cookies()).set(ACTING_USER_COOKIE, email, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 });
  revalidatePath('/', 'layout');
}
