// Turning validation failures into field errors a person can act on, the same on every transport.
import type { z } from 'zod';

import { AppError, type ErrorParams, type FieldError, type FieldErrorCode } from './errors';
import { cataloguedMessage } from './i18n/catalogued-message';

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

type IssueLike = Pick<z.core.$ZodIssue, 'code'> & Record<string, unknown>;

const text = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/**
 * The catalogue's key and arguments for one of zod's own issues (`errors.zod.*`): what a client needs to
 * say it in any language. A refinement that wrote its own sentence names its key in `params.messageKey`
 * (see cataloguedMessage); one that did not gets the generic key of its field error code (`errors.field.*`).
 */
function keyOfIssue(issue: IssueLike, missing: boolean): { messageKey: string; params: ErrorParams } {
  if (missing) return { messageKey: 'field.REQUIRED', params: {} };
  switch (issue.code) {
    case 'invalid_type':
      return { messageKey: 'zod.invalidType', params: { expected: text(issue.expected) } };
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      return {
        messageKey: issue.code === 'too_small' ? 'zod.tooSmall' : 'zod.tooBig',
        params: { origin: text(issue.origin ?? 'value'), limit: typeof bound === 'bigint' ? Number(bound) : Number(bound), inclusive: issue.inclusive === false ? 'no' : 'yes' },
      };
    }
    case 'invalid_format':
      return { messageKey: 'zod.invalidFormat', params: { format: text(issue.format) } };
    case 'invalid_value':
      return { messageKey: 'zod.invalidValue', params: { values: text(issue.values) } };
    case 'not_multiple_of':
      return { messageKey: 'zod.notMultipleOf', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { messageKey: 'zod.unrecognizedKeys', params: { keys: text(issue.keys) } };
    default:
      return { messageKey: `field.${CODE_OF_ISSUE[issue.code]}`, params: {} };
  }
}

/** The catalogue key a refinement named (`params: { messageKey, ... }`), with its other params. */
function ownKey(issue: z.core.$ZodIssue): { messageKey: string; params: ErrorParams } | null {
  const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
  if (typeof params?.messageKey !== 'string') return null;
  const { messageKey, ...rest } = params;
  return { messageKey, params: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)])) };
}

/** One field error per issue; with the input, a wrong type where nothing was given is REQUIRED. */
export function fieldErrorsOf(error: z.ZodError, input?: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && input !== undefined && valueAt(input, issue.path) == null;
    const key = ownKey(issue) ?? keyOfIssue(issue as unknown as IssueLike, missing);
    return { path: issue.path.map(String), code: missing ? 'REQUIRED' : CODE_OF_ISSUE[issue.code], message: issue.message, ...key };
  });
}

/**
 * zod's own English for issues no schema worded is replaced by the catalogue's, so that those messages
 * are the catalogue's English and can be translated (lib/i18n/translate-error.ts). Sentences a schema
 * wrote itself outrank this map (zod's order: the check's own, the schema's, then this one).
 */
export const catalogueErrorMap = (issue: z.core.$ZodRawIssue): string => {
  const missing = issue.code === 'invalid_type' && issue.input == null;
  const { messageKey, params } = keyOfIssue(issue as unknown as IssueLike, missing);
  return cataloguedMessage(messageKey, params).message;
};

const FIELDS_NEED_CORRECTING = cataloguedMessage('fieldsNeedCorrecting');

/** Parse or throw BAD_USER_INPUT with one field error per problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = FIELDS_NEED_CORRECTING.message): z.output<S> {
  const parsed = schema.safeParse(input, { error: catalogueErrorMap });
  if (!parsed.success) {
    throw new AppError('BAD_USER_INPUT', message, { ...keyOf(message), fieldErrors: fieldErrorsOf(parsed.error, input) });
  }
  return parsed.data;
}

/** The catalogue key of the default summary sentence, when that is the one used. */
const keyOf = (message: string) => (message === FIELDS_NEED_CORRECTING.message ? { messageKey: FIELDS_NEED_CORRECTING.messageKey, params: {} } : {});

/** BAD_USER_INPUT with these field errors and the catalogued summary "Some fields need correcting." (its key too). */
export function fieldsNeedCorrecting(fieldErrors: FieldError[]): AppError {
  return new AppError('BAD_USER_INPUT', FIELDS_NEED_CORRECTING.message, { messageKey: FIELDS_NEED_CORRECTING.messageKey, params: {}, fieldErrors });
}

export function throwFieldErrors(fieldErrors: FieldError[], message = FIELDS_NEED_CORRECTING.message): void {
  if (fieldErrors.length) throw new AppError('BAD_USER_INPUT', message, { ...keyOf(message), fieldErrors });
}
