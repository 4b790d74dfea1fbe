// Turning validation failures into field errors a person can act on, the same on every transport.
import type { z } from 'zod';

import { AppError, type FieldError } from './errors';

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message }));
}

/** Parse or throw BAD_USER_INPUT with one field error per problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Some fields need correcting.'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('BAD_USER_INPUT', message, { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

export function throwFieldErrors(fieldErrors: FieldError[], message = 'Some fields need correcting.'): void {
  if (fieldErrors.length) throw new AppError('BAD_USER_INPUT', message, { fieldErrors });
}
