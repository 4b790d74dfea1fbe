// One error type for everything the product reports on purpose. Transports map `code` to their own
// vocabulary (GraphQL `extensions.code`, HTTP status) through `httpStatusFor`; anything that is not an
// AppError is unexpected and is masked behind a request id.

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The kinds of field-level problem, a closed set shared by every transport: GraphQL's `UserErrorCode`
 * enum (graphql/schema/index.graphql, kept equal to this by test/graphql/schema-modules.test.ts) and
 * the `fieldErrors` of REST answers. The sentence says what each means to a client.
 */
export const FIELD_ERROR_CODES = {
  REQUIRED: 'A value is missing.',
  INVALID: 'The value has the wrong form, or is not one of the allowed values.',
  TOO_SMALL: 'The number, text or list is below its minimum.',
  TOO_BIG: 'The number, text or list is above its maximum.',
  UNKNOWN: 'The value names something that does not exist here: a code, a company, a place, a container, an upload.',
  DUPLICATE: 'The value is already taken, or given twice.',
  MISMATCH: 'The value contradicts another value or what was declared.',
  NOT_ALLOWED: 'The caller may not use or change this value (e.g. a party without a power of representation, a submitted LRN).',
  EXPIRED: 'A link or token has expired or was already used.',
  CONFLICT: 'The current state does not allow the change: already done, no longer a draft, closed.',
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;

/** The named values of a catalogued message (`{minimum}`, `{netMass}`), for clients that translate. */
export type ErrorParams = Record<string, string | number>;

/**
 * A field-level problem a person can act on: where, what kind, and a sentence. `messageKey` names the
 * sentence in the message catalogue (messages/<locale>.json under `errors.`, see docs/languages.md) with
 * its `params`, so a transport can say it in the reader's language; without one, `message` is English.
 */
export interface FieldError {
  path: string[];
  code: FieldErrorCode;
  message: string;
  messageKey?: string;
  params?: ErrorParams;
}

export interface AppErrorDetails {
  fieldErrors?: FieldError[];
  /** The catalogued sentence the error's message is (`errors.<messageKey>`), with its arguments. */
  messageKey?: string;
  params?: ErrorParams;
  [key: string]: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  INTERNAL_SERVER_ERROR: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
