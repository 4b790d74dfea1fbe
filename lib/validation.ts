// Turning validation failures into field errors a person can act on, the same on every transport.
import type { z } from 'zod';

import { AppError, type FieldError, type FieldErrorCode } from './errors';

/** zod's issue codes are its own vocabulary: each becomes one of the closed set clients see. */
const CODE_OF_ISSUE: Record<z.core.$ZodIssue['code'], FieldErrorCode> = {
  invalid_type: 'INVALID',
  too_big: 'TOO_BIG',
  too_small: 'TOO_SMALL',
  invalid_format: 'INVALID',
  not_multiple_of: 'INVALID',
  unrecognized_keys: 'INVALID',
  invalid_union: 'INVALID',
  invalid_key: 'INVALID',
  invalid_element: 'INVALID',
  invalid_value: 'INVALID',
  custom: 'INVALID',
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One field error per issue; with the input, a wrong type where nothing was given is REQUIRED. */
export function fieldErrorsOf(error: z.ZodError, input?: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && input !== undefined && valueAt(input, issue.path) == null;
    return { path: issue.path.map(String), code: missing ? 'REQUIRED' : CODE_OF_ISSUE[issue.code], message: issue.message };
  });
}

/** Parse or throw BAD_USER_INPUT with one field error per problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Some fields need correcting.'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('BAD_USER_INPUT', message, { fieldErrors: fieldErrorsOf(parsed.error, input) });
  return parsed.data;
}

export function throwFieldErrors(fieldErrors: FieldError[], message = 'Some fields need correcting.'): void {
  if (fieldErrors.length) throw new AppError('BAD_USER_INPUT', message, { fieldErrors });
}
