import { AppError } from '../../../lib/errors';

export type ListPageResult<P> = { page: P; error: null } | { page: null; error: string };

/**
 * A list page's read, with a request the person can fix (a stale or foreign cursor, a bad search) said
 * on the page instead of failing it. Anything else is a bug and is thrown to the error page.
 */
export function readListPage<P>(read: Promise<P>): Promise<ListPageResult<P>> {
  return read.then(
    (page) => ({ page, error: null }),
    (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== 'BAD_USER_INPUT') throw e;
      return { page: null, error: e.details.fieldErrors?.map((f) => f.message).join(' ') || e.message };
    },
  );
}
