// The one place that decides which errors a mutation answers in its payload's `userErrors` and which
// stay GraphQL errors. Problems the person can fix in the input (BAD_USER_INPUT) or by acting on the
// current state (CONFLICT: already done, no longer a draft, a duplicate) are user errors; access
// problems (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) and anything unexpected stay GraphQL errors.
import { isAppError, type AppError, type FieldError } from '../lib/errors';

// A payload's user error is the lib's FieldError as thrown (codegen maps UserError to it); its resolvers
// (graphql/resolvers/errors.ts) translate the message and list the params.
type UserError = FieldError;

/** The error's own catalogue key, carried onto the one user error that stands for it. */
const catalogueKeyOf = (error: AppError): Pick<FieldError, 'messageKey' | 'params'> =>
  typeof error.details.messageKey === 'string' ? { messageKey: error.details.messageKey, params: error.details.params ?? {} } : {};

/** The user errors an error stands for, or null when it is not one (rethrow it). */
export function toUserErrors(error: unknown): UserError[] | null {
  if (!isAppError(error)) return null;
  if (error.code === 'BAD_USER_INPUT') return error.details.fieldErrors ?? [{ path: [], code: 'INVALID', message: error.message, ...catalogueKeyOf(error) }];
  // A conflict that names its place (e.g. a reused EPCIS event id) keeps its field errors.
  if (error.code === 'CONFLICT') return error.details.fieldErrors ?? [{ path: [], code: 'CONFLICT', message: error.message, ...catalogueKeyOf(error) }];
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
