import { AppError, type FieldError } from '../errors';

/** The field errors a response carries at most: a 10,000-event document can have 10,000 problems. */
export const MAX_FIELD_ERRORS = 100;

/** BAD_USER_INPUT with every problem's path (the first MAX_FIELD_ERRORS), when there is any. */
export function throwEventErrors(errors: FieldError[], what = 'document'): void {
  if (!errors.length) return;
  const shown = errors.slice(0, MAX_FIELD_ERRORS);
  const more = errors.length > shown.length ? ` (the first ${shown.length} are listed)` : '';
  throw new AppError(
    'BAD_USER_INPUT',
    `The ${what} was refused and nothing of it was stored: ${errors.length} problem${errors.length === 1 ? '' : 's'}${more}. First: ${errors[0]!.message}`,
    { fieldErrors: shown, errorCount: errors.length },
  );
}
