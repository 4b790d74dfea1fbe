// The one place that decides which errors a mutation answers in its payload's `userErrors` and which
// stay GraphQL errors. Problems the person can fix in the input (BAD_USER_INPUT) or by acting on the
// current state (CONFLICT: already done, no longer a draft, a duplicate) are user errors; access
// problems (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) and anything unexpected stay GraphQL errors.
import { isAppError } from '../lib/errors';
import type { UserError } from './generated/resolvers-types';

/** The user errors an error stands for, or null when it is not one (rethrow it). */
export function toUserErrors(error: unknown): UserError[] | null {
  if (!isAppError(error)) return null;
  if (error.code === 'BAD_USER_INPUT') return error.details.fieldErrors ?? [{ path: [], code: 'invalid', message: error.message }];
  if (error.code === 'CONFLICT') return [{ path: [], code: 'CONFLICT', message: error.message }];
  return null;
}

/** Runs a mutation: its value and no user errors, or no value and the user errors it failed with. */
export async function withUserErrors<T>(run: () => Promise<T>): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await run(), userErrors: [] };
  } catch (error) {
    const userErrors = toUserErrors(error);
    if (!userErrors) throw error;
    return { value: null, userErrors };
  }
}
